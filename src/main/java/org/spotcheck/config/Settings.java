package org.spotcheck.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.spotcheck.text.LocalServices;

/**
 * The bot's settings, validated. See the configuration table in README.md.
 *
 * @param token    TELEGRAM_BOT_TOKEN; needed only to run on Telegram
 * @param apiUrl   TELEGRAM_API_URL
 * @param database SPOTCHECK_DB
 * @param secret   SPOTCHECK_SECRET, a passphrase; empty means the secret file
 * @param secretFile SPOTCHECK_SECRET_FILE, or where it is found by default (see SettingsLoader)
 * @param reminderDelays SPOTCHECK_REMINDER_DELAYS: the delays a person can choose for a doctor reminder
 * @param services SPOTCHECK_SERVICES: the places to go the texts name, and the screening start age
 * @param logFormat SPOTCHECK_LOG_FORMAT: text or json
 * @param logLevel SPOTCHECK_LOG_LEVEL: error, warn, info or debug
 * @param keepBotDescription SPOTCHECK_BOT_DESCRIPTION=keep: the description set in BotFather stays
 */
public record Settings(Optional<String> token, URI apiUrl, Path database, Optional<String> secret,
                       Path secretFile, List<Duration> reminderDelays, LocalServices services,
                       String logFormat, String logLevel, boolean keepBotDescription) {

    public Settings {
        reminderDelays = List.copyOf(reminderDelays);
    }

    @Override
    public String toString() {
        // Never print the token or the secret, even by accident.
        return "Settings[apiUrl=" + apiUrl + ", database=" + database + ", reminderDelays=" + reminderDelays + "]";
    }
}
