package org.spotcheck.telegram;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadPoolExecutor;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import com.fasterxml.jackson.databind.ObjectMapper;

import okhttp3.OkHttpClient;

/**
 * What a test of the lean client starts (call threads, the Bot API stand-in on 127.0.0.1), stopped
 * after each test in that order, whatever the test got to start. Register it with
 * {@code @RegisterExtension final LeanClients clients = new LeanClients(TOKEN);}.
 */
final class LeanClients implements AfterEachCallback {

    private final String token;
    private final List<ThreadPoolExecutor> callThreads = new ArrayList<>();
    private FakeBotApi telegram;

    LeanClients(String token) {
        this.token = token;
    }

    /** Call threads as the bot starts them, at most {@code most}. */
    ThreadPoolExecutor callThreads(int most) {
        var threads = LeanTelegramClient.callThreads(most);
        callThreads.add(threads);
        return threads;
    }

    /** The stand-in, started on first use, under this token. */
    FakeBotApi telegram() {
        if (telegram == null) {
            telegram = FakeBotApi.start(token);
        }
        return telegram;
    }

    /** A client of the stand-in, on two call threads. */
    LeanTelegramClient ofTheStandIn() {
        return client(new OkHttpClient(), callThreads(2), URI.create(telegram().url()));
    }

    LeanTelegramClient client(OkHttpClient http, ThreadPoolExecutor threads, URI api) {
        return new LeanTelegramClient(new ObjectMapper(), http, threads, token, TelegramBot.telegramUrl(api));
    }

    @Override
    public void afterEach(ExtensionContext context) {
        callThreads.forEach(ThreadPoolExecutor::shutdownNow);
        callThreads.clear();
        if (telegram != null) {
            telegram.close();
            telegram = null;
        }
    }
}
