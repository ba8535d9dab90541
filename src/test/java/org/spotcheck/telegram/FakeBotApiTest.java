package org.spotcheck.telegram;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.GetMe;
import org.telegram.telegrambots.meta.api.methods.commands.SetMyCommands;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.updates.DeleteWebhook;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.DeleteMessage;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageReplyMarkup;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.commands.BotCommand;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Checks the fake against the real TelegramBots client, so the bot's tests can trust what it answers. */
class FakeBotApiTest {
    private static final String TOKEN = "123456:test-token";
    private static final long CHAT = 42;

    private FakeBotApi api;
    private TelegramClient client;

    @BeforeEach
    void start() {
        api = FakeBotApi.start(TOKEN);
        client = clientWithToken(TOKEN);
    }

    @AfterEach
    void stop() {
        api.close();
    }

    private TelegramClient clientWithToken(String token) {
        return new OkHttpTelegramClient(token, new TelegramUrl("http", "127.0.0.1", api.port(), false));
    }

    private static InlineKeyboardMarkup yesNo() {
        return new InlineKeyboardMarkup(List.of(new InlineKeyboardRow(
                InlineKeyboardButton.builder().text("Yes").callbackData("yes").build(),
                InlineKeyboardButton.builder().text("No").callbackData("no").build())));
    }

    private Message send(String text) throws TelegramApiException {
        return client.execute(SendMessage.builder().chatId(CHAT).text(text).parseMode("HTML")
                .protectContent(true).replyMarkup(yesNo()).build());
    }

    @Test
    void sendMessageAnswersAMessageAndIsRecorded() throws Exception {
        Message first = send("<b>Hello</b>");
        Message second = send("Again");

        assertThat(api.url()).isEqualTo("http://127.0.0.1:" + api.port());
        assertThat(first.getMessageId()).isEqualTo(1);
        assertThat(second.getMessageId()).isEqualTo(2);
        assertThat(first.getChatId()).isEqualTo(CHAT);
        assertThat(first.getChat().getType()).isEqualTo("private");
        assertThat(first.getText()).isEqualTo("<b>Hello</b>");
        assertThat(first.getDate()).isPositive();
        assertThat(first.getReplyMarkup().getKeyboard().get(0).get(0).getCallbackData()).isEqualTo("yes");

        assertThat(api.messages(CHAT)).extracting(FakeBotApi.FakeMessage::text).containsExactly("<b>Hello</b>", "Again");
        FakeBotApi.FakeMessage last = api.lastMessage(CHAT);
        assertThat(last.protectContent()).isTrue();
        assertThat(last.parseMode()).isEqualTo("HTML");
        assertThat(api.buttonsData(CHAT, 2)).containsExactly("yes", "no");
        FakeBotApi.Call call = api.awaitCall("sendMessage", c -> c.body().path("text").asText().equals("Again"),
                Duration.ofSeconds(1));
        assertThat(call.body().path("parse_mode").asText()).isEqualTo("HTML");
        assertThat(call.body().path("protect_content").asBoolean()).isTrue();
        assertThat(call.body().path("reply_markup").has("inline_keyboard")).isTrue();
    }

    @Test
    void editAnswersLikeTelegram() throws Exception {
        Message sent = send("Question?");
        EditMessageText same = EditMessageText.builder().chatId(CHAT).messageId(sent.getMessageId())
                .text("Question?").replyMarkup(yesNo()).build();

        TelegramApiRequestException notModified =
                catchThrowableOfType(TelegramApiRequestException.class, () -> client.execute(same));
        assertThat(notModified.getErrorCode()).isEqualTo(400);
        assertThat(notModified.getApiResponse()).contains("message is not modified");

        Message edited = (Message) client.execute(EditMessageText.builder().chatId(CHAT)
                .messageId(sent.getMessageId()).text("Answered.").build());
        assertThat(edited.getText()).isEqualTo("Answered.");
        assertThat(api.message(CHAT, sent.getMessageId()).orElseThrow().replyMarkup()).isNull(); // no markup: removed
        assertThatThrownBy(() -> client.execute(EditMessageReplyMarkup.builder().chatId(CHAT)
                .messageId(sent.getMessageId()).build()))
                .hasMessageContaining("message is not modified");

        TelegramApiRequestException notFound = catchThrowableOfType(TelegramApiRequestException.class,
                () -> client.execute(EditMessageText.builder().chatId(CHAT).messageId(99).text("x").build()));
        assertThat(notFound.getApiResponse()).isEqualTo("Bad Request: message to edit not found");

        assertThat(client.execute(DeleteMessage.builder().chatId(CHAT).messageId(sent.getMessageId()).build())).isTrue();
        assertThat(api.messages(CHAT)).isEmpty();
        assertThat(api.message(CHAT, sent.getMessageId()).orElseThrow().deleted()).isTrue();
        assertThatThrownBy(() -> client.execute(DeleteMessage.builder().chatId(CHAT).messageId(sent.getMessageId()).build()))
                .hasMessageContaining("message to delete not found");
    }

    @Test
    void callbackQueryCarriesTheMessageAndCanBeAnsweredOnce() throws Exception {
        Message sent = send("Question?");
        String queryId = api.sendCallback(CHAT, sent.getMessageId(), "yes");

        Update update = client.execute(GetUpdates.builder().build()).get(0);
        assertThat(update.getCallbackQuery().getId()).isEqualTo(queryId);
        assertThat(update.getCallbackQuery().getData()).isEqualTo("yes");
        assertThat(update.getCallbackQuery().getFrom().getId()).isEqualTo(CHAT);
        Message tapped = (Message) update.getCallbackQuery().getMessage();
        assertThat(tapped.getMessageId()).isEqualTo(sent.getMessageId());
        assertThat(tapped.getReplyMarkup().getKeyboard().get(0)).hasSize(2);

        AnswerCallbackQuery answer = AnswerCallbackQuery.builder().callbackQueryId(queryId).text("Saved").showAlert(false).build();
        assertThat(client.execute(answer)).isTrue();
        assertThat(api.calls("answerCallbackQuery").get(0).body().path("text").asText()).isEqualTo("Saved");
        TelegramApiRequestException again = catchThrowableOfType(TelegramApiRequestException.class, () -> client.execute(answer));
        assertThat(again.getErrorCode()).isEqualTo(400);
        assertThat(again.getApiResponse()).contains("query is too old");
    }

    @Test
    void injected429CarriesRetryAfterAndChangesNothing() throws Exception {
        api.failNext("sendMessage", 429, null, 1);

        TelegramApiRequestException e = catchThrowableOfType(TelegramApiRequestException.class, () -> send("Hi"));
        assertThat(e.getErrorCode()).isEqualTo(429);
        assertThat(e.getApiResponse()).isEqualTo("Too Many Requests: retry after 1");
        assertThat(e.getParameters().getRetryAfter()).isEqualTo(1);
        assertThat(api.messages(CHAT)).isEmpty();
        assertThat(api.calls("sendMessage")).isEmpty();
        assertThat(api.faults()).hasSize(1);

        assertThat(send("Hi").getMessageId()).isEqualTo(1); // the failed call did not use up an id
    }

    @Test
    void faultRateFailsASeededShareWith429Or502() {
        api.setFaultRate(0.5, 7);
        int ok = 0, tooMany = 0, badGateway = 0;
        for (int i = 0; i < 40; i++) {
            try {
                send("n" + i);
                ok++;
            } catch (TelegramApiRequestException e) {
                if (e.getErrorCode() != null && e.getErrorCode() == 429) tooMany++;
                else if (e.getMessage().contains("Unable to deserialize")) badGateway++; // nginx HTML, like the real one
            } catch (TelegramApiException e) {
                throw new AssertionError(e);
            }
        }
        assertThat(tooMany).isPositive();
        assertThat(badGateway).isPositive();
        assertThat(ok + tooMany + badGateway).isEqualTo(40);
        assertThat(api.messages(CHAT)).hasSize(ok);
    }

    @Test
    void getUpdatesDropsConfirmedUpdatesAndHonoursLimit() throws Exception {
        api.sendText(CHAT, "/start now", "ru");
        api.sendSticker(CHAT);
        long third = api.sendGroupText(-100, 7, "hello group");

        List<Update> all = client.execute(GetUpdates.builder().offset(0).build());
        assertThat(all).extracting(Update::getUpdateId).containsExactly(1, 2, 3);
        Message start = all.get(0).getMessage();
        // Real entities carry no text; TelegramBots 10.2.0 fills it in lazily in getEntities(), and isCommand()
        // reads that text, so it is false until getEntities() has been called. Pinned here so the bot's code knows.
        assertThat(start.isCommand()).isFalse();
        assertThat(start.getEntities().get(0).getText()).isEqualTo("/start");
        assertThat(start.isCommand()).isTrue();
        assertThat(start.getFrom().getLanguageCode()).isEqualTo("ru");
        assertThat(all.get(1).getMessage().getSticker().getFileId()).isNotBlank();
        assertThat(all.get(2).getMessage().getChat().getType()).isEqualTo("group");
        assertThat(all.get(2).getMessage().getFrom().getId()).isEqualTo(7);
        assertThat(third).isEqualTo(3);

        assertThat(client.execute(GetUpdates.builder().offset(2).limit(1).build()))
                .extracting(Update::getUpdateId).containsExactly(2);
        assertThat(api.lastConfirmedOffset()).isEqualTo(2);
        assertThat(client.execute(GetUpdates.builder().offset(4).timeout(0).build())).isEmpty();
        assertThat(client.execute(GetUpdates.builder().offset(0).build())).isEmpty(); // confirmed ones stay gone
    }

    @Test
    void aLongPollWaitsForNewsAndHandsOverWhatCame() throws Exception {
        long t0 = System.nanoTime();
        assertThat(client.execute(GetUpdates.builder().timeout(50).build())).isEmpty();
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).as("waited before answering 'nothing'")
                .isGreaterThanOrEqualTo(Duration.ofMillis(FakeBotApi.MAX_POLL_WAIT_MS));

        CompletableFuture<java.util.ArrayList<Update>> poll = client.executeAsync(GetUpdates.builder().timeout(50).build());
        api.sendText(CHAT, "hi");
        assertThat(poll.get()).hasSize(1);
    }

    @Test
    void otherMethodsTokenAndUnknownMethods() throws Exception {
        User me = client.execute(new GetMe());
        assertThat(me.getIsBot()).isTrue();
        assertThat(me.getUserName()).isEqualTo("spotcheck_test_bot");
        assertThat(me.getId()).isEqualTo(123456L);
        assertThat(client.execute(new DeleteWebhook())).isTrue();
        assertThat(client.execute(SetMyCommands.builder().command(new BotCommand("start", "Begin"))
                .languageCode("ru").build())).isTrue();
        assertThat(api.commands("ru").orElseThrow().get(0).path("command").asText()).isEqualTo("start");

        TelegramApiRequestException unauthorized =
                catchThrowableOfType(TelegramApiRequestException.class, () -> clientWithToken("1:wrong").execute(new GetMe()));
        assertThat(unauthorized.getErrorCode()).isEqualTo(401);

        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> unknown = http.send(HttpRequest.newBuilder(URI.create(api.url() + "/bot" + TOKEN + "/sendDice"))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).header("Content-Type", "application/json").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).isEqualTo("{\"ok\":false,\"error_code\":404,\"description\":\"Not Found\"}");

        HttpResponse<String> form = http.send(HttpRequest.newBuilder(URI.create(api.url() + "/bot" + TOKEN + "/sendmessage"))
                .POST(HttpRequest.BodyPublishers.ofString("chat_id=5&text=hi%20there&reply_markup="
                        + "%7B%22inline_keyboard%22%3A%5B%5B%7B%22text%22%3A%22A%22%2C%22callback_data%22%3A%22a%22%7D%5D%5D%7D"))
                .header("Content-Type", "application/x-www-form-urlencoded").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(api.lastMessage(5).text()).isEqualTo("hi there");
        assertThat(api.buttonsData(5, 1)).containsExactly("a");
    }

    @Test
    void aChunkedBodyIsReadLikeAnyOther() throws Exception {
        HttpResponse<String> chunked = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(api.url() + "/bot" + TOKEN + "/sendMessage"))
                        .POST(HttpRequest.BodyPublishers.ofInputStream( // no length known: sent in chunks
                                () -> new java.io.ByteArrayInputStream("{\"chat_id\":6,\"text\":\"in chunks\"}".getBytes())))
                        .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());

        assertThat(chunked.statusCode()).isEqualTo(200);
        assertThat(api.lastMessage(6).text()).isEqualTo("in chunks");
    }

    @Test
    void aCrowdStandInShowsTheScreenToItsObserverThenHoldsTheAnswerBack() throws Exception {
        var told = new CompletableFuture<Long>();
        var crowd = FakeBotApi.forCrowd(TOKEN, Duration.ofMillis(200), Duration.ZERO, new FakeBotApi.Observer() {
            @Override
            public void shown(FakeBotApi.FakeMessage message, boolean fresh) {
                told.complete(System.nanoTime());
            }
        });
        try (crowd) {
            var crowdClient = new OkHttpTelegramClient(TOKEN, new TelegramUrl("http", "127.0.0.1", crowd.port(), false));
            crowdClient.execute(SendMessage.builder().chatId(CHAT).text("Question 1").build());
            long answered = System.nanoTime();

            assertThat(Duration.ofNanos(answered - told.getNow(answered))).as("from the screen to the bot's answer")
                    .isGreaterThanOrEqualTo(Duration.ofMillis(200));
            assertThat(crowd.calls()).as("a crowd's calls are not kept").isEmpty();
            assertThat(crowd.lastMessage(CHAT).text()).isEqualTo("Question 1");
        }
    }

    @Test
    void awaitCallFailsClearlyOnTimeout() {
        assertThatThrownBy(() -> api.awaitCall("sendMessage", c -> true, Duration.ofMillis(50)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("no matching sendMessage call");
    }
}
