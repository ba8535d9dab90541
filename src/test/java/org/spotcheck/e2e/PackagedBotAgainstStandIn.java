package org.spotcheck.e2e;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.spotcheck.telegram.FakeBotApi;

/**
 * The packaged bot as a child process ({@link BotProcess}) against the Bot API stand-in in the
 * test's JVM, for each test of a class that registers it ({@code @RegisterExtension}): a folder of
 * its own where the bot and its commands run, with a copy of the jar taken before the test; the
 * stand-in; the bots the test starts, their logs kept under target/ for reading; and the people the
 * test sets going. After the test the people stop first, then every bot, then the stand-in they
 * talk to, whatever started and whatever failed, and the folder is deleted.
 */
final class PackagedBotAgainstStandIn implements BeforeEachCallback, AfterEachCallback {

    private final String token;
    private final String logFolderName;
    private final List<BotProcess> bots = new ArrayList<>();
    private ScratchFolder folder;
    private FakeBotApi telegram;
    private Path jar;
    private Path logs;
    private ExecutorService crowd;

    /** For a bot with this token, its logs in a new folder under target/logFolderName/ once one starts. */
    PackagedBotAgainstStandIn(String token, String logFolderName) {
        this.token = token;
        this.logFolderName = logFolderName;
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        folder = ScratchFolder.create();
        telegram = FakeBotApi.start(token);
        jar = BotProcess.snapshotJar(folder.path());
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        InTurn.close(crowd == null ? null : crowd::shutdownNow, this::stopTheBots, telegram, folder);
    }

    private void stopTheBots() {
        for (int i = bots.size() - 1; i >= 0; i--) { // the last started first
            bots.get(i).destroyQuietly();
        }
    }

    FakeBotApi telegram() {
        return telegram;
    }

    /** Where the bot and its commands run: the data and the secret file are here unless told otherwise. */
    Path folder() {
        return folder.path();
    }

    Path database() {
        return folder().resolve("data").resolve("spotcheck.db");
    }

    /** Where a bot keeps its secret unless the test names another place: BotProcess puts it in the folder. */
    Path secretFile() {
        return folder().resolve("secret");
    }

    /** Where this test's bots write their logs (each run of the bot a file of its own, or appended to). */
    Path logs() throws IOException {
        if (logs == null) {
            logs = BotProcess.logFolder(logFolderName);
        }
        return logs;
    }

    /** What a bot of this test needs: its token, the stand-in's address, the database; a new map, to add to. */
    Map<String, String> environment() {
        var environment = new HashMap<String, String>();
        environment.put("TELEGRAM_BOT_TOKEN", token);
        environment.put("TELEGRAM_API_URL", telegram.url());
        environment.put("SPOTCHECK_DB", database().toString());
        return environment;
    }

    /** The packaged bot started with this environment, its output appended to logs()/logName.log. */
    BotProcess start(Map<String, String> environment, String logName) throws IOException {
        return started(BotProcess.start(jar, environment, folder(), logs().resolve(logName + ".log")));
    }

    /** As {@link #start}, through a main class of the tests (see {@link BotProcess#startMain}). */
    BotProcess startMain(String mainClass, Map<String, String> environment, String logName) throws IOException {
        return started(BotProcess.startMain(jar, mainClass, environment, folder(), logs().resolve(logName + ".log")));
    }

    private BotProcess started(BotProcess bot) {
        bots.add(bot);
        return bot;
    }

    /** A one-shot command of the packaged jar (--check, --stats...), run in the folder. */
    JarCommand.Run command(Map<String, String> environment, String... options) throws IOException, InterruptedException {
        return JarCommand.run(jar, environment, folder(), options);
    }

    /** Threads for the people of a test, one each, stopped before the bot after the test. */
    ExecutorService crowd(int people) {
        crowd = Executors.newFixedThreadPool(people);
        return crowd;
    }
}
