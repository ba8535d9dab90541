package org.spotcheck.telegram;

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
 */
public final class CallbackData {

    static final int MAX_BYTES = 64;

    // a:CHECK:QUESTION:ANSWER  k:CHECK:QUESTION  w:QUESTION  c:CAUSE  and single words.
    // Numbers are written as encode() writes them: no leading zeros, so one action has one form.
    private static final String ID = "(0|[1-9]\\d{0,8})";
    private static final Pattern CHOOSE = Pattern.compile("a:" + ID + ":(\\d):(\\d)");
    private static final Pattern BACK = Pattern.compile("k:" + ID + ":(\\d)");
    private static final Pattern WHY_QUESTION = Pattern.compile("w:(\\d)");
    private static final Pattern WHY_CAUSE = Pattern.compile("c:(\\d)");
    private static final Pattern LANGUAGE = Pattern.compile("lang:([a-z]{2}(-[A-Z]{2})?)");
    private static final Pattern REMIND_IN = Pattern.compile("remind:(\\d)");
    private static final Pattern CANCEL_REMINDER = Pattern.compile("rem:cancel:(0|[1-9]\\d{0,17})");
    private static final Pattern REMEMBER = Pattern.compile("keep:" + ID + ":([yn])");

    private CallbackData() {
    }

    public static String encode(Action action) {
        if (action instanceof Action.Choose a) {
            return "a:" + a.checkId() + ":" + a.question().ordinal() + ":" + a.answer().index();
        }
        if (action instanceof Action.Back b) {
            return "k:" + b.checkId() + ":" + b.question().ordinal();
        }
        if (action instanceof Action.WhyQuestion w) {
            return "w:" + w.question().ordinal();
        }
        if (action instanceof Action.WhyCause w) {
            return "c:" + w.cause().ordinal();
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
            return "remind:" + r.delayIndex();
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

    /** The action, or null when the data is not one SpotCheck made. */
    public static Action decode(String data) {
        if (data == null || data.length() > MAX_BYTES) {
            return null;
        }
        switch (data) {
            case "begin": return new Action.Begin();
            case "resume": return new Action.Resume();
            case "result": return new Action.ShowResult();
            case "privacy": return new Action.ShowPrivacy();
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
            var question = question(m.group(2));
            if (question == null) {
                return null;
            }
            int answer = Integer.parseInt(m.group(3));
            var answers = question.answers();
            return answer < answers.size()
                    ? new Action.Choose(Integer.parseInt(m.group(1)), question, answers.get(answer)) : null;
        }
        if ((m = BACK.matcher(data)).matches()) {
            var question = question(m.group(2));
            return question == null ? null : new Action.Back(Integer.parseInt(m.group(1)), question);
        }
        if ((m = WHY_QUESTION.matcher(data)).matches()) {
            var question = question(m.group(1));
            return question == null ? null : new Action.WhyQuestion(question);
        }
        if ((m = LANGUAGE.matcher(data)).matches()) {
            return new Action.SetLanguage(m.group(1));
        }
        if ((m = REMIND_IN.matcher(data)).matches()) {
            return new Action.RemindIn(Integer.parseInt(m.group(1)));
        }
        if ((m = CANCEL_REMINDER.matcher(data)).matches()) {
            return new Action.CancelReminder(Long.parseLong(m.group(1)));
        }
        if ((m = REMEMBER.matcher(data)).matches()) {
            return new Action.Remember(Integer.parseInt(m.group(1)), m.group(2).equals("y"));
        }
        if ((m = WHY_CAUSE.matcher(data)).matches()) {
            int cause = Integer.parseInt(m.group(1));
            return cause < Cause.values().length ? new Action.WhyCause(Cause.values()[cause]) : null;
        }
        return null;
    }

    private static Question question(String ordinal) {
        int index = Integer.parseInt(ordinal);
        return index < Question.values().length ? Question.values()[index] : null;
    }
}
