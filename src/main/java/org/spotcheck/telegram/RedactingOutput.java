package org.spotcheck.telegram;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Keeps the token out of everything the process prints, including stack traces from libraries
 * (OkHttp and TelegramBots put URLs in some messages, and every Bot API URL holds the token).
 * Output is redacted a line at a time, so a token is never split across two writes.
 */
final class RedactingOutput extends OutputStream {

    private final OutputStream target;
    private final Redactor redactor;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream(256);

    private RedactingOutput(OutputStream target, Redactor redactor) {
        this.target = target;
        this.redactor = redactor;
    }

    private static final java.util.Set<Redactor> INSTALLED = new java.util.HashSet<>();

    /** Wraps System.out and System.err (the logger writes to System.err), once per token. */
    static synchronized void install(Redactor redactor) {
        if (INSTALLED.add(redactor)) {
            System.setErr(wrap(System.err, redactor));
            System.setOut(wrap(System.out, redactor));
        }
    }

    static PrintStream wrap(PrintStream stream, Redactor redactor) {
        return new PrintStream(new RedactingOutput(stream, redactor), true, StandardCharsets.UTF_8);
    }

    @Override
    public synchronized void write(int b) {
        line.write(b);
        if (b == '\n') {
            emit();
        }
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            write(bytes[i]);
        }
    }

    @Override
    public synchronized void flush() {
        // A line is written when it is complete; flushing half a line could split a token.
        try {
            target.flush();
        } catch (java.io.IOException e) {
            // nowhere left to report it
        }
    }

    private void emit() {
        byte[] redacted = redactor.redact(line.toString(StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
        line.reset();
        try {
            target.write(redacted);
            target.flush();
        } catch (java.io.IOException e) {
            // nowhere left to report it
        }
    }
}
