package org.spotcheck.e2e;

import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

import org.spotcheck.Application;
import org.spotcheck.config.Settings;
import org.spotcheck.config.SettingsLoader;
import org.spotcheck.telegram.FakeBotApi;
import org.spotcheck.telegram.TelegramBot;

/**
 * The real application in the test's JVM, pointed at the Bot API stand-in: the settings the
 * environment would give it, and the bot opened and polling, on the real clock.
 */
final class InProcessBot {

    private InProcessBot() {
    }

    /** The settings for a bot talking to the stand-in, with its data at the given database file. */
    static Settings settings(FakeBotApi telegram, String token, Path database) {
        return settings(telegram, token, database, Map.of());
    }

    /** As {@link #settings(FakeBotApi, String, Path)}, with more of the environment (a secret file, delays...). */
    static Settings settings(FakeBotApi telegram, String token, Path database, Map<String, String> more) {
        var environment = new HashMap<String, String>(more);
        environment.put("TELEGRAM_BOT_TOKEN", token);
        environment.put("TELEGRAM_API_URL", telegram.url());
        environment.put("SPOTCHECK_DB", database.toString());
        return SettingsLoader.load(environment);
    }

    /**
     * The bot with these settings, opened and polling the stand-in, without the warm-up before its
     * first poll (only {@link WarmUpTest} tests that); the caller closes it.
     */
    static Application started(Settings settings) throws Exception {
        return started(settings, TelegramBot.WarmUp.SKIP);
    }

    /** As {@link #started(Settings)}, rehearsing first or not, as told. */
    static Application started(Settings settings, TelegramBot.WarmUp warmUp) throws Exception {
        var app = Application.open(settings, Clock.systemUTC());
        try {
            app.startTelegram(warmUp);
        } catch (Exception | Error e) {
            app.close(); // the caller never sees it, so cannot close it
            throw e;
        }
        return app;
    }

    /** Stops what a test started, the bot before the stand-in it polls; either may not have started. */
    static void stop(Application app, FakeBotApi telegram) {
        try {
            if (app != null) {
                app.close();
            }
        } finally {
            if (telegram != null) {
                telegram.close();
            }
        }
    }
}
