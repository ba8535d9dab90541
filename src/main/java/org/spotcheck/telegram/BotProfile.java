package org.spotcheck.telegram;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.spotcheck.text.Html;
import org.spotcheck.text.Messages;
import org.spotcheck.text.Texts;
import org.telegram.telegrambots.meta.api.methods.description.GetMyDescription;
import org.telegram.telegrambots.meta.api.methods.description.GetMyShortDescription;
import org.telegram.telegrambots.meta.api.methods.description.SetMyDescription;
import org.telegram.telegrambots.meta.api.methods.description.SetMyShortDescription;

/**
 * What Telegram shows before a person presses Start: the description in the empty chat and the
 * short description on the bot's profile, in every language the bot speaks (profile.* in messages/,
 * the description naming the deployment's emergency number when its services file gives one). Each
 * is set only when Telegram holds a different text, so restarts do not run into 429s. An operator
 * who wrote their own in BotFather keeps it (SPOTCHECK_BOT_DESCRIPTION=keep): then nothing is set.
 */
final class BotProfile {

    private static final Logger log = LoggerFactory.getLogger(BotProfile.class);

    /** Telegram's limits for setMyDescription and setMyShortDescription. */
    static final int DESCRIPTION_LIMIT = 512;
    static final int SHORT_DESCRIPTION_LIMIT = 120;

    private BotProfile() {
    }

    /** Like the command menu: a failure is logged and the bot serves anyway. keep: leave BotFather's texts alone. */
    static Void register(BotApi api, Texts texts, boolean keep) {
        if (keep) {
            log.info("bot description: kept as set in BotFather (SPOTCHECK_BOT_DESCRIPTION=keep)");
            return null;
        }
        try {
            for (Messages m : texts.all()) {
                register(api, m);
            }
        } catch (BotApiException e) {
            log.warn("bot description not set: {}", e.getMessage());
        }
        return null;
    }

    private static void register(BotApi api, Messages m) throws BotApiException {
        String code = languageCode(m);
        String description = description(m);
        String held = api.call(GetMyDescription.builder().languageCode(code).build()).getDescription();
        if (!description.equals(held)) {
            api.call(SetMyDescription.builder().description(description).languageCode(code).build());
        }
        String shortDescription = Html.toPlain(m.get("profile.short_description"));
        String heldShort = api.call(GetMyShortDescription.builder().languageCode(code).build()).getShortDescription();
        if (!shortDescription.equals(heldShort)) {
            api.call(SetMyShortDescription.builder().shortDescription(shortDescription).languageCode(code).build());
        }
    }

    /**
     * Plain text, as Telegram shows a description: a named service was escaped for HTML. One too long
     * for Telegram with the deployment's emergency number says it in general words instead.
     */
    static String description(Messages m) {
        String named = Html.toPlain(m.get("profile.description"));
        return named.codePointCount(0, named.length()) <= DESCRIPTION_LIMIT ? named
                : Html.toPlain(Messages.load(m.language()).get("profile.description"));
    }

    /** The default texts (no language code) are English; Telegram takes ISO 639-1: "pt", not "pt-BR". */
    static String languageCode(Messages m) {
        return m.language().equals(Texts.FALLBACK) ? null : m.language().substring(0, 2);
    }
}
