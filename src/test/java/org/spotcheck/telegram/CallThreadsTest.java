package org.spotcheck.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.net.URI;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;

import okhttp3.OkHttpClient;

/**
 * Every Bot API call of a chat waits on one of the bot's call threads, which are all there before
 * the first burst comes; once they have stopped, a call fails at once instead of never answering.
 */
class CallThreadsTest {

    private static final String TOKEN = "1234567:AAHcallThreadsTestTokenQw3rTy9uIoPa";

    @RegisterExtension
    final LeanClients clients = new LeanClients(TOKEN);

    @Test
    void everyCallThreadIsStartedBeforeTheFirstCall() {
        var threads = clients.callThreads(3);

        assertThat(threads.getPoolSize()).isEqualTo(3);
    }

    @Test
    void aMessageSentThroughTheCallThreadsBringsItsIdBack() throws Exception {
        var client = clients.ofTheStandIn();

        var sent = client.executeAsync(SendMessage.builder().chatId(42L).text("Hello").build())
                .get(10, TimeUnit.SECONDS);

        assertThat(clients.telegram().message(42L, sent.getMessageId())).hasValueSatisfying(m -> assertThat(m.text()).isEqualTo("Hello"));
    }

    @Test
    void aCallAfterTheCallThreadsStoppedFailsAtOnce() throws Exception {
        var threads = clients.callThreads(1);
        threads.shutdown();
        var client = clients.client(new OkHttpClient(), threads, URI.create("http://127.0.0.1:1"));

        var answer = client.executeAsync(AnswerCallbackQuery.builder().callbackQueryId("7").build());

        assertThat(answer).isCompletedExceptionally();
        assertThat(catchThrowable(answer::get))
                .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(IOException.class);
    }
}
