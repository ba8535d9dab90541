package org.spotcheck.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URLDecoder;
import java.time.Duration;
import java.time.Instant;
import java.util.*;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.awaitility.core.ConditionTimeoutException;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.awaitility.Awaitility.await;

/**
 * An in-process stand-in for the Telegram Bot API (https://core.telegram.org/bots/api) so tests can run the
 * real TelegramBots client against it: it answers the few methods SpotCheck uses with the real API's shapes
 * and error texts, scripts what a person does (messages, button taps), lets tests inspect what the bot did,
 * and injects faults. The wire format is the whole contract, so the bot under test needs no test hooks.
 * The one stand-in of the tests and of the benchmark: {@link #forCrowd} holds every answer back by Telegram's
 * round trip, tells an {@link Observer} what happens, and keeps no log, so a long run's memory stays flat.
 * Simplifications: parse_mode is recorded but not applied (texts are stored as sent), file uploads are ignored,
 * and methods other than the ones listed in METHODS answer 404 like an unknown method would.
 * Everything mutable is guarded by {@code lock}; its monitor wakes a long poll when an update is queued.
 */
public final class FakeBotApi implements AutoCloseable {

    /** One request the bot made that reached a method (injected faults are listed in {@link #faults()}). */
    public record Call(String method, JsonNode body, Instant at) {}

    /** A message as the chat shows it now; {@code replyMarkup} may be null. */
    public record FakeMessage(long chatId, int messageId, boolean fromBot, long date, String text, String parseMode,
                              JsonNode replyMarkup, boolean protectContent, boolean deleted) {}

    /**
     * What a benchmark watches, told as it happens on the stand-in's threads, outside its lock (so an observer
     * may act as a person at once, e.g. tap a button of the message it was just shown).
     */
    public interface Observer {
        /** A getUpdates arrived (before any fault or wait). */
        default void polled() {}

        /** A getUpdates answer leaves now with these updates (maybe none). */
        default void handed(JsonNode updates) {}

        /** Any other call arrived (before any fault; every call counts, a refused one too). */
        default void called(String method, JsonNode params) {}

        /** The bot sent ({@code fresh}) or edited a message: what the chat shows now. */
        default void shown(FakeMessage message, boolean fresh) {}
    }

    private record Fault(int status, String description, Integer retryAfter) {}

    /** A method's result, and the message it shows if it changed one (told to the observer). */
    private record Outcome(JsonNode result, FakeMessage shown, boolean fresh) {
        static Outcome of(JsonNode result) { return new Outcome(result, null, false); }
    }

    /** Thrown inside handlers to answer like the API does: {"ok":false,"error_code":..,"description":..}. */
    private static final class ApiError extends RuntimeException {
        final int code;
        ApiError(int code, String description) { super(description); this.code = code; }
    }

    /** What Telegram's nginx front answers when the backend is down: HTML, not JSON. */
    public static final String NGINX_502 = "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n"
            + "<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n";
    private static final String NOT_MODIFIED = "Bad Request: message is not modified: specified new message content"
            + " and reply markup are exactly the same as a current content and reply markup of the message";
    private static final String QUERY_INVALID =
            "Bad Request: query is too old and response timeout expired or query ID is invalid";
    /** Real long polls last up to 50 s; a third of a second keeps tests (and the bot's stops) fast and still exercises the waiting. */
    static final long MAX_POLL_WAIT_MS = 300;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PATH = Pattern.compile("/bot([^/]+)/([^/]+)/?");
    private static final Map<String, String> METHODS = new HashMap<>(); // lower case -> canonical: the API ignores case
    static {
        for (String m : List.of("getUpdates", "sendMessage", "editMessageText", "editMessageReplyMarkup",
                "answerCallbackQuery", "deleteMessage", "setMyCommands", "getMe", "deleteWebhook",
                "setMyDescription", "getMyDescription", "setMyShortDescription", "getMyShortDescription")) {
            METHODS.put(m.toLowerCase(Locale.ROOT), m);
        }
    }

    private final String token;
    private final long botId;
    private final HttpWire wire;
    /** False for a crowd: calls() and redeliverAll() then know nothing, and memory stays flat. */
    private final boolean keepsLog;
    /** How long every answer is held back after its method ran: the way back from Telegram. */
    private final Duration answerDelay;
    private final Duration pollAnswerDelay;
    private final Observer observer;
    private final Object lock = new Object();
    private final List<Call> calls = new ArrayList<>();
    private final List<Call> faults = new ArrayList<>();
    private final Deque<ObjectNode> updates = new ArrayDeque<>();
    private final Map<Long, TreeMap<Integer, FakeMessage>> chats = new HashMap<>();
    private final Map<Long, ObjectNode> groupChats = new HashMap<>();
    private final Set<String> openCallbackQueries = new HashSet<>();
    private final Map<String, JsonNode> commands = new HashMap<>();
    /** Every update getUpdates ever returned, by id: what Telegram could send again. */
    private final Map<Integer, ObjectNode> delivered = new java.util.TreeMap<>();
    /** The bot's profile texts by language_code ("" for the default), as Telegram keeps them. */
    private final Map<String, String> descriptions = new HashMap<>();
    private final Map<String, String> shortDescriptions = new HashMap<>();
    private final Map<String, Deque<Fault>> scriptedFaults = new HashMap<>();
    private int nextUpdateId = 1;
    private int lastConfirmedOffset;
    private long callbackSeq;
    private double faultShare;
    private Random faultRandom = new Random(0);
    private boolean spareGetUpdates;
    private Duration delay = Duration.ZERO;
    private boolean closed;

    private FakeBotApi(String token, boolean keepsLog, Duration answerDelay, Duration pollAnswerDelay, Observer observer) {
        this.token = token;
        long id;
        try { id = Long.parseLong(token.substring(0, token.indexOf(':'))); } // real bot ids are the token prefix
        catch (RuntimeException e) { id = 1_000_001L; }
        this.botId = id;
        this.keepsLog = keepsLog;
        this.answerDelay = answerDelay;
        this.pollAnswerDelay = pollAnswerDelay;
        this.observer = observer;
        this.wire = HttpWire.serve(this::handle);
    }

    /** The stand-in for a test: every call logged, answered at once. */
    public static FakeBotApi start(String token) {
        return new FakeBotApi(token, true, Duration.ZERO, Duration.ZERO, new Observer() {});
    }

    /**
     * The stand-in for a crowd of simulated people (the benchmark): every answer is held back by
     * {@code answerDelay} after its method ran (a getUpdates answer by {@code pollAnswerDelay}), as if Telegram
     * were that far away; the observer is told everything, and no log of calls is kept.
     */
    public static FakeBotApi forCrowd(String token, Duration answerDelay, Duration pollAnswerDelay, Observer observer) {
        return new FakeBotApi(token, false, answerDelay, pollAnswerDelay, observer);
    }

    public String url() { return "http://127.0.0.1:" + port(); }

    public int port() { return wire.port(); }

    @Override
    public void close() {
        synchronized (lock) { closed = true; lock.notifyAll(); }
        wire.close();
    }

    // ---------------------------------------------------------------- HTTP

    private HttpWire.Response handle(HttpWire.Request request) {
        try {
            Matcher path = PATH.matcher(request.path());
            if (!path.matches()) return errorResponse(404, "Not Found");
            if (!path.group(1).equals(token)) return errorResponse(401, "Unauthorized");
            String method = METHODS.getOrDefault(path.group(2).toLowerCase(Locale.ROOT), path.group(2));
            ObjectNode params;
            try { params = readParams(request); }
            catch (IOException e) { return errorResponse(400, "Bad Request: can't parse JSON"); }
            boolean poll = method.equals("getUpdates");
            if (poll) observer.polled(); else observer.called(method, params);
            Thread.sleep(currentDelay().toMillis());
            Fault fault = takeFault(method, params);
            if (fault != null) {
                boolean html = fault.description().startsWith("<");
                return new HttpWire.Response(fault.status(), html ? "text/html" : "application/json",
                        html ? fault.description() : error(fault.status(), fault.description(), fault.retryAfter()));
            }
            if (poll) {
                JsonNode handed = getUpdates(params);
                TimeUnit.NANOSECONDS.sleep(pollAnswerDelay.toNanos());
                observer.handed(handed);
                return ok(handed);
            }
            HttpWire.Response answer;
            try {
                Outcome outcome = invoke(method, params);
                if (outcome.shown() != null) observer.shown(outcome.shown(), outcome.fresh());
                answer = ok(outcome.result());
            } catch (ApiError e) {
                answer = errorResponse(e.code, e.getMessage());
            }
            TimeUnit.NANOSECONDS.sleep(answerDelay.toNanos());
            return answer;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("closing", e); // the client just sees the connection drop
        } catch (RuntimeException e) {
            e.printStackTrace(); // the wire would otherwise swallow a bug in the fake silently
            return errorResponse(500, "Internal Server Error: the fake failed: " + e);
        }
    }

    /** Runs a state-changing method and records it atomically, so an awaitCall never sees a half-done call. */
    private Outcome invoke(String method, ObjectNode p) {
        synchronized (lock) {
            try {
                return switch (method) {
                    case "sendMessage" -> sendMessage(p);
                    case "editMessageText" -> edit(p, true);
                    case "editMessageReplyMarkup" -> edit(p, false);
                    case "deleteMessage" -> Outcome.of(deleteMessage(p));
                    case "answerCallbackQuery" -> Outcome.of(answerCallbackQuery(p));
                    case "setMyCommands" -> Outcome.of(setMyCommands(p));
                    case "setMyDescription" -> Outcome.of(setText(descriptions, p, "description", 512));
                    case "setMyShortDescription" -> Outcome.of(setText(shortDescriptions, p, "short_description", 120));
                    case "getMyDescription" -> Outcome.of(JSON.createObjectNode()
                            .put("description", descriptions.getOrDefault(p.path("language_code").asText(""), "")));
                    case "getMyShortDescription" -> Outcome.of(JSON.createObjectNode()
                            .put("short_description", shortDescriptions.getOrDefault(p.path("language_code").asText(""), "")));
                    case "getMe" -> Outcome.of(botUser());
                    case "deleteWebhook" -> {
                        if (p.path("drop_pending_updates").asBoolean()) updates.clear();
                        yield Outcome.of(JSON.getNodeFactory().booleanNode(true));
                    }
                    default -> throw new ApiError(404, "Not Found");
                };
            } finally {
                if (keepsLog) calls.add(new Call(method, p, Instant.now()));
            }
        }
    }

    private static ObjectNode readParams(HttpWire.Request request) throws IOException {
        ObjectNode params = JSON.createObjectNode();
        addForm(params, request.query()); // the API also takes GET-style query parameters
        String body = new String(request.body(), UTF_8);
        String type = request.contentType();
        String lower = type.toLowerCase(Locale.ROOT);
        if (lower.startsWith("application/x-www-form-urlencoded")) {
            addForm(params, body);
        } else if (lower.startsWith("multipart/form-data") && type.contains("boundary=")) {
            String boundary = type.substring(type.indexOf("boundary=") + 9).replace("\"", "").split(";")[0];
            for (String part : body.split("--" + Pattern.quote(boundary))) {
                int split = part.indexOf("\r\n\r\n");
                Matcher name = Pattern.compile("name=\"([^\"]*)\"").matcher(split < 0 ? "" : part.substring(0, split));
                if (name.find() && !part.substring(0, split).contains("filename=")) { // file uploads are not kept
                    params.set(name.group(1), formValue(part.substring(split + 4).replaceFirst("\r\n$", "")));
                }
            }
        } else if (!body.isBlank() && JSON.readTree(body) instanceof ObjectNode json) {
            params.setAll(json); // TelegramBots sends application/json
        }
        return params;
    }

    private static void addForm(ObjectNode params, String form) {
        if (form == null || form.isEmpty()) return;
        for (String pair : form.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), UTF_8);
            params.set(key, formValue(eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), UTF_8)));
        }
    }

    /** Form encodings carry objects such as reply_markup as JSON strings; keep them as JSON like a JSON body would. */
    private static JsonNode formValue(String value) {
        if (value.startsWith("{") || value.startsWith("[")) {
            try { return JSON.readTree(value); } catch (IOException ignored) { /* plain text after all */ }
        }
        return JSON.getNodeFactory().textNode(value);
    }

    private static HttpWire.Response ok(JsonNode result) {
        return new HttpWire.Response(200, "application/json",
                JSON.createObjectNode().put("ok", true).set("result", result).toString());
    }

    private static HttpWire.Response errorResponse(int code, String description) {
        return new HttpWire.Response(code, "application/json", error(code, description, null));
    }

    private static String error(int code, String description, Integer retryAfter) {
        ObjectNode e = JSON.createObjectNode().put("ok", false).put("error_code", code).put("description", description);
        if (retryAfter != null) e.putObject("parameters").put("retry_after", retryAfter);
        return e.toString();
    }

    // ---------------------------------------------------------------- Bot API methods (called holding lock)

    private JsonNode getUpdates(ObjectNode p) throws InterruptedException {
        synchronized (lock) {
            int offset = p.path("offset").asInt(0);
            if (offset > 0) { // "confirmed as soon as getUpdates is called with an offset higher than its update_id"
                updates.removeIf(u -> u.get("update_id").asInt() < offset);
                lastConfirmedOffset = Math.max(lastConfirmedOffset, offset);
            } else if (offset < 0) { // negative: keep only the last -offset updates, forget the rest
                while (updates.size() > -offset) updates.removeFirst();
            }
            if (keepsLog) calls.add(new Call("getUpdates", p, Instant.now()));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(p.path("timeout").asLong(0));
            deadline = Math.min(deadline, System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(MAX_POLL_WAIT_MS));
            long left;
            while (updates.isEmpty() && !closed && (left = deadline - System.nanoTime()) > 0) {
                lock.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
            }
            int limit = p.path("limit").asInt(100);
            ArrayNode result = JSON.createArrayNode();
            // No copies: a queued update is never changed (redeliverAll queues copies of its own).
            updates.stream().limit(limit < 1 || limit > 100 ? 100 : limit).forEach(result::add);
            if (keepsLog) result.forEach(u -> delivered.putIfAbsent(u.get("update_id").asInt(), (ObjectNode) u));
            return result;
        }
    }

    private Outcome sendMessage(ObjectNode p) {
        long chatId = chatId(p);
        String text = text(p);
        FakeMessage m = new FakeMessage(chatId, nextMessageId(chatId), true, Instant.now().getEpochSecond(), text,
                p.path("parse_mode").textValue(), markup(p), p.path("protect_content").asBoolean(false), false);
        store(m);
        return new Outcome(messageJson(m), m, true);
    }

    /** editMessageText and editMessageReplyMarkup: a missing reply_markup removes the keyboard, as in Telegram. */
    private Outcome edit(ObjectNode p, boolean newText) {
        FakeMessage old = existing(p, "Bad Request: message to edit not found");
        if (!old.fromBot()) throw new ApiError(400, "Bad Request: message can't be edited");
        String text = newText ? text(p) : old.text();
        JsonNode markup = markup(p);
        if (Objects.equals(text, old.text()) && Objects.equals(markup, old.replyMarkup())) {
            throw new ApiError(400, NOT_MODIFIED);
        }
        FakeMessage m = new FakeMessage(old.chatId(), old.messageId(), true, old.date(), text,
                newText ? p.path("parse_mode").textValue() : old.parseMode(), markup, old.protectContent(), false);
        store(m);
        return new Outcome(messageJson(m), m, false);
    }

    private JsonNode deleteMessage(ObjectNode p) {
        FakeMessage m = existing(p, "Bad Request: message to delete not found");
        store(new FakeMessage(m.chatId(), m.messageId(), m.fromBot(), m.date(), m.text(), m.parseMode(),
                m.replyMarkup(), m.protectContent(), true));
        return JSON.getNodeFactory().booleanNode(true);
    }

    private JsonNode answerCallbackQuery(ObjectNode p) {
        // A query can be answered once; afterwards its id is as invalid as an unknown one.
        if (!openCallbackQueries.remove(p.path("callback_query_id").asText())) throw new ApiError(400, QUERY_INVALID);
        return JSON.getNodeFactory().booleanNode(true);
    }

    /** Telegram refuses a text over its limit with a 400. */
    private static JsonNode setText(Map<String, String> texts, ObjectNode p, String field, int limit) {
        String text = p.path(field).asText("");
        if (text.codePointCount(0, text.length()) > limit) {
            throw new ApiError(400, "Bad Request: " + field + " is too long");
        }
        texts.put(p.path("language_code").asText(""), text);
        return JSON.getNodeFactory().booleanNode(true);
    }

    private JsonNode setMyCommands(ObjectNode p) {
        commands.put(p.path("language_code").asText(""), p.path("commands").deepCopy());
        return JSON.getNodeFactory().booleanNode(true);
    }

    private static long chatId(ObjectNode p) {
        String raw = p.path("chat_id").asText(""); // TelegramBots sends chat_id as a string
        if (raw.isEmpty()) throw new ApiError(400, "Bad Request: chat_id is empty");
        try { return Long.parseLong(raw); } catch (NumberFormatException e) { throw new ApiError(400, "Bad Request: chat not found"); }
    }

    private static String text(ObjectNode p) {
        String text = p.path("text").asText("");
        if (text.isEmpty()) throw new ApiError(400, "Bad Request: message text is empty");
        if (text.length() > 4096) throw new ApiError(400, "Bad Request: message is too long");
        return text;
    }

    private static JsonNode markup(ObjectNode p) {
        JsonNode m = p.get("reply_markup");
        return m == null || m.isNull() ? null : m.deepCopy();
    }

    private FakeMessage existing(ObjectNode p, String notFound) {
        long chatId = chatId(p);
        if (!p.hasNonNull("message_id")) throw new ApiError(400, "Bad Request: message identifier is not specified");
        FakeMessage m = chats.getOrDefault(chatId, new TreeMap<>()).get(p.path("message_id").asInt());
        if (m == null || m.deleted()) throw new ApiError(400, notFound);
        return m;
    }

    // ---------------------------------------------------------------- JSON shapes

    private ObjectNode botUser() {
        return JSON.createObjectNode().put("id", botId).put("is_bot", true).put("first_name", "SpotCheck")
                .put("username", "spotcheck_test_bot").put("can_join_groups", true)
                .put("can_read_all_group_messages", false).put("supports_inline_queries", false);
    }

    private static ObjectNode person(long userId, String languageCode) {
        return JSON.createObjectNode().put("id", userId).put("is_bot", false).put("first_name", "Alice")
                .put("username", "alice_test").put("language_code", languageCode);
    }

    private ObjectNode chatJson(long chatId) {
        ObjectNode group = groupChats.get(chatId);
        if (group != null) return group.deepCopy();
        return JSON.createObjectNode().put("id", chatId).put("type", "private").put("first_name", "Alice")
                .put("username", "alice_test");
    }

    private ObjectNode messageJson(FakeMessage m) {
        ObjectNode j = JSON.createObjectNode().put("message_id", m.messageId());
        j.set("from", m.fromBot() ? botUser() : person(m.chatId(), "en"));
        j.set("chat", chatJson(m.chatId()));
        j.put("date", m.date());
        if (m.text() != null) j.put("text", m.text());
        if (m.protectContent()) j.put("has_protected_content", true);
        // Telegram echoes only inline keyboards in a Message; reply keyboards live in the client.
        if (m.replyMarkup() != null && m.replyMarkup().has("inline_keyboard")) j.set("reply_markup", m.replyMarkup());
        return j;
    }

    // ---------------------------------------------------------------- scripted person (return update ids)

    public long sendText(long chatId, String text) { return sendText(chatId, text, "en"); }

    public long sendText(long chatId, String text, String languageCode) {
        synchronized (lock) { return queue("message", incoming(chatId, chatId, languageCode, text)); }
    }

    public long sendGroupText(long groupChatId, long userId, String text) {
        synchronized (lock) {
            groupChats.putIfAbsent(groupChatId, JSON.createObjectNode().put("id", groupChatId).put("type", "group")
                    .put("title", "SpotCheck test group"));
            return queue("message", incoming(groupChatId, userId, "en", text));
        }
    }

    public long sendSticker(long chatId) {
        synchronized (lock) {
            ObjectNode msg = incoming(chatId, chatId, "en", null);
            msg.putObject("sticker").put("file_id", "CAACAgIAAxkBAAIBfake" + msg.get("message_id"))
                    .put("file_unique_id", "AgADfake" + msg.get("message_id")).put("type", "regular")
                    .put("width", 512).put("height", 512).put("is_animated", false).put("is_video", false)
                    .put("emoji", "👍");
            return queue("message", msg);
        }
    }

    /** The person taps an inline button on a (not deleted) message; returns the callback query id. */
    public String sendCallback(long chatId, int messageId, String data) {
        synchronized (lock) {
            FakeMessage m = message(chatId, messageId).filter(x -> !x.deleted()).orElseThrow(() ->
                    new IllegalStateException("no visible message " + messageId + " in chat " + chatId + " to tap"));
            String id = Long.toString(1_234_567_890_123_000_000L + ++callbackSeq); // shaped like Telegram's
            openCallbackQueries.add(id);
            ObjectNode query = JSON.createObjectNode().put("id", id);
            query.set("from", person(chatId, "en"));
            query.set("message", messageJson(m));
            query.put("chat_instance", "ci" + chatId).put("data", data);
            queue("callback_query", query);
            return id;
        }
    }

    /** Queues an update as given, except that update_id is (re)assigned so ids keep increasing. */
    public long queueRawUpdate(String json) {
        try {
            ObjectNode update = (ObjectNode) JSON.readTree(json);
            synchronized (lock) {
                update.put("update_id", nextUpdateId++);
                updates.add(update);
                lock.notifyAll();
                return update.get("update_id").asLong();
            }
        } catch (IOException | ClassCastException e) {
            throw new IllegalArgumentException("not a JSON object: " + json, e);
        }
    }

    /** A message from the person; it takes a message id in the chat like real ones do, and can be deleted. */
    private ObjectNode incoming(long chatId, long userId, String languageCode, String text) {
        FakeMessage m = new FakeMessage(chatId, nextMessageId(chatId), false, Instant.now().getEpochSecond(), text,
                null, null, false, false);
        store(m);
        ObjectNode msg = JSON.createObjectNode().put("message_id", m.messageId());
        msg.set("from", person(userId, languageCode));
        msg.set("chat", chatJson(chatId));
        msg.put("date", m.date());
        if (text != null) {
            msg.put("text", text);
            int end = text.indexOf(' ') < 0 ? text.length() : text.indexOf(' ');
            if (text.startsWith("/") && end > 1) { // Telegram marks "/start" (or "/start@bot") as a bot_command
                msg.putArray("entities").addObject().put("offset", 0).put("length", end).put("type", "bot_command");
            }
        }
        return msg;
    }

    private long queue(String kind, ObjectNode payload) {
        ObjectNode update = JSON.createObjectNode().put("update_id", nextUpdateId++);
        update.set(kind, payload);
        updates.add(update);
        lock.notifyAll();
        return update.get("update_id").asLong();
    }

    private int nextMessageId(long chatId) {
        TreeMap<Integer, FakeMessage> chat = chats.get(chatId);
        return chat == null || chat.isEmpty() ? 1 : chat.lastKey() + 1;
    }

    private void store(FakeMessage m) {
        chats.computeIfAbsent(m.chatId(), k -> new TreeMap<>()).put(m.messageId(), m);
    }

    // ---------------------------------------------------------------- inspection

    public List<Call> calls() { synchronized (lock) { return List.copyOf(calls); } }

    public List<Call> calls(String method) {
        return calls().stream().filter(c -> c.method().equalsIgnoreCase(method)).toList();
    }

    /** Requests that were answered with an injected fault instead of reaching their method. */
    public List<Call> faults() { synchronized (lock) { return List.copyOf(faults); } }

    /** Any message, the person's and deleted ones included. */
    public Optional<FakeMessage> message(long chatId, int messageId) {
        synchronized (lock) { return Optional.ofNullable(chats.getOrDefault(chatId, new TreeMap<>()).get(messageId)); }
    }

    /** The bot's messages the chat still shows, oldest first. */
    public List<FakeMessage> messages(long chatId) {
        synchronized (lock) {
            return chats.getOrDefault(chatId, new TreeMap<>()).values().stream()
                    .filter(m -> m.fromBot() && !m.deleted()).toList();
        }
    }

    public FakeMessage lastMessage(long chatId) {
        List<FakeMessage> shown = messages(chatId);
        if (shown.isEmpty()) throw new AssertionError("the bot has no visible message in chat " + chatId);
        return shown.get(shown.size() - 1);
    }

    /** callback_data of every inline button of the message, row by row. */
    public List<String> buttonsData(long chatId, int messageId) {
        FakeMessage m = message(chatId, messageId).orElseThrow(() ->
                new AssertionError("no message " + messageId + " in chat " + chatId));
        List<String> data = new ArrayList<>();
        if (m.replyMarkup() == null) return data;
        for (JsonNode row : m.replyMarkup().path("inline_keyboard")) {
            for (JsonNode button : row) if (button.has("callback_data")) data.add(button.get("callback_data").asText());
        }
        return data;
    }

    /** Commands last set by setMyCommands for that language_code ("" for the default list). */
    public Optional<JsonNode> commands(String languageCode) {
        synchronized (lock) { return Optional.ofNullable(commands.get(languageCode)); }
    }

    /**
     * Queues again, with their own ids, every update delivered so far, as Telegram does for updates whose
     * confirmation it never got (a bot that stopped before polling with a higher offset); returns how many.
     */
    public int redeliverAll() {
        synchronized (lock) {
            var queued = new java.util.HashSet<Integer>();
            updates.forEach(u -> queued.add(u.get("update_id").asInt()));
            var again = new ArrayList<ObjectNode>();
            delivered.forEach((id, update) -> {
                if (!queued.contains(id)) again.add(update.deepCopy());
            });
            for (int i = again.size() - 1; i >= 0; i--) updates.addFirst(again.get(i)); // before anything newer
            lock.notifyAll();
            return again.size();
        }
    }

    /** The description last set for that language_code ("" for the default), if any. */
    public Optional<String> description(String languageCode) {
        synchronized (lock) { return Optional.ofNullable(descriptions.get(languageCode)); }
    }

    /** The short description last set for that language_code ("" for the default), if any. */
    public Optional<String> shortDescription(String languageCode) {
        synchronized (lock) { return Optional.ofNullable(shortDescriptions.get(languageCode)); }
    }

    public int lastConfirmedOffset() { synchronized (lock) { return lastConfirmedOffset; } }

    /** The first call so far (earlier ones count: the bot may be quicker than the test) that matches. */
    public Call awaitCall(String method, Predicate<Call> matches, Duration timeout) {
        try {
            return await().atMost(timeout).pollInterval(Duration.ofMillis(5)).pollInSameThread()
                    .until(() -> calls(method).stream().filter(matches).findFirst(), Optional::isPresent).orElseThrow();
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("no matching " + method + " call within " + timeout + "; " + method
                    + " calls: " + calls(method).stream().map(Call::body).toList(), e);
        }
    }

    // ---------------------------------------------------------------- fault injection

    /**
     * The next call of {@code method} fails with that HTTP status. A null description picks the API's usual one
     * ("Too Many Requests: retry after N" for 429); a description starting with '<' (see {@link #NGINX_502})
     * is sent verbatim as HTML. retryAfter, if not null, goes into "parameters". Calls stack up in order.
     */
    public void failNext(String method, int httpStatus, String description, Integer retryAfter) {
        String text = description != null ? description : switch (httpStatus) {
            case 429 -> "Too Many Requests: retry after " + (retryAfter == null ? 1 : retryAfter);
            case 502 -> "Bad Gateway";
            case 500 -> "Internal Server Error";
            default -> "Error " + httpStatus;
        };
        synchronized (lock) {
            scriptedFaults.computeIfAbsent(method.toLowerCase(Locale.ROOT), k -> new ArrayDeque<>())
                    .add(new Fault(httpStatus, text, retryAfter));
        }
    }

    /**
     * The next call of {@code method} goes through, before the faults queued after this: for a fault
     * that should hit a later call only (e.g. TelegramBots' own deleteWebhook after the bot's).
     */
    public void passNext(String method) {
        synchronized (lock) {
            scriptedFaults.computeIfAbsent(method.toLowerCase(Locale.ROOT), k -> new ArrayDeque<>())
                    .add(new Fault(0, "", null));
        }
    }

    /** Fails that share of all calls, getUpdates included, with 429 (retry_after 1) or an nginx 502. */
    public void setFaultRate(double share, long seed) { setFaultRate(share, seed, false); }

    public void setFaultRate(double share, long seed, boolean spareGetUpdates) {
        synchronized (lock) {
            this.faultShare = share;
            this.faultRandom = new Random(seed); // seeded so a failing run can be replayed
            this.spareGetUpdates = spareGetUpdates;
        }
    }

    /** Delays every answer by d before it is handled (the long-poll wait comes on top). */
    public void setDelay(Duration d) { synchronized (lock) { delay = d; } }

    private Duration currentDelay() { synchronized (lock) { return delay; } }

    /** Decides before any state changes, so a failed call leaves no trace but its entry in faults(). */
    private Fault takeFault(String method, ObjectNode params) {
        synchronized (lock) {
            Deque<Fault> scripted = scriptedFaults.get(method.toLowerCase(Locale.ROOT));
            Fault fault = scripted != null ? scripted.poll() : null;
            if (fault == null && faultShare > 0 && !(spareGetUpdates && method.equals("getUpdates"))
                    && faultRandom.nextDouble() < faultShare) {
                fault = faultRandom.nextBoolean()
                        ? new Fault(429, "Too Many Requests: retry after 1", 1) : new Fault(502, NGINX_502, null);
            }
            if (fault != null && fault.status() == 0) {
                return null; // passNext
            }
            if (fault != null) {
                faults.add(new Call(method, params, Instant.now()));
            }
            return fault;
        }
    }
}
