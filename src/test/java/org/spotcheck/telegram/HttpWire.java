package org.spotcheck.telegram;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_8;

/**
 * The HTTP/1.1 under {@link FakeBotApi}: a thread per connection reading requests in turn on 127.0.0.1,
 * as lean as the bot's clients allow. The JDK's HttpServer cost several times more CPU per call, and in the
 * benchmark that CPU is taken from the two cores the bot under test runs on. A client sends its next request
 * on a connection only after the answer to the last, so a handler may block (a long poll, a delay) without
 * holding up anyone else.
 */
final class HttpWire implements AutoCloseable {

    /** One request: the path without its query, the raw query (or null), the Content-Type (or ""), the body. */
    record Request(String path, String query, String contentType, byte[] body) {
    }

    /** One answer; written in a single write, so it leaves as one packet. */
    record Response(int status, String contentType, String body) {
    }

    private final ServerSocket server;
    private final Set<Socket> connections = ConcurrentHashMap.newKeySet();
    private final Function<Request, Response> handler;

    private HttpWire(Function<Request, Response> handler) throws IOException {
        this.handler = handler;
        this.server = new ServerSocket(0, 512, InetAddress.getLoopbackAddress());
    }

    static HttpWire serve(Function<Request, Response> handler) {
        try {
            var wire = new HttpWire(handler);
            var count = new AtomicInteger();
            daemon("fake-bot-api-accept", () -> wire.accept(count)).start();
            return wire;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int port() {
        return server.getLocalPort();
    }

    private void accept(AtomicInteger count) {
        while (!server.isClosed()) {
            try {
                var socket = server.accept();
                socket.setTcpNoDelay(true); // else small answers wait ~40 ms for the client's delayed ACKs
                connections.add(socket);
                daemon("fake-bot-api-" + count.incrementAndGet(), () -> converse(socket)).start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    /** Daemon: a forgotten close() must not keep the test JVM alive. */
    private static Thread daemon(String name, Runnable work) {
        var thread = new Thread(work, name);
        thread.setDaemon(true);
        return thread;
    }

    private void converse(Socket socket) {
        try (socket; var in = new BufferedInputStream(socket.getInputStream(), 16_384)) {
            var out = socket.getOutputStream();
            for (Request request = read(in); request != null; request = read(in)) {
                write(out, handler.apply(request));
            }
        } catch (IOException | RuntimeException e) {
            // the client hung up, or the stand-in is closing: the client just sees the connection drop
        } finally {
            connections.remove(socket);
        }
    }

    private static Request read(InputStream in) throws IOException {
        String requestLine = line(in);
        if (requestLine == null) {
            return null;
        }
        int length = 0;
        boolean chunked = false;
        String contentType = "";
        for (String header = line(in); header != null && !header.isEmpty(); header = line(in)) {
            int colon = header.indexOf(':');
            String name = header.substring(0, Math.max(colon, 0)).strip().toLowerCase(Locale.ROOT);
            String value = header.substring(colon + 1).strip();
            switch (name) {
                case "content-length" -> length = Integer.parseInt(value);
                case "content-type" -> contentType = value;
                case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                default -> { }
            }
        }
        URI target = URI.create(requestLine.split(" ")[1]);
        byte[] body = chunked ? chunks(in) : in.readNBytes(length);
        return new Request(target.getPath(), target.getRawQuery(), contentType, body);
    }

    private static byte[] chunks(InputStream in) throws IOException {
        var body = new ByteArrayOutputStream();
        for (int size = Integer.parseInt(line(in).split(";")[0].strip(), 16); size > 0;
                size = Integer.parseInt(line(in).split(";")[0].strip(), 16)) {
            body.write(in.readNBytes(size));
            line(in); // the CRLF after the chunk
        }
        for (String trailer = line(in); trailer != null && !trailer.isEmpty(); trailer = line(in)) {
            // trailers: none that matter
        }
        return body.toByteArray();
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

    private static void write(OutputStream out, Response response) throws IOException {
        byte[] body = response.body().getBytes(UTF_8);
        byte[] head = ("HTTP/1.1 " + response.status() + (response.status() == 200 ? " OK" : " Error")
                + "\r\nContent-Type: " + response.contentType() + "; charset=utf-8\r\nContent-Length: " + body.length
                + "\r\n\r\n").getBytes(US_ASCII);
        byte[] whole = new byte[head.length + body.length];
        System.arraycopy(head, 0, whole, 0, head.length);
        System.arraycopy(body, 0, whole, head.length, body.length);
        out.write(whole);
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
    }
}
