package org.spotcheck.telegram;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.spotcheck.check.Action;
import org.spotcheck.check.Cause;
import org.spotcheck.check.Question;
import org.spotcheck.check.ReminderKind;

/**
 * Button actions as callback_data (at most 64 bytes). The data comes back from the client, so
 * decoding is strict: anything that is not exactly one of these forms reads as unknown (null).
 * Answers carry the check id and the question, so a tap on an older message is recognised.
 *
 * Questions, answers and causes travel as their own short codes and reminder delays as the
 * duration itself, never as a position in a list: a release that adds an answer or a delay
 * cannot turn an old button into a different choice. Version 1 wrote positions ("a:ID:Q:A",
 * "k:ID:Q", "w:Q", "c:N", "remind:N"); those answer and back taps now read as unknown, which
 * the conversation answers with a toast and the current question. Word forms whose meaning did
 * not change are still the same words. The durable inbox keeps this same text, so its rows
 * written by version 1 are read the same way.
 */
public final class CallbackData {

    static final int MAX_BYTES = 64;

    // q:CHECK:Q:A  b:CHECK:Q  wq:Q  wc:C  in:DURATION  and single words; codes are letters or digits.
    // Numbers are written as encode() writes them: no leading zeros, so one action has one form.
    private static final String ID = "(0|[1-9]\\d{0,9})";
    private static final String CODE = "([a-z0-9])";
    private static final Pattern CHOOSE = Pattern.compile("q:" + ID + ":" + CODE + ":" + CODE);
    private static final Pattern BACK = Pattern.compile("b:" + ID + ":" + CODE);
    private static final Pattern WHY_QUESTION = Pattern.compile("wq:" + CODE);
    private static final Pattern WHY_CAUSE = Pattern.compile("wc:" + CODE);
    private static final Pattern LANGUAGE = Pattern.compile("lang:([a-z]{2}(-[A-Z]{2})?)");
    private static final Pattern REMIND_IN = Pattern.compile("in:(P[0-9A-Z.]{1,20})");
    private static final Pattern CANCEL_REMINDER = Pattern.compile("rem:cancel:(0|[1-9]\\d{0,17})");
    private static final Pattern REMEMBER = Pattern.compile("keep:" + ID + ":([yn])");

    /** Version 1's forms: "why" pop-ups by position, as version 1 ordered them. */
    private static final Pattern V1_WHY_QUESTION = Pattern.compile("w:(\\d)");
    private static final Pattern V1_WHY_CAUSE = Pattern.compile("c:(\\d)");
    private static final Pattern V1_REMIND_IN = Pattern.compile("remind:(\\d)");
    private static final List<Question> V1_QUESTIONS = List.of(Question.EMERGENCY, Question.SITUATION,
            Question.FREQUENCY, Question.BIRTH_CONTROL, Question.PAIN, Question.DISCHARGE, Question.STI_RISK,
            Question.SCREENING);
    private static final List<Cause> V1_CAUSES = List.of(Cause.BIRTH_CONTROL, Cause.STI, Cause.DRYNESS,
            Cause.YEAST_INFECTION, Cause.CERVICAL_CHANGES);

    private CallbackData() {
    }

    public static String encode(Action action) {
        if (action instanceof Action.Choose a) {
            return "q:" + a.checkId() + ":" + a.question().code() + ":" + a.answer().code();
        }
        if (action instanceof Action.Back b) {
            return "b:" + b.checkId() + ":" + b.question().code();
        }
        if (action instanceof Action.WhyQuestion w) {
            return "wq:" + w.question().code();
        }
        if (action instanceof Action.WhyCause w) {
            return "wc:" + w.cause().code();
        }
        if (action instanceof Action.Begin) {
            return "begin";
        }
        if (action instanceof Action.ShowResult) {
            return "result";
        }
        if (action instanceof Action.Resume) {
            return "resume";
        }
        if (action instanceof Action.ShowPrivacy) {
            return "privacy";
        }
        if (action instanceof Action.ShowConsent) {
            return "consent";
        }
        if (action instanceof Action.CloseConsent) {
            return "consent:close";
        }
        if (action instanceof Action.ForgetAsk) {
            return "forget";
        }
        if (action instanceof Action.ForgetConfirm) {
            return "forget:yes";
        }
        if (action instanceof Action.ForgetCancel) {
            return "forget:no";
        }
        if (action instanceof Action.SetLanguage set) {
            return "lang:" + set.language();
        }
        if (action instanceof Action.RemindOptions) {
            return "remind";
        }
        if (action instanceof Action.RemindIn r) {
            return "in:" + r.after();
        }
        if (action instanceof Action.ReminderBooked) {
            return "rem:booked";
        }
        if (action instanceof Action.ReminderLater later) {
            return later.kind() == ReminderKind.DOCTOR ? "rem:later:d" : "rem:later:c";
        }
        if (action instanceof Action.ReminderStop) {
            return "rem:stop";
        }
        if (action instanceof Action.CancelReminder cancel) {
            return "rem:cancel:" + cancel.reminderId();
        }
        if (action instanceof Action.Remember remember) {
            return "keep:" + remember.checkId() + ":" + (remember.yes() ? "y" : "n");
        }
        if (action instanceof Action.CheckInAsk) {
            return "checkin";
        }
        if (action instanceof Action.CheckInAnswer answer) {
            return answer.happenedAgain() ? "checkin:again" : "checkin:fine";
        }
        throw new IllegalArgumentException("no callback data for " + action);
    }

    /** The action, or null when the data is not one SpotCheck made (or one of version 1 that no longer holds). */
    public static Action decode(String data) {
        if (data == null || data.length() > MAX_BYTES) {
            return null;
        }
        switch (data) {
            case "begin": return new Action.Begin();
            case "resume": return new Action.Resume();
            case "result": return new Action.ShowResult();
            case "privacy": return new Action.ShowPrivacy();
            case "consent": return new Action.ShowConsent();
            case "consent:close": return new Action.CloseConsent();
            case "forget": return new Action.ForgetAsk();
            case "forget:yes": return new Action.ForgetConfirm();
            case "forget:no": return new Action.ForgetCancel();
            case "remind": return new Action.RemindOptions();
            case "rem:booked": return new Action.ReminderBooked();
            case "rem:later:d": return new Action.ReminderLater(ReminderKind.DOCTOR);
            case "rem:later:c": return new Action.ReminderLater(ReminderKind.CHECK_IN);
            case "rem:stop": return new Action.ReminderStop();
            case "checkin": return new Action.CheckInAsk();
            case "checkin:again": return new Action.CheckInAnswer(true);
            case "checkin:fine": return new Action.CheckInAnswer(false);
            default: break;
        }
        Matcher m;
        if ((m = CHOOSE.matcher(data)).matches()) {
            var question = Question.ofCode(m.group(2));
            var answer = question == null ? null : question.answerOfCode(m.group(3));
            var id = id(m.group(1));
            return answer == null || id == null ? null : new Action.Choose(id, question, answer);
        }
        if ((m = BACK.matcher(data)).matches()) {
            var question = Question.ofCode(m.group(2));
            var id = id(m.group(1));
            return question == null || id == null ? null : new Action.Back(id, question);
        }
        if ((m = WHY_QUESTION.matcher(data)).matches()) {
            var question = Question.ofCode(m.group(1));
            return question == null ? null : new Action.WhyQuestion(question);
        }
        if ((m = WHY_CAUSE.matcher(data)).matches()) {
            var cause = Cause.ofCode(m.group(1));
            return cause == null ? null : new Action.WhyCause(cause);
        }
        if ((m = LANGUAGE.matcher(data)).matches()) {
            return new Action.SetLanguage(m.group(1));
        }
        if ((m = REMIND_IN.matcher(data)).matches()) {
            try {
                var after = Duration.parse(m.group(1));
                return after.isNegative() || after.isZero() || !after.toString().equals(m.group(1))
                        ? null : new Action.RemindIn(after);
            } catch (DateTimeParseException e) {
                return null;
            }
        }
        if ((m = CANCEL_REMINDER.matcher(data)).matches()) {
            return new Action.CancelReminder(Long.parseLong(m.group(1)));
        }
        if ((m = REMEMBER.matcher(data)).matches()) {
            var id = id(m.group(1));
            return id == null ? null : new Action.Remember(id, m.group(2).equals("y"));
        }
        return version1(data);
    }

    /**
     * Version 1's position forms whose meaning is safe to keep: a "why" pop-up says the same of
     * the same question or cause, and a reminder delay by position shows the delays to choose again.
     */
    private static Action version1(String data) {
        Matcher m;
        if ((m = V1_WHY_QUESTION.matcher(data)).matches()) {
            int at = Integer.parseInt(m.group(1));
            return at < V1_QUESTIONS.size() ? new Action.WhyQuestion(V1_QUESTIONS.get(at)) : null;
        }
        if ((m = V1_WHY_CAUSE.matcher(data)).matches()) {
            int at = Integer.parseInt(m.group(1));
            return at < V1_CAUSES.size() ? new Action.WhyCause(V1_CAUSES.get(at)) : null;
        }
        if (V1_REMIND_IN.matcher(data).matches()) {
            return new Action.RemindOptions();
        }
        return null; // e.g. "a:ID:Q:A" and "k:ID:Q": a stale tap
    }

    private static Integer id(String digits) {
        long id = Long.parseLong(digits);
        return id > Integer.MAX_VALUE ? null : (int) id;
    }
}
