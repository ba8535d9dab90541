package org.spotcheck.telegram;

import java.io.Serializable;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadLocalRandom;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.spotcheck.log.Redactor;
import org.spotcheck.text.Button;
import org.spotcheck.text.Screen;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.DeleteMessage;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;
import org.telegram.telegrambots.meta.api.objects.LinkPreviewOptions;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * Every Bot API call goes through here, so every failure is handled in one place: 429 waits
 * retry_after, 5xx and network errors back off with jitter, "message is not modified" is success,
 * and what cannot be retried comes out as a {@link BotApiException} of a known kind. Chats use the
 * asynchronous calls, so a chat waiting on Telegram holds no thread; start-up and reminders, which
 * run beside the chats, use {@link #call}. Both paths share one policy ({@link #afterFailure}); they
 * differ only in how they wait, so each way of waiting is a parameter and the tests wait for nothing.
 * Asynchronous calls complete on the chats' workers, never on the HTTP client's threads: what
 * follows a call (SQLite work) then runs where the chat's work belongs, and stops when they stop.
 */
final class BotApi {

    private static final Logger log = LoggerFactory.getLogger(BotApi.class);

    /** Sleeping is a parameter so tests of the retry policy need not wait. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    /** Runs a task after a delay, without a thread waiting meanwhile: how asynchronous retries wait. */
    @FunctionalInterface
    public interface Timer {
        /** May throw RejectedExecutionException once stopped: the retry is then dropped. */
        void schedule(Duration delay, Runnable task);
    }

    static final int MAX_ATTEMPTS = 6;
    static final Duration FIRST_BACKOFF = Duration.ofMillis(200);
    static final Duration MAX_BACKOFF = Duration.ofSeconds(5);
    static final Duration MAX_RETRY_AFTER = Duration.ofSeconds(60);

    private final TelegramClient client;
    private final Redactor redactor;
    private final Sleeper sleeper;
    private final Timer timer;
    private final Executor completions;

    /**
     * @param sleeper     how {@link #call} waits between attempts
     * @param timer       how {@link #callAsync} waits between attempts
     * @param completions where asynchronous calls complete (and so where what follows them runs)
     */
    public BotApi(TelegramClient client, Redactor redactor, Sleeper sleeper, Timer timer, Executor completions) {
        this.client = client;
        this.redactor = redactor;
        this.sleeper = sleeper;
        this.timer = timer;
        this.completions = completions;
    }

    /** Sends a new message and returns its id; on the calling thread, for work that runs beside the chats. */
    public int send(long chatId, Screen screen) throws BotApiException {
        return call(message(chatId, screen)).getMessageId();
    }

    /** Sends a new message; the id arrives when Telegram has it, and no thread waits meanwhile. */
    public CompletableFuture<Integer> sendAsync(long chatId, Screen screen) {
        return callAsync(message(chatId, screen)).thenApply(Message::getMessageId);
    }

    /** Everything sent in a private chat is protected from forwarding and saving (see /privacy). */
    private static SendMessage message(long chatId, Screen screen) {
        return SendMessage.builder()
                .chatId(chatId)
                .text(screen.html())
                .parseMode("HTML")
                .linkPreviewOptions(LinkPreviewOptions.builder().isDisabled(true).build())
                .protectContent(true)
                .replyMarkup(screen.keyboard().isEmpty() ? null : keyboard(screen.keyboard()))
                .build();
    }

    /** Sends a page with a single link button (used in groups, where there is no check). */
    public CompletableFuture<Message> sendWithLinkAsync(long chatId, String html, String label, String url) {
        var button = InlineKeyboardButton.builder().text(label).url(url).build();
        return callAsync(SendMessage.builder().chatId(chatId).text(html).parseMode("HTML")
                .replyMarkup(new InlineKeyboardMarkup(List.of(new InlineKeyboardRow(button)))).build());
    }

    /** Edits a message in place; unchanged content counts as done. */
    public CompletableFuture<Void> editAsync(long chatId, int messageId, Screen screen) {
        var edit = EditMessageText.builder()
                .chatId(chatId)
                .messageId(messageId)
                .text(screen.html())
                .parseMode("HTML")
                .linkPreviewOptions(LinkPreviewOptions.builder().isDisabled(true).build())
                .replyMarkup(keyboard(screen.keyboard()))
                .build();
        // Telegram answers with the edited message, which nothing reads: sent as Unread, only its "ok" is read.
        return callAsync(new Unread(edit)).thenApply(done -> null);
    }

    /**
     * Stops the button's spinner, without waiting for it: the next question is sent meanwhile, so the
     * spinner stops and the screen changes one round trip after the tap, not two. A query that is
     * too old can no longer be answered, and that is fine.
     */
    public void answer(String callbackId, Optional<String> text, boolean alert) {
        var answer = AnswerCallbackQuery.builder().callbackQueryId(callbackId)
                .text(text.orElse(null)).showAlert(alert && text.isPresent()).build();
        callAsync(answer).whenComplete((done, error) -> {
            if (error != null) {
                log.debug("callback query not answered: {}", unwrap(error).getMessage());
            }
        });
    }

    /** Deletes a bot message where Telegram still allows it; a message already gone is fine, so this never fails. */
    public CompletableFuture<Void> deleteAsync(long chatId, int messageId) {
        return callAsync(DeleteMessage.builder().chatId(chatId).messageId(messageId).build())
                .handle((deleted, error) -> {
                    if (error != null) {
                        log.debug("message not deleted: {}", unwrap(error).getMessage());
                    }
                    return null;
                });
    }

    /** A call on the calling thread, retried as {@link #callAsync} would, waiting with the sleeper. */
    public <T extends Serializable> T call(BotApiMethod<T> method) throws BotApiException {
        Duration backoff = FIRST_BACKOFF;
        for (int attempt = 1; ; attempt++) {
            Retry next;
            try {
                return client.execute(method);
            } catch (TelegramApiException e) {
                next = afterFailure(method.getMethod(), e, attempt, backoff);
            }
            if (next.succeeded()) {
                return null;
            }
            try {
                sleeper.sleep(next.waitFor());
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new BotApiException(BotApiException.Kind.FAILED, method.getMethod() + ": interrupted");
            }
            backoff = min(backoff.multipliedBy(2), MAX_BACKOFF);
        }
    }

    /**
     * A call that holds no thread while it is on the network, retried like {@link #call}: it completes
     * with the answer, or fails with a {@link BotApiException} (wrapped, as futures do).
     */
    public <T extends Serializable> CompletableFuture<T> callAsync(BotApiMethod<T> method) {
        var result = new CompletableFuture<T>();
        attempt(method, 1, FIRST_BACKOFF, result);
        return result;
    }

    private <T extends Serializable> void attempt(BotApiMethod<T> method, int attempt, Duration backoff,
                                                 CompletableFuture<T> result) {
        CompletableFuture<T> call;
        try {
            call = client.executeAsync(method);
        } catch (TelegramApiException e) {
            call = CompletableFuture.failedFuture(e);
        }
        call.whenComplete((value, error) -> {
            if (error == null) {
                settle(() -> result.complete(value));
                return;
            }
            try {
                var next = afterFailure(method.getMethod(), unwrap(error), attempt, backoff);
                if (next.succeeded()) {
                    settle(() -> result.complete(null));
                } else {
                    timer.schedule(next.waitFor(),
                            () -> attempt(method, attempt + 1, min(backoff.multipliedBy(2), MAX_BACKOFF), result));
                }
            } catch (BotApiException failed) {
                settle(() -> result.completeExceptionally(failed));
            } catch (RejectedExecutionException stopping) {
                log.debug("{}: not retried, the bot is stopping", method.getMethod());
            }
        });
    }

    /** Completes a call's future on the chats' workers; once they have stopped, nothing more runs. */
    private void settle(Runnable completion) {
        try {
            completions.execute(completion);
        } catch (RejectedExecutionException stopping) {
            log.debug("a Bot API answer came after the bot stopped");
        }
    }

    /** After a failed attempt: done after all, or wait and try again. */
    private record Retry(boolean succeeded, Duration waitFor) {
    }

    /**
     * The one policy for every failure: "not modified" is success; 429 waits retry_after; 5xx, a
     * proxy's page and the network back off with jitter; anything else is a {@link BotApiException}.
     */
    private Retry afterFailure(String name, Throwable error, int attempt, Duration backoff) throws BotApiException {
        Duration wait;
        if (error instanceof TelegramApiRequestException e) {
            Integer code = e.getErrorCode();
            String description = redactor.redact(e.getApiResponse() != null ? e.getApiResponse() : String.valueOf(e.getMessage()));
            if (code != null && code == 400 && description.contains("message is not modified")) {
                return new Retry(true, Duration.ZERO);
            }
            if (code != null && code == 400 && (description.contains("message to edit not found")
                    || description.contains("message can't be edited"))) {
                throw new BotApiException(BotApiException.Kind.MESSAGE_GONE, name + ": " + description);
            }
            if (code != null && code == 403) {
                throw new BotApiException(BotApiException.Kind.BLOCKED, name + ": " + description);
            }
            if (code != null && code == 401) {
                throw new BotApiException(BotApiException.Kind.UNAUTHORIZED, name + ": " + description);
            }
            if (code != null && code == 409) {
                throw new BotApiException(BotApiException.Kind.CONFLICT, name + ": " + description);
            }
            if (code != null && code == 429) {
                Integer retryAfter = e.getParameters() == null ? null : e.getParameters().getRetryAfter();
                wait = retryAfter == null ? backoff : min(Duration.ofSeconds(retryAfter), MAX_RETRY_AFTER);
            } else if (code == null || code == 0 || code >= 500) {
                // 0: the body was not the API's JSON, e.g. a proxy's HTML error page during an outage.
                wait = jitter(backoff);
            } else {
                throw new BotApiException(BotApiException.Kind.REFUSED, name + ": " + code + " " + description);
            }
        } else {
            wait = jitter(backoff); // network: timeouts, refused connections, broken responses
        }
        if (attempt >= MAX_ATTEMPTS) {
            throw new BotApiException(BotApiException.Kind.FAILED, name + ": gave up after " + attempt + " attempts");
        }
        log.debug("{} failed (attempt {}), retrying in {} ms", name, attempt, wait.toMillis());
        return new Retry(false, wait);
    }

    /** What went wrong inside a future's wrapping. */
    static Throwable unwrap(Throwable error) {
        return error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    }

    /** Full jitter: a random wait up to the backoff, so many chats do not retry in step. */
    private static Duration jitter(Duration backoff) {
        return Duration.ofMillis(ThreadLocalRandom.current().nextLong(backoff.toMillis() / 2, backoff.toMillis() + 1));
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static InlineKeyboardMarkup keyboard(List<List<Button>> rows) {
        return new InlineKeyboardMarkup(rows.stream()
                .map(row -> new InlineKeyboardRow(row.stream()
                        .map(b -> InlineKeyboardButton.builder().text(b.label())
                                .callbackData(CallbackData.encode(b.action())).build())
                        .toList()))
                .toList());
    }
}
