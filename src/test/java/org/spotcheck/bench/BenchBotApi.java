package org.spotcheck.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A lean Bot API stand-in for the benchmark: every answer is held back by a configurable delay
 * (the network to Telegram) without holding a thread, getUpdates long-polls, and every message
 * the bot sends or edits is reported to a listener (the simulated people), so nothing polls.
 */
final class BenchBotApi implements AutoCloseable {

    static {
        // Without it the JDK server delays small responses by ~40 ms (Nagle and delayed ACKs).
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    /** What the people see: a message the bot sent or edited. */
    interface Listener {
        void shown(long chatId, int messageId, String text, List<String> buttons);
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final ScheduledExecutorService later = Executors.newScheduledThreadPool(2, daemon("bench-api-delay"));
    private final String token;
    private final Duration delay;
    private volatile Listener listener = (chat, id, text, buttons) -> { };

    private final Object lock = new Object();
    private final Deque<ObjectNode> updates = new ArrayDeque<>();
    private final List<HttpExchange> parkedPolls = new ArrayList<>();
    private int nextUpdateId = 1;
    private final Map<Long, AtomicInteger> messageIds = new ConcurrentHashMap<>();
    private final AtomicLong callbackIds = new AtomicLong();
    final AtomicLong firstGetUpdatesNanos = new AtomicLong();
    final AtomicLong calls = new AtomicLong();

    BenchBotApi(String token, Duration delay) throws IOException {
        this.token = token;
        this.delay = delay;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 512);
        server.setExecutor(Executors.newFixedThreadPool(8, daemon("bench-api")));
        server.createContext("/", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    void listen(Listener listener) {
        this.listener = listener;
    }

    // ---------------------------------------------------------------- what the people do

    void sendCommand(long chatId, String command) {
        var message = message(chatId, messageIds.computeIfAbsent(chatId, c -> new AtomicInteger()).incrementAndGet(), command);
        message.set("from", person(chatId));
        message.putArray("entities").addObject().put("type", "bot_command").put("offset", 0).put("length", command.length());
        queue("message", message);
    }

    void tap(long chatId, int messageId, String data) {
        var query = JSON.createObjectNode().put("id", Long.toString(callbackIds.incrementAndGet()));
        query.set("from", person(chatId));
        query.set("message", message(chatId, messageId, "…"));
        query.put("chat_instance", "b" + chatId).put("data", data);
        queue("callback_query", query);
    }

    private void queue(String kind, ObjectNode payload) {
        List<HttpExchange> woken;
        synchronized (lock) {
            var update = JSON.createObjectNode().put("update_id", nextUpdateId++);
            update.set(kind, payload);
            updates.add(update);
            woken = new ArrayList<>(parkedPolls);
            parkedPolls.clear();
        }
        woken.forEach(this::answerPoll);
    }

    private static ObjectNode person(long chatId) {
        return JSON.createObjectNode().put("id", chatId).put("is_bot", false).put("first_name", "P")
                .put("language_code", "en");
    }

    private static ObjectNode message(long chatId, int messageId, String text) {
        var message = JSON.createObjectNode().put("message_id", messageId).put("date", 1_700_000_000).put("text", text);
        message.putObject("chat").put("id", chatId).put("type", "private");
        return message;
    }

    // ---------------------------------------------------------------- the Bot API

    private void handle(HttpExchange exchange) throws IOException {
        calls.incrementAndGet();
        String path = exchange.getRequestURI().getPath();
        String prefix = "/bot" + token + "/";
        if (!path.startsWith(prefix)) {
            respond(exchange, 401, "{\"ok\":false,\"error_code\":401,\"description\":\"Unauthorized\"}");
            return;
        }
        String method = path.substring(prefix.length()).toLowerCase(java.util.Locale.ROOT); // the API ignores case
        byte[] raw = exchange.getRequestBody().readAllBytes();
        JsonNode body = raw.length == 0 ? JSON.createObjectNode() : JSON.readTree(raw);
        switch (method) {
            case "getupdates" -> getUpdates(exchange, body);
            case "sendmessage" -> {
                long chat = body.path("chat_id").asLong();
                int id = messageIds.computeIfAbsent(chat, c -> new AtomicInteger()).incrementAndGet();
                shown(chat, id, body);
                later(exchange, "{\"ok\":true,\"result\":" + message(chat, id, "x") + "}");
            }
            case "editmessagetext" -> {
                long chat = body.path("chat_id").asLong();
                int id = body.path("message_id").asInt();
                shown(chat, id, body);
                later(exchange, "{\"ok\":true,\"result\":" + message(chat, id, "x") + "}");
            }
            case "getme" -> later(exchange,
                    "{\"ok\":true,\"result\":{\"id\":1,\"is_bot\":true,\"first_name\":\"B\",\"username\":\"bench_bot\"}}");
            default -> later(exchange, "{\"ok\":true,\"result\":true}");
        }
    }

    private void shown(long chat, int messageId, JsonNode body) {
        var buttons = new ArrayList<String>();
        for (JsonNode row : body.path("reply_markup").path("inline_keyboard")) {
            for (JsonNode button : row) {
                buttons.add(button.path("callback_data").asText());
            }
        }
        listener.shown(chat, messageId, body.path("text").asText(), buttons);
    }

    private void getUpdates(HttpExchange exchange, JsonNode body) {
        firstGetUpdatesNanos.compareAndSet(0, System.nanoTime());
        long offset = body.path("offset").asLong(0);
        synchronized (lock) {
            while (!updates.isEmpty() && updates.peekFirst().path("update_id").asLong() < offset) {
                updates.pollFirst(); // confirmed
            }
            if (updates.isEmpty()) {
                parkedPolls.add(exchange);
                later.schedule(() -> {
                    boolean stillParked;
                    synchronized (lock) {
                        stillParked = parkedPolls.remove(exchange);
                    }
                    if (stillParked) {
                        answerPoll(exchange);
                    }
                }, Math.min(body.path("timeout").asLong(0), 2), TimeUnit.SECONDS);
                return;
            }
        }
        answerPoll(exchange);
    }

    private void answerPoll(HttpExchange exchange) {
        var batch = JSON.createArrayNode();
        synchronized (lock) {
            for (var update : updates) {
                if (batch.size() == 100) {
                    break;
                }
                batch.add(update);
            }
        }
        later(exchange, "{\"ok\":true,\"result\":" + batch + "}");
    }

    private void later(HttpExchange exchange, String json) {
        if (delay.isZero()) {
            respond(exchange, 200, json);
        } else {
            later.schedule(() -> respond(exchange, 200, json), delay.toNanos(), TimeUnit.NANOSECONDS);
        }
    }

    private static void respond(HttpExchange exchange, int status, String json) {
        try {
            byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        } catch (IOException e) {
            exchange.close(); // the bot hung up (it is stopping); nothing to do
        }
    }

    @Override
    public void close() {
        server.stop(0);
        later.shutdownNow();
    }

    static java.util.concurrent.ThreadFactory daemon(String name) {
        var count = new AtomicInteger();
        return r -> {
            var t = new Thread(r, name + "-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
