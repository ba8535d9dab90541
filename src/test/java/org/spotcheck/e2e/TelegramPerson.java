package org.spotcheck.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.spotcheck.telegram.FakeBotApi;
import org.spotcheck.telegram.FakeBotApi.FakeMessage;

/** A scripted person in a private chat with the bot, tapping buttons as someone on a phone would. */
final class TelegramPerson {

    static final Duration PATIENCE = Duration.ofSeconds(15);

    private final FakeBotApi telegram;
    final long chatId;

    TelegramPerson(FakeBotApi telegram, long chatId) {
        this.telegram = telegram;
        this.chatId = chatId;
    }

    void types(String text) {
        telegram.sendText(chatId, text);
    }

    /** Taps the button with exactly this callback data, wherever it is, and waits for the tap's answer. */
    void taps(String data) {
        var message = messageWithButton(b -> b.equals(data))
                .orElseThrow(() -> new AssertionError("no button " + data + " in " + telegram.messages(chatId)));
        tapOn(message.messageId(), data);
    }

    void tapOn(int messageId, String data) {
        String queryId = telegram.sendCallback(chatId, messageId, data);
        telegram.awaitCall("answerCallbackQuery", c -> c.body().path("callback_query_id").asText().equals(queryId),
                PATIENCE);
    }

    /** Answers the question on screen with its n-th answer (0-based) and waits for what follows. */
    void answers(int index) {
        var question = currentQuestion();
        int number = questionNumber(question);
        var choice = telegram.buttonsData(chatId, question.messageId()).stream()
                .filter(d -> d.startsWith("a:") && d.endsWith(":" + index)).findFirst().orElseThrow();
        tapOn(question.messageId(), choice);
        if (number < 8 && !choice.matches("a:\\d+:0:0")) {
            waitFor(() -> currentQuestionNumber() == number + 1, "question " + (number + 1));
        } else {
            waitFor(() -> lastText().contains("What to tell your doctor"), "the result");
        }
    }

    FakeMessage currentQuestion() {
        return messageWithButton(d -> d.startsWith("a:"))
                .orElseThrow(() -> new AssertionError("no question on screen: " + telegram.messages(chatId)));
    }

    int currentQuestionNumber() {
        return messageWithButton(d -> d.startsWith("a:")).map(TelegramPerson::questionNumber).orElse(0);
    }

    String lastText() {
        var shown = telegram.messages(chatId);
        return shown.isEmpty() ? "" : shown.get(shown.size() - 1).text();
    }

    List<FakeMessage> screen() {
        return telegram.messages(chatId);
    }

    void waitFor(Supplier<Boolean> condition, String what) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.get()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited in vain for " + what + "; chat shows " + telegram.messages(chatId));
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private Optional<FakeMessage> messageWithButton(java.util.function.Predicate<String> data) {
        var shown = telegram.messages(chatId);
        for (int i = shown.size() - 1; i >= 0; i--) {
            var message = shown.get(i);
            if (telegram.buttonsData(chatId, message.messageId()).stream().anyMatch(data)) {
                return Optional.of(message);
            }
        }
        return Optional.empty();
    }

    private static int questionNumber(FakeMessage message) {
        var m = java.util.regex.Pattern.compile("Question (\\d) of 8").matcher(message.text());
        assertThat(m.find()).as("a question message: %s", message.text()).isTrue();
        return Integer.parseInt(m.group(1));
    }
}
