package org.spotcheck.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spotcheck.Dialogue;
import org.spotcheck.check.Context;
import org.spotcheck.store.ChatKeys;
import org.spotcheck.store.Database;
import org.spotcheck.store.ReminderStore;
import org.spotcheck.store.Sealer;
import org.spotcheck.store.Secret;
import org.spotcheck.text.Texts;

class ConsoleChatTest {

    private static final Texts TEXTS = Texts.load();

    @TempDir
    Path dir;
    private Database database;
    private Dialogue dialogue;
    private String chatKey;

    @BeforeEach
    void open() {
        var path = dir.resolve("spotcheck.db");
        database = Database.open(path);
        var secret = Secret.of(Optional.of("console-test-secret-0123456789"), path);
        dialogue = new Dialogue(database, new ReminderStore(new Sealer(secret)), TEXTS, Clock.systemUTC(),
                Context.DEFAULT_DELAYS);
        chatKey = new ChatKeys(secret).keyFor(0);
    }

    @AfterEach
    void close() {
        database.close();
    }

    private String session(String typed) throws Exception {
        var printed = new ByteArrayOutputStream();
        new ConsoleChat(dialogue, chatKey, "en", TEXTS, new BufferedReader(new StringReader(typed)),
                new PrintStream(printed, true, StandardCharsets.UTF_8)).run();
        return printed.toString(StandardCharsets.UTF_8);
    }

    @Test
    void after_choosing_another_language_the_console_itself_speaks_it_too() throws Exception {
        // /language, then the second choice: Español
        String printed = session("/language\n2\n/quit\n");

        assertThat(printed).endsWith(TEXTS.in("es").get("console.bye") + System.lineSeparator());
    }

    @Test
    void the_introduction_names_every_command_the_console_understands() throws Exception {
        String printed = session("/quit\n");

        assertThat(printed).contains("/start", "/help", "/privacy", "/forget", "/reminders", "/language", "/quit");
    }
}
