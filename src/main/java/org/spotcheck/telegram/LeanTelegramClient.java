package org.spotcheck.telegram;

import java.io.IOException;
import java.io.Serializable;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;

import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * TelegramBots' OkHttp client with its JSON calls made cheaper, since every tap costs two of them.
 * The library builds each call's URL anew, parses its media type with a regular expression, and
 * reads every answer into full objects; a chat only ever reads the id of a message it sent. Here the
 * URL is built once per method, and the success of a call whose answer nobody reads (an edit, a
 * deletion, a tap answered) is read from its "ok" field alone. Failures are still read by the
 * library, so errors, retry_after and "message is not modified" arrive exactly as before.
 */
final class LeanTelegramClient extends OkHttpTelegramClient {

    /** The calls whose successful answer SpotCheck never reads. */
    static final Set<String> ANSWER_UNREAD = Set.of("answerCallbackQuery", "editMessageText", "deleteMessage");

    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

    private final ObjectMapper mapper;
    private final OkHttpClient http;
    private final HttpUrl bot;
    private final Map<String, HttpUrl> urls = new ConcurrentHashMap<>();

    LeanTelegramClient(ObjectMapper mapper, OkHttpClient http, String token, TelegramUrl url) {
        super(mapper, http, token, url);
        this.mapper = mapper;
        this.http = http;
        var builder = new HttpUrl.Builder().scheme(url.getSchema()).host(url.getHost()).port(url.getPort())
                .addPathSegment("bot" + token);
        if (url.isTestServer()) {
            builder.addPathSegment("test");
        }
        this.bot = builder.build();
    }

    @Override
    public <T extends Serializable, Method extends BotApiMethod<T>> CompletableFuture<T> executeAsync(Method method)
            throws TelegramApiException {
        if (method == null) {
            throw new TelegramApiException("Parameter method can not be null");
        }
        method.validate();
        RequestBody body;
        try {
            body = RequestBody.create(mapper.writeValueAsBytes(method), JSON);
        } catch (IOException e) {
            throw new TelegramApiException("Unable to execute " + method.getMethod() + " method", e);
        }
        var url = urls.computeIfAbsent(method.getMethod(), name -> bot.newBuilder().addPathSegment(name).build());
        var answer = new CompletableFuture<T>();
        http.newCall(new Request.Builder().url(url).post(body).build()).enqueue(new Callback() {
            @Override
            public void onFailure(Call call, IOException e) {
                answer.completeExceptionally(e);
            }

            @Override
            public void onResponse(Call call, Response response) {
                try (var received = response.body()) {
                    answer.complete(read(method, received.string()));
                } catch (IOException | TelegramApiRequestException | RuntimeException e) {
                    answer.completeExceptionally(e);
                }
            }
        });
        return answer;
    }

    @SuppressWarnings("unchecked") // Boolean is what Telegram answers to these calls when there is nothing else
    private <T extends Serializable> T read(BotApiMethod<T> method, String json) throws TelegramApiRequestException {
        if (ANSWER_UNREAD.contains(method.getMethod()) && succeeded(mapper.getFactory(), json)) {
            return (T) Boolean.TRUE;
        }
        return method.deserializeResponse(json);
    }

    /**
     * The answer's top-level "ok" is true: read token by token, the result itself is skipped. An
     * answer that is not JSON (a proxy's error page) is no success; the library then reads it.
     */
    static boolean succeeded(JsonFactory json, String answer) {
        try (var parser = json.createParser(answer)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return false;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                var value = parser.nextToken();
                if (field.equals("ok")) {
                    return value == JsonToken.VALUE_TRUE;
                }
                parser.skipChildren();
            }
            return false;
        } catch (IOException notJson) {
            return false;
        }
    }
}
