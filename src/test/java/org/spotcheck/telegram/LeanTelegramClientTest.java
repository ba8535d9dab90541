package org.spotcheck.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.net.URI;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

import com.fasterxml.jackson.core.JsonFactory;

import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * A call whose answer is only true succeeds on Telegram's "ok": true, and on nothing else; every
 * other answer reaches its caller as the type its method declares.
 */
class LeanTelegramClientTest {

    private static final JsonFactory JSON = new JsonFactory();
    private static final String TOKEN = "1234567:AAHleanClientTestTokenZx8cVb7nM6aS5d";
    private static final long CHAT = 42L;

    @RegisterExtension
    final LeanClients clients = new LeanClients(TOKEN);

    @Test
    void anEditTelegramAcceptedIsASuccessWithoutReadingTheMessage() {
        String edited = "{\"ok\":true,\"result\":{\"message_id\":7,\"chat\":{\"id\":1,\"type\":\"private\"},\"text\":\"ok: false\"}}";

        assertThat(LeanTelegramClient.succeeded(JSON, edited)).isTrue();
    }

    @Test
    void okIsFoundAfterTheResultToo() {
        assertThat(LeanTelegramClient.succeeded(JSON, "{\"result\":{\"ok\":false},\"ok\":true}")).isTrue();
    }

    @Test
    void aRefusalIsNoSuccess() {
        String notModified = "{\"ok\":false,\"error_code\":400,\"description\":\"Bad Request: message is not modified\"}";

        assertThat(LeanTelegramClient.succeeded(JSON, notModified)).isFalse();
    }

    @Test
    void aProxysErrorPageIsNoSuccess() {
        assertThat(LeanTelegramClient.succeeded(JSON, "<html><head><title>502 Bad Gateway</title></head></html>")).isFalse();
    }

    @Test
    void anAnswerWithoutOkIsNoSuccess() {
        assertThat(LeanTelegramClient.succeeded(JSON, "{\"result\":true}")).isFalse();
    }

    @Test
    void anEditReadThroughTheLeanClientIsTheMessageTelegramAnswered() throws Exception {
        var client = clients.ofTheStandIn();
        int sent = client.executeAsync(SendMessage.builder().chatId(CHAT).text("Question?").build())
                .get(30, TimeUnit.SECONDS).getMessageId();

        var edited = client.executeAsync(EditMessageText.builder().chatId(CHAT).messageId(sent).text("Answered.").build())
                .get(30, TimeUnit.SECONDS);

        assertThat(edited).isInstanceOfSatisfying(Message.class, m -> assertThat(m.getText()).isEqualTo("Answered."));
    }

    @Test
    void anEditSentAsUnreadIsTheEditOnTheWireAndAnsweredTrue() throws Exception {
        var client = clients.ofTheStandIn();
        int sent = client.executeAsync(SendMessage.builder().chatId(CHAT).text("Question?").build())
                .get(30, TimeUnit.SECONDS).getMessageId();

        Boolean done = client.executeAsync(new Unread(EditMessageText.builder().chatId(CHAT).messageId(sent)
                .text("Answered.").build())).get(30, TimeUnit.SECONDS);

        assertThat(done).isTrue();
        assertThat(clients.telegram().message(CHAT, sent)).hasValueSatisfying(m -> assertThat(m.text()).isEqualTo("Answered."));
    }

    @Test
    void anUnreadEditTelegramRefusesFailsWithTelegramsWords() throws Exception {
        var client = clients.ofTheStandIn();

        var refused = client.executeAsync(new Unread(EditMessageText.builder().chatId(CHAT).messageId(99).text("x").build()));

        assertThat(catchThrowable(() -> refused.get(30, TimeUnit.SECONDS))).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOfSatisfying(TelegramApiRequestException.class,
                        e -> assertThat(e.getApiResponse()).isEqualTo("Bad Request: message to edit not found"));
    }

    @Test
    void aTapAnsweredIsReadFromOkAlone() throws Exception {
        var client = answering("{\"ok\":true,\"result\":\"never read\"}");

        Boolean answered = client.executeAsync(AnswerCallbackQuery.builder().callbackQueryId("7").build())
                .get(30, TimeUnit.SECONDS);

        assertThat(answered).isTrue();
    }

    @Test
    void anUnreadEditIsReadFromOkAlone() throws Exception {
        var client = answering("{\"ok\":true,\"result\":\"never read\"}");

        Boolean done = client.executeAsync(new Unread(EditMessageText.builder().chatId(CHAT).messageId(7).text("x").build()))
                .get(30, TimeUnit.SECONDS);

        assertThat(done).isTrue();
    }

    /** A client whose every call is answered with that JSON, without the network. */
    private LeanTelegramClient answering(String json) {
        var http = new OkHttpClient.Builder().addInterceptor(chain -> new Response.Builder().request(chain.request())
                .protocol(Protocol.HTTP_1_1).code(200).message("OK")
                .body(ResponseBody.create(json, MediaType.get("application/json"))).build()).build();
        return clients.client(http, clients.callThreads(1), URI.create("http://127.0.0.1:1"));
    }
}
