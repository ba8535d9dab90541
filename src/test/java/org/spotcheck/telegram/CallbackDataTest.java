package org.spotcheck.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

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
        for (int checkId : new int[] {0, 1, 42, 999_999_999}) {
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
        assertThat(CallbackData.decode("a:1:9:0")).isNull();
        assertThat(CallbackData.decode("a:1:8:0")).isNull();
    }

    @Test
    void anAnswerThatTheQuestionDoesNotHaveDecodesAsUnknown() {
        assertThat(CallbackData.decode("a:1:2:7")).isNull();
        assertThat(CallbackData.decode("a:1:0:2")).isNull();
    }

    @Test
    void aNegativeCheckIdDecodesAsUnknown() {
        assertThat(CallbackData.decode("a:-1:0:0")).isNull();
        assertThat(CallbackData.decode("k:-1:1")).isNull();
    }

    @Test
    void extraFieldsDecodeAsUnknown() {
        assertThat(CallbackData.decode("a:1:0:0:extra")).isNull();
        assertThat(CallbackData.decode("k:1:1:0")).isNull();
        assertThat(CallbackData.decode("w:1:0")).isNull();
    }

    @Test
    void dataLongerThanSixtyFourBytesDecodesAsUnknown() {
        assertThat(CallbackData.decode("a".repeat(65))).isNull();
        assertThat(CallbackData.decode("a:" + "1".repeat(63) + ":0:0")).isNull();
        assertThat(CallbackData.decode("é".repeat(40))).isNull();
    }

    @Test
    void nonAsciiDigitsDecodeAsUnknown() {
        assertThat(CallbackData.decode("a:١:0:0")).isNull();
        assertThat(CallbackData.decode("a:1:٠:٠")).isNull();
        assertThat(CallbackData.decode("w:٣")).isNull();
        assertThat(CallbackData.decode("c:１")).isNull();
    }

    @Test
    void aCauseThatDoesNotExistDecodesAsUnknown() {
        assertThat(CallbackData.decode("c:9")).isNull();
        assertThat(CallbackData.decode("c:" + Cause.values().length)).isNull();
    }

    @Test
    void aWhyOrBackForAQuestionThatDoesNotExistDecodesAsUnknown() {
        assertThat(CallbackData.decode("w:8")).isNull();
        assertThat(CallbackData.decode("k:1:9")).isNull();
    }

    @Test
    void aCheckIdTooLongForTheFormatDecodesAsUnknown() {
        assertThat(CallbackData.decode("a:1234567890:0:0")).isNull();
        assertThat(CallbackData.decode("a::0:0")).isNull();
    }
}
