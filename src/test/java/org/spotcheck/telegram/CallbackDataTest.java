package org.spotcheck.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.spotcheck.check.Action;
import org.spotcheck.check.Answer;
import org.spotcheck.check.Cause;
import org.spotcheck.check.Question;

class CallbackDataTest {

    /** Every action a button can carry, with check ids from the first to the largest that fits. */
    private static List<Action> everyAction() {
        var actions = new ArrayList<Action>();
        actions.add(new Action.Begin());
        actions.add(new Action.Resume());
        actions.add(new Action.ShowPrivacy());
        actions.add(new Action.ForgetAsk());
        actions.add(new Action.ForgetConfirm());
        actions.add(new Action.ForgetCancel());
        actions.add(new Action.ShowConsent());
        actions.add(new Action.CloseConsent());
        actions.add(new Action.RemindIn(Duration.ofDays(2)));
        actions.add(new Action.RemindIn(Duration.ofSeconds(20)));
        for (int checkId : new int[] {0, 1, 42, 999_999_999, Integer.MAX_VALUE}) {
            for (Answer answer : Answer.values()) {
                actions.add(new Action.Choose(checkId, answer.question(), answer));
            }
            for (Question question : Question.values()) {
                actions.add(new Action.Back(checkId, question));
            }
        }
        for (Question question : Question.values()) {
            actions.add(new Action.WhyQuestion(question));
        }
        for (Cause cause : Cause.values()) {
            actions.add(new Action.WhyCause(cause));
        }
        return actions;
    }

    @Test
    void everyActionDecodesBackToAnEqualAction() {
        for (Action action : everyAction()) {
            assertThat(CallbackData.decode(CallbackData.encode(action))).as(action.toString()).isEqualTo(action);
        }
    }

    @Test
    void everyActionFitsInTelegramsSixtyFourBytes() {
        for (Action action : everyAction()) {
            String data = CallbackData.encode(action);
            assertThat(data.getBytes(StandardCharsets.UTF_8).length).as(data).isBetween(1, 64);
        }
    }

    @Test
    void differentActionsGetDifferentData() {
        var actions = everyAction();
        var data = actions.stream().map(CallbackData::encode).toList();

        assertThat(data).doesNotHaveDuplicates();
    }

    @Test
    void nullDecodesAsUnknown() {
        assertThat(CallbackData.decode(null)).isNull();
    }

    @Test
    void emptyDataDecodesAsUnknown() {
        assertThat(CallbackData.decode("")).isNull();
    }

    @Test
    void unknownWordsDecodeAsUnknown() {
        for (String data : List.of("start", "BEGIN", "Begin", "begin ", " begin", "forget:maybe", "privacy:1", "x", "a")) {
            assertThat(CallbackData.decode(data)).as(data).isNull();
        }
    }

    @Test
    void anAnswerToAQuestionThatDoesNotExistDecodesAsUnknown() {
        assertThat(CallbackData.decode("q:1:z:y")).isNull();
        assertThat(CallbackData.decode("q:1:E:y")).isNull();
    }

    @Test
    void anAnswerThatTheQuestionDoesNotHaveDecodesAsUnknown() {
        assertThat(CallbackData.decode("q:1:e:z")).isNull();
        assertThat(CallbackData.decode("q:1:g:y")).isNull();
    }

    @Test
    void aNegativeCheckIdDecodesAsUnknown() {
        assertThat(CallbackData.decode("q:-1:e:y")).isNull();
        assertThat(CallbackData.decode("b:-1:g")).isNull();
    }

    @Test
    void extraFieldsDecodeAsUnknown() {
        assertThat(CallbackData.decode("q:1:e:y:extra")).isNull();
        assertThat(CallbackData.decode("b:1:g:0")).isNull();
        assertThat(CallbackData.decode("wq:g:0")).isNull();
    }

    @Test
    void dataLongerThanSixtyFourBytesDecodesAsUnknown() {
        assertThat(CallbackData.decode("a".repeat(65))).isNull();
        assertThat(CallbackData.decode("q:" + "1".repeat(63) + ":e:y")).isNull();
        assertThat(CallbackData.decode("é".repeat(40))).isNull();
    }

    @Test
    void nonAsciiDigitsDecodeAsUnknown() {
        assertThat(CallbackData.decode("q:١:e:y")).isNull();
        assertThat(CallbackData.decode("w:٣")).isNull();
        assertThat(CallbackData.decode("c:１")).isNull();
    }

    @Test
    void aCauseThatDoesNotExistDecodesAsUnknown() {
        assertThat(CallbackData.decode("wc:q")).isNull();
        assertThat(CallbackData.decode("c:9")).isNull();
    }

    @Test
    void aCheckIdAboveTheLargestIntDecodesAsUnknown() {
        assertThat(CallbackData.decode("q:2147483648:e:y")).isNull();
        assertThat(CallbackData.decode("q:" + Integer.MAX_VALUE + ":e:y")).isNotNull();
        assertThat(CallbackData.decode("q::e:y")).isNull();
    }

    @Test
    void aReminderDelayCarriesTheDurationItselfNotItsPlaceInTheSettings() {
        assertThat(CallbackData.encode(new Action.RemindIn(Duration.ofDays(2)))).isEqualTo("in:PT48H");
        assertThat(CallbackData.decode("in:PT20S")).isEqualTo(new Action.RemindIn(Duration.ofSeconds(20)));
        assertThat(CallbackData.decode("in:P2D")).as("not the form encode writes").isNull();
        assertThat(CallbackData.decode("in:PT0S")).isNull();
        assertThat(CallbackData.decode("in:PT-5S")).isNull();
    }

    @Test
    void codesDoNotDependOnTheOrderOfQuestionsAnswersOrCauses() {
        // Pinned: a release that reorders or inserts answers must not change what an old button means.
        assertThat(CallbackData.encode(new Action.Choose(7, Question.EMERGENCY, Answer.EMERGENCY_YES))).isEqualTo("q:7:e:y");
        assertThat(CallbackData.encode(new Action.Choose(7, Question.SCREENING, Answer.HYSTERECTOMY_RECENT))).isEqualTo("q:7:x:h");
        assertThat(CallbackData.encode(new Action.Back(7, Question.PAIN))).isEqualTo("b:7:p");
        assertThat(CallbackData.encode(new Action.WhyCause(Cause.CERVICAL_CHANGES))).isEqualTo("wc:x");
    }

    @Test
    void versionThreesNewAnswersHaveTheirOwnCodes() {
        assertThat(CallbackData.encode(new Action.Choose(7, Question.AGE, Answer.AGE_UNDER_13))).isEqualTo("q:7:g:k");
        assertThat(CallbackData.encode(new Action.Choose(7, Question.AGE, Answer.AGE_13_15))).isEqualTo("q:7:g:m");
        assertThat(CallbackData.encode(new Action.Choose(7, Question.BIRTH_CONTROL, Answer.BIRTH_CONTROL_COPPER))).isEqualTo("q:7:c:k");
        assertThat(CallbackData.encode(new Action.Choose(7, Question.SCREENING, Answer.SCREENING_CELL_CHANGES))).isEqualTo("q:7:x:c");
        assertThat(CallbackData.encode(new Action.Choose(7, Question.SCREENING, Answer.SCREENING_CANCER_TREATMENT))).isEqualTo("q:7:x:t");
        assertThat(CallbackData.encode(new Action.Choose(7, Question.CERVIX, Answer.CERVIX_KEPT))).isEqualTo("q:7:h:k");
    }

    @Test
    void versionTwosAnswersThatSplitDecodeAsStaleNeverAsOneOfTheirHalves() {
        assertThat(CallbackData.decode("q:7:g:a")).as("Under 16").isNull();
        assertThat(CallbackData.decode("q:7:x:a")).as("An abnormal result or treatment").isNull();
        assertThat(CallbackData.decode("q:7:e:n")).as("No, none of these (held new mild pain)").isNull();
        assertThat(CallbackData.decode("q:7:c:n")).as("No birth control (held a copper coil)").isNull();
    }

    @Test
    void versionThreesNarrowerNoAnswersHaveCodesOfTheirOwn() {
        assertThat(CallbackData.encode(new Action.Choose(7, Question.EMERGENCY, Answer.EMERGENCY_NONE))).isEqualTo("q:7:e:o");
        assertThat(CallbackData.encode(new Action.Choose(7, Question.BIRTH_CONTROL, Answer.BIRTH_CONTROL_NO))).isEqualTo("q:7:c:o");
    }

    @Test
    void versionTwosSlightTemperatureButtonStillMeansTheWiderAnswerThatContainsIt() {
        assertThat(CallbackData.decode("q:7:e:t")).isEqualTo(new Action.Choose(7, Question.EMERGENCY, Answer.EMERGENCY_SLIGHT_FEVER));
    }

    // ---------- release 1's buttons ----------

    /** Every answer and back button release 1 could have put on screen, in its "a:ID:Q:A" and "k:ID:Q" forms. */
    static List<String> version1AnswersAndBacks(int checkId) {
        var data = new ArrayList<String>();
        int[] answersPerQuestion = {2, 3, 4, 4, 3, 2, 3, 3}; // release 1's eight questions
        for (int q = 0; q < answersPerQuestion.length; q++) {
            for (int a = 0; a < answersPerQuestion[q]; a++) {
                data.add("a:" + checkId + ":" + q + ":" + a);
            }
            data.add("k:" + checkId + ":" + q);
        }
        return data;
    }

    @Test
    void releaseOnesAnswerAndBackButtonsDecodeAsStaleNeverAsAnotherAnswer() {
        for (String data : version1AnswersAndBacks(1)) {
            assertThat(CallbackData.decode(data)).as(data).isNull();
        }
    }

    @Test
    void releaseOnesWordButtonsKeepTheirMeaning() {
        assertThat(CallbackData.decode("begin")).isEqualTo(new Action.Begin());
        assertThat(CallbackData.decode("resume")).isEqualTo(new Action.Resume());
        assertThat(CallbackData.decode("result")).isEqualTo(new Action.ShowResult());
        assertThat(CallbackData.decode("privacy")).isEqualTo(new Action.ShowPrivacy());
        assertThat(CallbackData.decode("forget")).isEqualTo(new Action.ForgetAsk());
        assertThat(CallbackData.decode("forget:yes")).isEqualTo(new Action.ForgetConfirm());
        assertThat(CallbackData.decode("forget:no")).isEqualTo(new Action.ForgetCancel());
        assertThat(CallbackData.decode("remind")).isEqualTo(new Action.RemindOptions());
        assertThat(CallbackData.decode("rem:booked")).isEqualTo(new Action.ReminderBooked());
        assertThat(CallbackData.decode("rem:stop")).isEqualTo(new Action.ReminderStop());
        assertThat(CallbackData.decode("rem:cancel:12")).isEqualTo(new Action.CancelReminder(12));
        assertThat(CallbackData.decode("keep:3:y")).isEqualTo(new Action.Remember(3, true));
        assertThat(CallbackData.decode("checkin:again")).isEqualTo(new Action.CheckInAnswer(true));
        assertThat(CallbackData.decode("lang:pt-BR")).isEqualTo(new Action.SetLanguage("pt-BR"));
    }

    @Test
    void releaseOnesWhyButtonsAskAboutTheSameQuestionOrCause() {
        assertThat(CallbackData.decode("w:0")).isEqualTo(new Action.WhyQuestion(Question.EMERGENCY));
        assertThat(CallbackData.decode("w:1")).isEqualTo(new Action.WhyQuestion(Question.SITUATION));
        assertThat(CallbackData.decode("w:4")).isEqualTo(new Action.WhyQuestion(Question.PAIN));
        assertThat(CallbackData.decode("w:7")).isEqualTo(new Action.WhyQuestion(Question.SCREENING));
        assertThat(CallbackData.decode("w:8")).isNull();
        assertThat(CallbackData.decode("c:0")).isEqualTo(new Action.WhyCause(Cause.BIRTH_CONTROL));
        assertThat(CallbackData.decode("c:4")).isEqualTo(new Action.WhyCause(Cause.CERVICAL_CHANGES));
    }

    @Test
    void releaseOnesReminderDelayByPositionShowsTheDelaysAgainRatherThanGuessing() {
        assertThat(CallbackData.decode("remind:0")).isEqualTo(new Action.RemindOptions());
        assertThat(CallbackData.decode("remind:3")).isEqualTo(new Action.RemindOptions());
    }

    @Test
    void anInboxRowWrittenByReleaseOneIsReadThroughTheSameDecoding() {
        var tap = Incoming.fromEvent(5, 77, Optional.empty(), "tap|a:1:0:1|q1|42|en");
        assertThat(tap.input()).isEqualTo(new org.spotcheck.check.Input.Tap(null));
        var begin = Incoming.fromEvent(6, 77, Optional.empty(), "tap|begin|q2|42|en");
        assertThat(begin.input()).isEqualTo(new org.spotcheck.check.Input.Tap(new Action.Begin()));
    }
}
