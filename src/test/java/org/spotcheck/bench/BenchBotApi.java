package org.spotcheck.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A lean Bot API stand-in for the benchmark: every answer is held back by a configurable delay
 * (the network to Telegram) without holding a thread, getUpdates long-polls, and every message
 * the bot sends or edits is reported to a listener (the simulated people), so nothing polls.
 * getUpdates can be given a delay of its own: with 0, a poll answers as soon as it has updates,
 * so the bot's own speed, not the poll's round trip, sets most of each wait.
 */
final class BenchBotApi implements AutoCloseable {

    /** What the people see: a message the bot sent or edited. */
    interface Listener {
        /** @param fresh a new message (sendMessage), not an edit of an older one */
        void shown(long chatId, int messageId, String text, List<String> buttons, boolean fresh);
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ServerSocket server;
    private final Set<Socket> connections = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService later = Executors.newScheduledThreadPool(2, daemon("bench-api-delay"));
    private final String token;
    private final Duration delay;
    private final Duration pollDelay;
    private volatile Listener listener = (chat, id, text, buttons, fresh) -> { };

    private final Object lock = new Object();
    private final Deque<ObjectNode> updates = new ArrayDeque<>();
    private final List<Exchange> parkedPolls = new ArrayList<>();
    private int nextUpdateId = 1;
    private final Map<Long, AtomicInteger> messageIds = new ConcurrentHashMap<>();
    private final AtomicLong callbackIds = new AtomicLong();
    final AtomicLong firstGetUpdatesNanos = new AtomicLong();
    private final Map<Long, Long> handedAt = new ConcurrentHashMap<>();
    /** Calls other than getUpdates, by method (lower case), since the last {@link #takeCalls}. */
    private final Map<String, LongAdder> calls = new ConcurrentHashMap<>();
    /** From handing the bot a batch to its next getUpdates: the bot's turnaround, in nanoseconds. */
    private final List<Long> turnarounds = java.util.Collections.synchronizedList(new ArrayList<>());
    private volatile long lastBatchAt;
    /** The first batches handed to the bot: how many updates, and when after its first getUpdates. */
    final List<String> batches = java.util.Collections.synchronizedList(new ArrayList<>());
    /** How often each tap was answered (answerCallbackQuery), by the tap's callback id: once each, or it was lost or applied twice. */
    private final Map<String, AtomicInteger> answered = new ConcurrentHashMap<>();

    BenchBotApi(String token, Duration delay, Duration pollDelay) throws IOException {
        this.token = token;
        this.delay = delay;
        this.pollDelay = pollDelay;
        server = new ServerSocket(0, 512, InetAddress.getLoopbackAddress());
        var acceptor = daemon("bench-api-connection");
        daemon("bench-api-accept").newThread(() -> {
            while (!server.isClosed()) {
                try {
                    var socket = server.accept();
                    socket.setTcpNoDelay(true); // else small answers wait ~40 ms for delayed ACKs
                    connections.add(socket);
                    acceptor.newThread(() -> serve(socket)).start();
                } catch (IOException closed) {
                    return;
                }
            }
        }).start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    // ---------------------------------------------------------------- HTTP/1.1, as lean as the bot's client allows

    /** One request waiting for its answer on a keep-alive connection (a client sends the next only after it). */
    private record Exchange(String path, byte[] body, OutputStream out) {
    }

    /**
     * A thread per connection reading requests in turn: far less CPU per call than the JDK's
     * HttpServer, whose cost on the shared cores would be counted against the bot.
     */
    private void serve(Socket socket) {
        try (socket; var in = new BufferedInputStream(socket.getInputStream(), 16_384)) {
            var out = socket.getOutputStream();
            while (true) {
                String requestLine = line(in);
                if (requestLine == null) {
                    return;
                }
                int length = 0;
                for (String header = line(in); header != null && !header.isEmpty(); header = line(in)) {
                    if (header.regionMatches(true, 0, "content-length:", 0, 15)) {
                        length = Integer.parseInt(header.substring(15).strip());
                    }
                }
                String[] parts = requestLine.split(" ");
                handle(new Exchange(parts[1], in.readNBytes(length), out));
            }
        } catch (IOException | RuntimeException e) {
            // the bot hung up, or the stand-in is closing
        } finally {
            connections.remove(socket);
        }
    }

    private static String line(InputStream in) throws IOException {
        var line = new StringBuilder();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c == -1) {
                return null;
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
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
        String id = Long.toString(callbackIds.incrementAndGet());
        answered.put(id, new AtomicInteger());
        var query = JSON.createObjectNode().put("id", id);
        query.set("from", person(chatId));
        query.set("message", message(chatId, messageId, "…"));
        query.put("chat_instance", "b" + chatId).put("data", data);
        queue("callback_query", query);
    }

    private void queue(String kind, ObjectNode payload) {
        List<Exchange> woken;
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

    private void handle(Exchange exchange) throws IOException {
        String path = exchange.path();
        String prefix = "/bot" + token + "/";
        if (!path.startsWith(prefix)) {
            respond(exchange, 401, "{\"ok\":false,\"error_code\":401,\"description\":\"Unauthorized\"}");
            return;
        }
        String method = path.substring(prefix.length()).toLowerCase(java.util.Locale.ROOT); // the API ignores case
        byte[] raw = exchange.body();
        JsonNode body = raw.length == 0 ? JSON.createObjectNode() : JSON.readTree(raw);
        if (!method.equals("getupdates")) {
            calls.computeIfAbsent(method, m -> new LongAdder()).increment();
        }
        switch (method) {
            case "getupdates" -> getUpdates(exchange, body);
            case "sendmessage" -> {
                long chat = body.path("chat_id").asLong();
                int id = messageIds.computeIfAbsent(chat, c -> new AtomicInteger()).incrementAndGet();
                shown(chat, id, body, true);
                later(exchange, "{\"ok\":true,\"result\":" + message(chat, id, "x") + "}");
            }
            case "editmessagetext" -> {
                long chat = body.path("chat_id").asLong();
                int id = body.path("message_id").asInt();
                shown(chat, id, body, false);
                later(exchange, "{\"ok\":true,\"result\":" + message(chat, id, "x") + "}");
            }
            case "answercallbackquery" -> {
                var count = answered.get(body.path("callback_query_id").asText());
                if (count != null) {
                    count.incrementAndGet();
                }
                later(exchange, "{\"ok\":true,\"result\":true}");
            }
            case "getme" -> later(exchange,
                    "{\"ok\":true,\"result\":{\"id\":1,\"is_bot\":true,\"first_name\":\"B\",\"username\":\"bench_bot\"}}");
            default -> later(exchange, "{\"ok\":true,\"result\":true}");
        }
    }

    private void shown(long chat, int messageId, JsonNode body, boolean fresh) {
        var buttons = new ArrayList<String>();
        for (JsonNode row : body.path("reply_markup").path("inline_keyboard")) {
            for (JsonNode button : row) {
                buttons.add(button.path("callback_data").asText());
            }
        }
        listener.shown(chat, messageId, body.path("text").asText(), buttons, fresh);
    }

    private void getUpdates(Exchange exchange, JsonNode body) {
        long now = System.nanoTime();
        firstGetUpdatesNanos.compareAndSet(0, now);
        if (lastBatchAt != 0) {
            turnarounds.add(now - lastBatchAt);
            lastBatchAt = 0;
        }
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

    private void answerPoll(Exchange exchange) {
        var batch = JSON.createArrayNode();
        synchronized (lock) {
            for (var update : updates) {
                if (batch.size() == 100) {
                    break;
                }
                batch.add(update);
            }
        }
        String json = "{\"ok\":true,\"result\":" + batch + "}";
        Runnable answer = () -> {
            long handed = System.nanoTime();
            batch.forEach(update -> handedAt.put(chatOf(update), handed));
            respond(exchange, 200, json);
            if (!batch.isEmpty()) {
                lastBatchAt = System.nanoTime();
                if (batches.size() < 8) {
                    batches.add(String.format(java.util.Locale.ROOT, "%d at %.0f ms", batch.size(),
                            (lastBatchAt - firstGetUpdatesNanos.get()) / 1e6));
                }
            }
        };
        if (pollDelay.isZero()) {
            answer.run();
        } else {
            later.schedule(answer, pollDelay.toNanos(), TimeUnit.NANOSECONDS);
        }
    }

    /** Calls other than getUpdates since the last time, by method; the count starts again. */
    Map<String, Long> takeCalls() {
        var taken = new TreeMap<String, Long>();
        calls.forEach((method, count) -> taken.put(method, count.sumThenReset()));
        return taken;
    }

    /** When the newest update of a chat was handed to the bot (System.nanoTime), or 0. */
    long handedAt(long chatId) {
        return handedAt.getOrDefault(chatId, 0L);
    }

    private static long chatOf(JsonNode update) {
        var message = update.has("callback_query") ? update.path("callback_query").path("message") : update.path("message");
        return message.path("chat").path("id").asLong();
    }

    /** The bot's turnarounds since the last call, in milliseconds, sorted; a full batch is the next one's wait. */
    double[] takeTurnaroundsMillis() {
        synchronized (turnarounds) {
            var sorted = turnarounds.stream().mapToDouble(n -> n / 1e6).sorted().toArray();
            turnarounds.clear();
            return sorted;
        }
    }

    /** Taps never answered, and answers beyond the first: each is an update lost or applied twice. */
    int[] unansweredAndTwice() {
        int lost = 0;
        int twice = 0;
        for (var count : answered.values()) {
            lost += count.get() == 0 ? 1 : 0;
            twice += Math.max(0, count.get() - 1);
        }
        return new int[] {lost, twice};
    }

    private void later(Exchange exchange, String json) {
        if (delay.isZero()) {
            respond(exchange, 200, json);
        } else {
            later.schedule(() -> respond(exchange, 200, json), delay.toNanos(), TimeUnit.NANOSECONDS);
        }
    }

    private static void respond(Exchange exchange, int status, String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        byte[] head = ("HTTP/1.1 " + status + (status == 200 ? " OK" : " Error")
                + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        byte[] whole = Arrays.copyOf(head, head.length + body.length);
        System.arraycopy(body, 0, whole, head.length, body.length);
        try {
            synchronized (exchange.out()) {
                exchange.out().write(whole); // one write: one packet for the bot to read
            }
        } catch (IOException e) {
            // the bot hung up (it is stopping); nothing to do
        }
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            // closing anyway
        }
        for (var socket : connections) {
            try {
                socket.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
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
