package org.spotcheck.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonFactory;

/** A call whose answer nobody reads succeeds on Telegram's "ok": true, and on nothing else. */
class LeanTelegramClientTest {

    private static final JsonFactory JSON = new JsonFactory();

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
}
