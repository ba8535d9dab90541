package org.spotcheck.config;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The bot's settings, validated. See the configuration table in README.md.
 *
 * @param token    TELEGRAM_BOT_TOKEN; needed only to run on Telegram
 * @param apiUrl   TELEGRAM_API_URL
 * @param database SPOTCHECK_DB
 * @param secret   SPOTCHECK_SECRET; empty means the generated file beside the database
 */
public record Settings(Optional<String> token, URI apiUrl, Path database, Optional<String> secret) {

    @Override
    public String toString() {
        // Never print the token or the secret, even by accident.
        return "Settings[apiUrl=" + apiUrl + ", database=" + database + "]";
    }
}
