package org.spotcheck.telegram;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.spotcheck.text.Button;
import org.spotcheck.text.Screen;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.DeleteMessage;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;
import org.telegram.telegrambots.meta.api.objects.LinkPreviewOptions;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * Every Bot API call goes through here, so every failure is handled in one place: 429 waits
 * retry_after, 5xx and network errors back off with jitter, "message is not modified" is success,
 * and what cannot be retried comes out as a {@link BotApiException} of a known kind.
 */
public final class BotApi {

    private static final Logger log = LoggerFactory.getLogger(BotApi.class);

    /** Sleeping is a parameter so tests of the retry policy need not wait. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    static final int MAX_ATTEMPTS = 6;
    static final Duration FIRST_BACKOFF = Duration.ofMillis(200);
    static final Duration MAX_BACKOFF = Duration.ofSeconds(5);
    static final Duration MAX_RETRY_AFTER = Duration.ofSeconds(60);

    private final TelegramClient client;
    private final Redactor redactor;
    private final Sleeper sleeper;

    public BotApi(TelegramClient client, Redactor redactor, Sleeper sleeper) {
        this.client = client;
        this.redactor = redactor;
        this.sleeper = sleeper;
    }

    /** Sends a new message and returns its id; health texts are protected from forwarding and saving. */
    public int send(long chatId, Screen screen) throws BotApiException {
        var message = SendMessage.builder()
                .chatId(chatId)
                .text(screen.html())
                .parseMode("HTML")
                .linkPreviewOptions(LinkPreviewOptions.builder().isDisabled(true).build())
                .protectContent(screen.slot() != Screen.Slot.PAGE)
                .replyMarkup(screen.keyboard().isEmpty() ? null : keyboard(screen.keyboard()))
                .build();
        return call(message).getMessageId();
    }

    /** Sends a page with a single link button (used in groups, where there is no check). */
    public void sendWithLink(long chatId, String html, String label, String url) throws BotApiException {
        var button = InlineKeyboardButton.builder().text(label).url(url).build();
        call(SendMessage.builder().chatId(chatId).text(html).parseMode("HTML")
                .replyMarkup(new InlineKeyboardMarkup(List.of(new InlineKeyboardRow(button)))).build());
    }

    /** Edits a message in place; unchanged content counts as done. */
    public void edit(long chatId, int messageId, Screen screen) throws BotApiException {
        var edit = EditMessageText.builder()
                .chatId(chatId)
                .messageId(messageId)
                .text(screen.html())
                .parseMode("HTML")
                .linkPreviewOptions(LinkPreviewOptions.builder().isDisabled(true).build())
                .replyMarkup(keyboard(screen.keyboard()))
                .build();
        call(edit);
    }

    /** Stops the button's spinner; a query that is too old can no longer be answered, and that is fine. */
    public void answer(String callbackId, Optional<String> text, boolean alert) {
        var answer = AnswerCallbackQuery.builder().callbackQueryId(callbackId)
                .text(text.orElse(null)).showAlert(alert && text.isPresent()).build();
        try {
            call(answer);
        } catch (BotApiException e) {
            log.debug("callback query not answered: {}", e.getMessage());
        }
    }

    /**
     * Answers the tap on another thread, so the next question is being sent meanwhile: the spinner
     * stops and the screen changes one round trip after the tap, not two.
     */
    public void answerSoon(String callbackId, Optional<String> text, boolean alert) {
        var answer = AnswerCallbackQuery.builder().callbackQueryId(callbackId)
                .text(text.orElse(null)).showAlert(alert && text.isPresent()).build();
        answerAsync(answer, 1, FIRST_BACKOFF);
    }

    /** On OkHttp's own threads; a 429 or an outage is retried later, as {@link #call} would. */
    private void answerAsync(AnswerCallbackQuery answer, int attempt, Duration backoff) {
        try {
            client.executeAsync(answer).whenComplete((done, error) -> {
                if (error == null) {
                    return;
                }
                var cause = error instanceof java.util.concurrent.CompletionException && error.getCause() != null
                        ? error.getCause() : error;
                Integer code = cause instanceof TelegramApiRequestException r ? r.getErrorCode() : null;
                boolean passing = code == null || code == 0 || code == 429 || code >= 500;
                if (!passing || attempt >= MAX_ATTEMPTS) {
                    log.debug("callback query not answered: {}", redactor.describe(cause));
                    return;
                }
                Integer retryAfter = cause instanceof TelegramApiRequestException r && r.getParameters() != null
                        ? r.getParameters().getRetryAfter() : null;
                Duration wait = retryAfter != null ? min(Duration.ofSeconds(retryAfter), MAX_RETRY_AFTER) : jitter(backoff);
                java.util.concurrent.CompletableFuture.delayedExecutor(wait.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)
                        .execute(() -> answerAsync(answer, attempt + 1, min(backoff.multipliedBy(2), MAX_BACKOFF)));
            });
        } catch (TelegramApiException e) {
            log.debug("callback query not answered: {}", redactor.describe(e));
        }
    }

    /** Deletes a bot message where Telegram still allows it; a message already gone is fine. */
    public void delete(long chatId, int messageId) {
        try {
            call(DeleteMessage.builder().chatId(chatId).messageId(messageId).build());
        } catch (BotApiException e) {
            log.debug("message not deleted: {}", e.getMessage());
        }
    }

    public <T extends java.io.Serializable> T call(BotApiMethod<T> method) throws BotApiException {
        String name = method.getMethod();
        Duration backoff = FIRST_BACKOFF;
        for (int attempt = 1; ; attempt++) {
            Duration wait;
            try {
                return client.execute(method);
            } catch (TelegramApiRequestException e) {
                Integer code = e.getErrorCode();
                String description = redactor.redact(e.getApiResponse() != null ? e.getApiResponse() : e.getMessage());
                if (code != null && code == 400 && description.contains("message is not modified")) {
                    return null;
                }
                if (code != null && code == 400 && (description.contains("message to edit not found")
                        || description.contains("message can't be edited"))) {
                    throw new BotApiException(BotApiException.Kind.MESSAGE_GONE, name + ": " + description);
                }
                if (code != null && code == 403) {
                    throw new BotApiException(BotApiException.Kind.BLOCKED, name + ": " + description);
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
            } catch (TelegramApiException e) {
                wait = jitter(backoff); // network: timeouts, refused connections, broken responses
            }
            if (attempt >= MAX_ATTEMPTS) {
                throw new BotApiException(BotApiException.Kind.FAILED, name + ": gave up after " + attempt + " attempts");
            }
            log.debug("{} failed (attempt {}), retrying in {} ms", name, attempt, wait.toMillis());
            try {
                sleeper.sleep(wait);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new BotApiException(BotApiException.Kind.FAILED, name + ": interrupted");
            }
            backoff = min(backoff.multipliedBy(2), MAX_BACKOFF);
        }
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
