package org.spotcheck.log;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;

import org.spotcheck.telegram.Redactor;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.encoder.EncoderBase;

/**
 * Wraps the encoder that formats a line (text or JSON) and removes the bot token from the finished
 * line: the message, the exception and its causes and stack, whatever a library put in them
 * (OkHttp and TelegramBots put Bot API URLs, which hold the token, in some messages).
 */
public final class RedactingEncoder extends EncoderBase<ILoggingEvent> {

    private static final Set<Redactor> REDACTORS = new CopyOnWriteArraySet<>();

    private Encoder<ILoggingEvent> encoder;

    /** From now on, every line logged has this token replaced by "<token>". */
    public static void hide(Redactor redactor) {
        REDACTORS.add(redactor);
    }

    /** Set by logback.xml: the encoder that formats the line. */
    public void setEncoder(Encoder<ILoggingEvent> encoder) {
        this.encoder = encoder;
    }

    @Override
    public void start() {
        if (encoder == null) {
            addError("RedactingEncoder needs an <encoder> to wrap");
            return;
        }
        encoder.start();
        super.start();
    }

    @Override
    public void stop() {
        encoder.stop();
        super.stop();
    }

    @Override
    public byte[] headerBytes() {
        return redact(encoder.headerBytes());
    }

    @Override
    public byte[] encode(ILoggingEvent event) {
        return redact(encoder.encode(event));
    }

    @Override
    public byte[] footerBytes() {
        return redact(encoder.footerBytes());
    }

    static byte[] redact(byte[] line) {
        if (line == null || line.length == 0 || REDACTORS.isEmpty()) {
            return line;
        }
        String text = new String(line, StandardCharsets.UTF_8);
        for (Redactor redactor : REDACTORS) {
            text = redactor.redact(text);
        }
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
