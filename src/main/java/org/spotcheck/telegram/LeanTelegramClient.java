package org.spotcheck.telegram;

import java.io.IOException;
import java.io.Serializable;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod;
import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethodBoolean;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;

import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * TelegramBots' OkHttp client with its JSON calls made cheaper, since every tap costs two of them.
 * The library builds each call's URL anew, parses its media type with a regular expression, and
 * reads every answer into full objects; a chat only ever reads the id of a message it sent. Here the
 * URL is built once per method, and the success of a call whose answer is only true (a deletion, a
 * tap answered, an edit sent as {@link Unread}) is read from its "ok" field alone. A call that
 * answers with something else (a sent or edited message) is read whole, as the library reads it, so
 * a caller always gets the type its method declares. Failures are still read by the library, so
 * errors, retry_after and "message is not modified" arrive exactly as before.
 *
 * <p>Each call runs as OkHttp's blocking call on the bot's own call threads rather than as its
 * asynchronous call: that one renames its thread before and after every call (two system calls and
 * a URL written out each time) and keeps a dispatcher's books, about 7 % of the bot's CPU under a
 * crowd (docs/performance.md).
 */
final class LeanTelegramClient extends OkHttpTelegramClient {

    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

    private final ObjectMapper mapper;
    private final OkHttpClient http;
    private final Executor calls;
    private final HttpUrl bot;
    private final Map<String, HttpUrl> urls = new ConcurrentHashMap<>();

    /**
     * @param calls where each call runs, on the network, from its request to its answer read (see
     *              {@link #callThreads})
     */
    LeanTelegramClient(ObjectMapper mapper, OkHttpClient http, Executor calls, String token, TelegramUrl url) {
        super(mapper, http, token, url);
        this.mapper = mapper;
        this.http = http;
        this.calls = calls;
        var builder = new HttpUrl.Builder().scheme(url.getSchema()).host(url.getHost()).port(url.getPort())
                .addPathSegment("bot" + token);
        if (url.isTestServer()) {
            builder.addPathSegment("test");
        }
        this.bot = builder.build();
    }

    /**
     * Threads for the calls on the network, one per call in flight (about 150 with a crowd at 50 ms
     * per call), {@code most} of them; more calls wait their turn. All are started with the bot and
     * kept, so the first burst after a deploy does not start a hundred threads while it is served. A
     * parked thread costs a few pages of stack, and a pool that let idle threads end would start a
     * new one for each call while it is below its size.
     */
    static ThreadPoolExecutor callThreads(int most) {
        var threads = new ThreadPoolExecutor(most, most, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(),
                ChatLanes.named("bot-api"));
        threads.prestartAllCoreThreads();
        return threads;
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
        var call = http.newCall(new Request.Builder().url(url).post(body).build());
        var answer = new CompletableFuture<T>();
        try {
            calls.execute(() -> {
                try (var response = call.execute(); var received = response.body()) {
                    answer.complete(read(method, received.string()));
                } catch (IOException | TelegramApiRequestException | RuntimeException e) {
                    answer.completeExceptionally(e);
                }
            });
        } catch (RejectedExecutionException stopped) {
            answer.completeExceptionally(new IOException(method.getMethod() + ": the bot is stopping"));
        }
        return answer;
    }

    @SuppressWarnings("unchecked") // sound: the answer of a BotApiMethodBoolean is a Boolean, and true on success
    private <T extends Serializable> T read(BotApiMethod<T> method, String json) throws TelegramApiRequestException {
        if (method instanceof BotApiMethodBoolean && succeeded(mapper.getFactory(), json)) {
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
