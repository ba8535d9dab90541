package org.spotcheck.e2e;

import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.spotcheck.Application;
import org.spotcheck.config.SettingsLoader;
import org.spotcheck.telegram.FakeBotApi;
import org.spotcheck.telegram.TelegramBot;

/**
 * The real application in the test's JVM against the Bot API stand-in on 127.0.0.1, for each test
 * of a class that registers it ({@code @RegisterExtension}): a folder of its own (the database in
 * data/, the secret file apart in config/, as the bot keeps them by default), the stand-in, and the
 * bot on them, opened and polling without the warm-up before its first poll (only {@link WarmUpTest}
 * and {@link LogPrivacyTest} ask for it). After the test the bot stops before the stand-in it polls,
 * whatever started and whatever failed, and the folder is deleted.
 */
final class BotAgainstStandIn implements BeforeEachCallback, AfterEachCallback {

    private String token;
    private final Map<String, String> environment = new HashMap<>();
    private Clock clock = Clock.systemUTC();
    private boolean startedBeforeEachTest = true;
    private ScratchFolder folder;
    private FakeBotApi telegram;
    private Application app;

    BotAgainstStandIn(String token) {
        this.token = token;
    }

    /** The bot's token and the stand-in's, when a test wants its own; before the stand-in starts. */
    BotAgainstStandIn withToken(String token) {
        if (telegram != null) {
            throw new IllegalStateException("the stand-in already answers to another token");
        }
        this.token = token;
        return this;
    }

    /** More of the environment (a reminder delay...), or another value for it (a token Telegram refuses), from the next start. */
    BotAgainstStandIn withEnvironment(String name, String value) {
        environment.put(name, value);
        return this;
    }

    /** The bot's clock, from the next start: one the test moves, for what falls due. */
    BotAgainstStandIn withClock(Clock clock) {
        this.clock = clock;
        return this;
    }

    /** The test starts the bot itself: after it wrote rows, captured the output, or set the stand-in to fail. */
    BotAgainstStandIn startedByTheTest() {
        startedBeforeEachTest = false;
        return this;
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        folder = ScratchFolder.create();
        if (startedBeforeEachTest) {
            start();
        }
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        InTurn.close(this::stop, telegram, folder);
    }

    /** The stand-in, started at the first call that needs it, so a test can choose its token first. */
    FakeBotApi telegram() {
        if (telegram == null) {
            telegram = FakeBotApi.start(token);
        }
        return telegram;
    }

    Path database() {
        return folder.path().resolve("data").resolve("spotcheck.db");
    }

    Path secretFile() {
        return folder.path().resolve("config").resolve("secret");
    }

    /** Starts the bot and returns once it polls the stand-in, the warm-up skipped. */
    void start() throws Exception {
        start(TelegramBot.WarmUp.SKIP);
    }

    /** As {@link #start()}, rehearsing first or not, as told. */
    void start(TelegramBot.WarmUp warmUp) throws Exception {
        if (app != null) {
            throw new IllegalStateException("the bot is running: stop it first");
        }
        var settings = new HashMap<String, String>();
        settings.put("TELEGRAM_BOT_TOKEN", token);
        settings.put("TELEGRAM_API_URL", telegram().url());
        settings.put("SPOTCHECK_DB", database().toString());
        settings.put("SPOTCHECK_SECRET_FILE", secretFile().toString());
        settings.putAll(environment);
        var opened = Application.open(SettingsLoader.load(settings), clock);
        try {
            opened.startTelegram(warmUp);
        } catch (Exception | Error e) {
            opened.close(); // nothing else holds it, so nothing else could close it
            throw e;
        }
        app = opened;
    }

    /** Stops the bot, letting the work in hand finish; the stand-in and the data stay, to look at or to start it again. */
    void stop() {
        if (app != null) {
            try {
                app.close();
            } finally {
                app = null;
            }
        }
    }

    /** The bot stopped and started again on the same database, with the environment as it is now. */
    void restart() throws Exception {
        stop();
        start();
    }
}
