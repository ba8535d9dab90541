package org.spotcheck.bench;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import org.spotcheck.Dialogue;
import org.spotcheck.check.Context;
import org.spotcheck.store.ChatKeys;
import org.spotcheck.store.Database;
import org.spotcheck.store.ReminderStore;
import org.spotcheck.store.Sealer;
import org.spotcheck.store.Secret;
import org.spotcheck.telegram.UpdateReader;
import org.spotcheck.text.Screen;
import org.spotcheck.text.Texts;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.longpolling.TelegramBotsLongPollingApplication;
import org.telegram.telegrambots.longpolling.util.LongPollingSingleThreadUpdateConsumer;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;

import com.fasterxml.jackson.databind.ObjectMapper;

import okhttp3.OkHttpClient;

/**
 * The same check written the way TelegramBots' examples do it: one consumer thread for every
 * chat, and every Bot API call blocking that thread. The benchmark's point of comparison.
 */
final class BaselineBot implements AutoCloseable {

    private final TelegramBotsLongPollingApplication app;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(BenchBotApi.daemon("baseline"));
    private final Database database;
    /** Updates handled, the baseline's throughput. */
    final java.util.concurrent.atomic.AtomicLong handled = new java.util.concurrent.atomic.AtomicLong();
    private volatile boolean closing;

    @SuppressWarnings("deprecation") // the library's own single-thread consumer is the point
    BaselineBot(String token, int port, Path db) throws Exception {
        database = Database.open(db);
        var secret = Secret.of(java.util.Optional.of("baseline-benchmark-secret"), db);
        var dialogue = new Dialogue(database, new ReminderStore(new Sealer(secret)), Texts.load(), Clock.systemUTC(),
                Context.DEFAULT_DELAYS);
        var keys = new ChatKeys(secret);
        var url = new TelegramUrl("http", "127.0.0.1", port, false);
        var client = new OkHttpTelegramClient(token, url);
        app = new TelegramBotsLongPollingApplication(ObjectMapper::new, OkHttpClient::new, () -> scheduler);
        app.registerBot(token, () -> url, new org.telegram.telegrambots.longpolling.util.DefaultGetUpdatesGenerator(),
                new LongPollingSingleThreadUpdateConsumer() {
                    @Override
                    public void consume(Update update) {
                        if (closing) {
                            return;
                        }
                        var in = UpdateReader.read(update).orElseThrow();
                        String key = keys.keyFor(in.chatId());
                        var outcome = dialogue.take(key, OptionalLong.of(in.chatId()), in.input(), in.languageCode(), java.util.OptionalInt.empty());
                        try {
                            if (in.callbackId().isPresent()) {
                                client.execute(AnswerCallbackQuery.builder().callbackQueryId(in.callbackId().get()).build());
                            }
                            var question = outcome.state().questionMessageId();
                            for (Screen screen : outcome.screens()) {
                                if (screen.slot() == Screen.Slot.QUESTION && in.tappedMessage().isPresent()
                                        && in.tappedMessage().equals(question)) {
                                    client.execute(EditMessageText.builder().chatId(in.chatId())
                                            .messageId(question.get()).text(screen.html()).parseMode("HTML")
                                            .replyMarkup(keyboard(screen)).build());
                                } else if (screen.slot() != Screen.Slot.QUESTION || !outcome.state().check().get().finished()) {
                                    int id = client.execute(SendMessage.builder().chatId(in.chatId()).text(screen.html())
                                            .parseMode("HTML").replyMarkup(keyboard(screen)).build()).getMessageId();
                                    if (screen.slot() == Screen.Slot.QUESTION) {
                                        dialogue.delivered(key, List.of(id), java.util.Optional.of(id));
                                    }
                                }
                            }
                            handled.incrementAndGet();
                        } catch (Exception e) {
                            if (!closing) { // once stopping, the stand-in is going away: not a failure of the run
                                throw new IllegalStateException(e);
                            }
                        }
                    }
                });
    }

    private static InlineKeyboardMarkup keyboard(Screen screen) {
        return new InlineKeyboardMarkup(screen.keyboard().stream()
                .map(row -> new InlineKeyboardRow(row.stream()
                        .map(b -> InlineKeyboardButton.builder().text(b.label())
                                .callbackData(org.spotcheck.telegram.CallbackData.encode(b.action())).build())
                        .toList()))
                .toList());
    }

    @Override
    public void close() throws Exception {
        closing = true;
        app.close();
        scheduler.shutdownNow();
        database.close();
    }
}
