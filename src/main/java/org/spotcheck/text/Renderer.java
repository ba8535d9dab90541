package org.spotcheck.text;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.spotcheck.check.Action;
import org.spotcheck.check.Answer;
import org.spotcheck.check.Cause;
import org.spotcheck.check.Check;
import org.spotcheck.check.PendingReminder;
import org.spotcheck.check.Question;
import org.spotcheck.check.ReminderKind;
import org.spotcheck.check.Reply;
import org.spotcheck.check.Reply.Page;
import org.spotcheck.check.Result;
import org.spotcheck.check.Urgency;
import org.spotcheck.text.Screen.Slot;

/** Turns the conversation's replies into messages with buttons, in one language. */
public final class Renderer {

    /** Telegram's limit for one message's text. */
    public static final int MAX_MESSAGE = 4096;

    private Renderer() {
    }

    public static List<Screen> render(Reply reply, Messages m) {
        if (reply instanceof Reply.ShowQuestion show) {
            return List.of(question(show.check(), m));
        }
        if (reply instanceof Reply.ShowResult show) {
            return result(show.check(), show.result(), m);
        }
        if (reply instanceof Reply.ShowToday today) {
            return today(today.sofar(), m);
        }
        if (reply instanceof Reply.ShowConsent) {
            return List.of(new Screen(m.get("page.consent"), List.of(
                    List.of(new Button(m.get("button.begin"), new Action.Begin())),
                    List.of(new Button(m.get("button.close"), new Action.CloseConsent()))), Slot.IN_PLACE));
        }
        if (reply instanceof Reply.CloseConsent) {
            return List.of(new Screen("", List.of(), Slot.REMOVE));
        }
        if (reply instanceof Reply.ShowPage show) {
            return List.of(page(show.page(), show.inProgress(), m));
        }
        if (reply instanceof Reply.ChooseDelay choose) {
            var rows = new ArrayList<List<Button>>();
            for (var delay : choose.delays()) {
                String label = m.format("button.remind_in", Map.of("delay", Durations.describe(delay, m)));
                rows.add(List.of(new Button(label, new Action.RemindIn(delay))));
            }
            return List.of(new Screen(m.get("remind.choose"), rows, Slot.PAGE));
        }
        if (reply instanceof Reply.ReminderSet set) {
            return List.of(new Screen(m.format("remind.set." + set.kind().key(),
                    Map.of("delay", Durations.describe(set.after(), m))), List.of(), Slot.PAGE));
        }
        if (reply instanceof Reply.AskRemember ask) {
            return List.of(new Screen(m.get("page.ask_remember"), List.of(List.of(
                    new Button(m.get("button.remember_yes"), new Action.Remember(ask.checkId(), true)),
                    new Button(m.get("button.remember_no"), new Action.Remember(ask.checkId(), false)))), Slot.PAGE));
        }
        throw new IllegalArgumentException("not a message: " + reply);
    }

    /** Buttons per row of the /language list: 12 languages fit a phone screen as 6 rows. */
    static final int LANGUAGES_PER_ROW = 2;

    /** /language: each language named in itself, so anyone can find their own. */
    public static Screen languages(Texts texts, Messages m) {
        var rows = new ArrayList<List<Button>>();
        var row = new ArrayList<Button>();
        for (var language : texts.all()) {
            row.add(new Button(language.get("language.name"), new Action.SetLanguage(language.language())));
            if (row.size() == LANGUAGES_PER_ROW) {
                rows.add(List.copyOf(row));
                row.clear();
            }
        }
        if (!row.isEmpty()) {
            rows.add(List.copyOf(row));
        }
        return new Screen(m.get("page.language"), rows, Slot.PAGE);
    }

    /** The /reminders list: when each is due, with a Cancel button each. */
    public static Screen reminders(List<PendingReminder> pending, Instant now, Messages m) {
        if (pending.isEmpty()) {
            return new Screen(m.get("reminders.none"), List.of(), Slot.PAGE);
        }
        var text = new StringBuilder(m.get("reminders.title"));
        var rows = new ArrayList<List<Button>>();
        for (int i = 0; i < pending.size(); i++) {
            var reminder = pending.get(i);
            String number = String.valueOf(i + 1);
            text.append("\n").append(m.format("reminders.line", Map.of(
                    "number", number,
                    "what", Html.toPlain(m.get("reminders.kind." + reminder.kind().key())),
                    "delay", Durations.describe(Duration.between(now, reminder.due()), m))));
            rows.add(List.of(new Button(m.format("button.cancel_reminder", Map.of("number", number)),
                    new Action.CancelReminder(reminder.id()))));
        }
        return new Screen(text.toString(), rows, Slot.PAGE);
    }

    /**
     * A reminder as delivered. Its first line says nothing about health, because a phone's lock
     * screen shows it to whoever is near.
     */
    public static Screen reminder(ReminderKind kind, Messages m) {
        List<Button> row = kind == ReminderKind.DOCTOR
                ? List.of(new Button(m.get("button.reminder_booked"), new Action.ReminderBooked()),
                          new Button(m.get("button.reminder_later"), new Action.ReminderLater(kind)))
                : List.of(new Button(m.get("button.check_in_again"), new Action.CheckInAnswer(true)),
                          new Button(m.get("button.check_in_fine"), new Action.CheckInAnswer(false)));
        return new Screen(m.get("reminder." + kind.key() + ".text"),
                List.of(row, List.of(new Button(m.get("button.reminder_stop"), new Action.ReminderStop()))), Slot.HEALTH);
    }

    public static Toast popUp(Reply.PopUp popUp, Messages m) {
        return new Toast(Html.toPlain(m.get(popUp.key())), popUp.alert());
    }

    static Screen question(Check check, Messages m) {
        var question = check.current().orElseThrow();
        String html = "<i>" + m.format("progress", Map.of(
                "number", String.valueOf(check.number()), "total", String.valueOf(check.total())))
                + "</i>\n\n" + m.get("question." + question.key() + ".text");
        if (question == Question.FREQUENCY && check.earlier().isPresent()) {
            html += "\n\n" + m.format("question.frequency.remembered", Map.of("date", m.date(check.earlier().get())));
        }
        var rows = new ArrayList<List<Button>>();
        var chosen = check.answers().get(question);
        for (var answer : check.choices(question)) {
            String label = m.get("answer." + answer.key());
            if (answer == chosen) {
                label = Html.toPlain(m.format("answer.chosen", Map.of("answer", label)));
            }
            rows.add(List.of(new Button(label, new Action.Choose(check.id(), question, answer))));
        }
        var help = new ArrayList<Button>();
        if (!check.isFirstQuestion()) {
            help.add(new Button(m.get("button.back"), new Action.Back(check.id(), question)));
        }
        help.add(new Button(m.get("button.why_question"), new Action.WhyQuestion(question)));
        rows.add(help);
        return new Screen(html, rows, Slot.QUESTION);
    }

    /**
     * A level of Today known before the end: the question message pauses, and a protected message
     * says what to do today, with Continue to go on with the questions.
     */
    static List<Screen> today(Result sofar, Messages m) {
        var text = opening(sofar, m) + m.get("result.urgency.today") + "\n\n" + reasons(sofar, m)
                + "\n\n" + m.get("result.today.continue");
        return List.of(new Screen(m.get("question.paused"), List.of(), Slot.QUESTION),
                new Screen(text, List.of(List.of(new Button(m.get("button.continue"), new Action.Resume()))), Slot.HEALTH));
    }

    /**
     * The question message turns into a short "finished" line (so no old buttons stay live), then
     * the result follows as new, protected messages.
     */
    static List<Screen> result(Check check, Result result, Messages m) {
        var screens = new ArrayList<Screen>();
        screens.add(new Screen(m.get("question.finished"), List.of(), Slot.QUESTION));
        var parts = new ArrayList<String>();
        var top = new StringBuilder(opening(result, m)).append(m.get("result.urgency." + result.urgency().key()));
        // What to act on today, such as emergency contraception, comes near the top (never with Now).
        result.blocks().forEach(block -> top.append("\n\n").append(m.get("result." + block.key())));
        parts.add(top + "\n\n" + reasons(result, m));
        boolean now = result.urgency() == Urgency.NOW;
        if (!now) {
            parts.add(m.get("result.causes.title"));
            for (var cause : result.causes()) {
                parts.add(cause(cause, result, m));
            }
            if (result.noClearCause()) {
                parts.add(m.get("result.no_clear_cause"));
            }
            if (result.cervix() && !result.menopause() && !result.cancerTreatment()) {
                parts.add(m.get("result.findings")); // a fragile patch or a polyp: on the cervix
            }
        }
        var doctor = new StringBuilder(m.get("result.doctor.title") + "\n" + m.get("result.doctor." + result.urgency().key()));
        if (!now) {
            // After cancer treatment the cancer team knows what is there: no screening talk, as without a cervix.
            String routine = result.menopause() ? "result.doctor.routine.menopause"
                    : !result.cervix() || result.cancerTreatment() ? "result.doctor.routine.no_cervix"
                    : !result.womb() ? "result.doctor.routine.no_womb" : "result.doctor.routine";
            doctor.append("\n").append(m.get(routine)).append("\n").append(m.get("result.doctor.chlamydia"));
            // The deployment's free home test kit, one tap away; such kits are for 16 and over.
            if (m.has("result.testkit") && !result.underSixteen()) {
                doctor.append("\n").append(m.get("result.testkit"));
            }
        }
        parts.add(doctor.toString());
        parts.add(summary(check, m));

        var rows = new ArrayList<List<Button>>();
        if (result.urgency() == Urgency.SOON || result.urgency() == Urgency.WATCH) {
            rows.add(List.of(new Button(m.get("button.remind"), new Action.RemindOptions())));
        }
        var consent = List.of(new Button(m.get("button.consent"), new Action.ShowConsent()));
        if (result.underThirteen()) {
            rows.add(0, consent); // at this age, help with what happened comes before anything medical
        }
        for (var cause : result.causes()) {
            String label = m.format("button.why_cause", Map.of("cause", m.get("cause." + cause.key() + ".short")));
            rows.add(List.of(new Button(Html.toPlain(label), new Action.WhyCause(cause))));
        }
        if (!result.underThirteen()) {
            rows.add(consent);
        }
        rows.add(List.of(new Button(m.get("button.restart"), new Action.Begin())));
        rows.add(List.of(new Button(m.get("button.erase"), new Action.ForgetAsk())));
        screens.addAll(split(parts, rows));
        return screens;
    }

    /** Under 13: calm, non-blaming help and what staff will do, before anything medical. */
    private static String opening(Result result, Messages m) {
        return result.underThirteen() ? m.get("result.under_13_opening") + "\n\n" : "";
    }

    /** The reason and advice of every rule that matched, most urgent first. */
    private static String reasons(Result result, Messages m) {
        var text = new StringBuilder(m.get("result.why.title"));
        result.matched().stream()
                .sorted(java.util.Comparator.comparing(rule -> rule.level()))
                .forEach(rule -> text.append("\n").append(m.compose("summary.line", Map.of("line", m.get("rule." + rule.key())))));
        if (result.matched().isEmpty()) {
            text.append("\n").append(m.compose("summary.line", Map.of("line", m.get("rule.none"))));
        }
        return text.toString();
    }

    private static String cause(Cause cause, Result result, Messages m) {
        String name = m.get("cause." + cause.key() + ".name");
        String body = "cause." + cause.key() + ".text";
        if (cause == Cause.STI && !result.cervix()) {
            body = "cause.sti.text.no_cervix";
        } else if (cause == Cause.DRYNESS && result.menopause()) {
            body = "cause.dryness.text.low_oestrogen";
        } else if (cause == Cause.DRYNESS && result.lowOestrogen()) {
            body = "cause.dryness.text.no_periods"; // it can be the cause, not for every method
        }
        var text = new StringBuilder("<b>" + name + "</b>\n" + m.get(body));
        String reasons = result.evidence().getOrDefault(cause, List.of()).stream()
                .map(answer -> m.get("reason." + answer.key()))
                .collect(Collectors.joining(" "));
        if (!reasons.isEmpty()) {
            text.append("\n").append(m.compose("result.causes.evidence", Map.of("reasons", reasons)));
        }
        if (cause == Cause.BIRTH_CONTROL && result.stiTestAdvised()) {
            text.append("\n").append(m.get("cause.sti.with_birth_control"));
        }
        return text.toString();
    }

    /** What to tell your doctor: one line per answer, in question order, then medicines; built now, never stored. */
    private static String summary(Check check, Messages m) {
        var text = new StringBuilder(m.get("summary.title"));
        var given = check.given();
        for (var question : Question.values()) {
            Answer answer = given.get(question);
            if (answer != null) {
                text.append("\n").append(m.compose("summary.line", Map.of("line", m.get("summary." + answer.key()))));
            }
        }
        text.append("\n").append(m.compose("summary.line", Map.of("line", m.get("summary.medicines"))));
        return text.toString();
    }

    static Screen page(Page page, boolean inProgress, Messages m) {
        var rows = new ArrayList<List<Button>>();
        // Coming back after a finished check reads the same welcome, with the result on offer.
        String html = m.get("page." + (page == Page.WELCOME_BACK ? "welcome" : page.name().toLowerCase(java.util.Locale.ROOT)));
        switch (page) {
            case WELCOME_BACK -> {
                rows.add(List.of(new Button(m.get("button.show_result"), new Action.ShowResult())));
                rows.add(List.of(new Button(m.get("button.begin"), new Action.Begin())));
                rows.add(List.of(new Button(m.get("button.privacy"), new Action.ShowPrivacy())));
                rows.add(List.of(new Button(m.get("button.consent"), new Action.ShowConsent())));
            }
            case WELCOME -> {
                if (inProgress) {
                    html += "\n\n" + m.get("page.welcome.in_progress");
                    rows.add(List.of(new Button(m.get("button.resume"), new Action.Resume())));
                }
                rows.add(List.of(new Button(m.get("button.begin"), new Action.Begin())));
                rows.add(List.of(new Button(m.get("button.privacy"), new Action.ShowPrivacy())));
                rows.add(List.of(new Button(m.get("button.consent"), new Action.ShowConsent())));
            }
            case FORGET_ASK -> rows.add(List.of(
                    new Button(m.get("button.forget_confirm"), new Action.ForgetConfirm()),
                    new Button(m.get("button.forget_cancel"), new Action.ForgetCancel())));
            case REMEMBERED -> rows.add(List.of(new Button(m.get("button.check_in"), new Action.CheckInAsk())));
            case NOT_REMEMBERED, REMINDER_BOOKED, REMINDER_STOPPED, CHECK_IN_FINE, LANGUAGE_SET -> {
                // A short note; the conversation goes on from the buttons above it.
            }
            case HELP -> {
                if (!inProgress) {
                    rows.add(List.of(new Button(m.get("button.begin"), new Action.Begin())));
                }
                rows.add(List.of(new Button(m.get("button.consent"), new Action.ShowConsent())));
            }
            case FORGET_DONE, FORGET_KEPT, PRIVACY -> {
                if (!inProgress) {
                    rows.add(List.of(new Button(m.get("button.begin"), new Action.Begin())));
                }
            }
            case NUDGE -> {
                // The question follows right below; no buttons of its own.
            }
        }
        // Pages with the consent button are protected like health texts: the consent page replaces them in place.
        boolean protectedPage = page == Page.WELCOME || page == Page.WELCOME_BACK || page == Page.HELP;
        return new Screen(html, rows, protectedPage ? Slot.HEALTH : Slot.PAGE);
    }

    /** Keeps the result in one message unless it would pass Telegram's limit; buttons go on the last. */
    static List<Screen> split(List<String> parts, List<List<Button>> buttons) {
        var texts = new ArrayList<String>();
        var current = new StringBuilder();
        for (String part : parts) {
            if (current.length() > 0 && current.length() + 2 + part.length() > MAX_MESSAGE) {
                texts.add(current.toString());
                current.setLength(0);
            }
            if (current.length() > 0) {
                current.append("\n\n");
            }
            current.append(part);
        }
        texts.add(current.toString());
        var screens = new ArrayList<Screen>();
        for (int i = 0; i < texts.size(); i++) {
            screens.add(new Screen(texts.get(i), i == texts.size() - 1 ? buttons : List.of(), Slot.HEALTH));
        }
        return screens;
    }
}
