package org.spotcheck.log;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;

import org.spotcheck.telegram.Redactor;

import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.encoder.EncoderBase;

/**
 * Formats a line as text (the pattern) or as a JSON object (SPOTCHECK_LOG_FORMAT=json), then removes
 * the bot token from the finished line: the message, the exception and its causes and stack,
 * whatever a library put in them (OkHttp and TelegramBots put Bot API URLs, which hold the token,
 * in some messages).
 */
public final class RedactingEncoder extends EncoderBase<ILoggingEvent> {

    private static final Set<Redactor> REDACTORS = new CopyOnWriteArraySet<>();

    private Encoder<ILoggingEvent> encoder;
    private String format = "text";
    private String pattern;

    /** From now on, every line logged has this token replaced by "<token>". */
    public static void hide(Redactor redactor) {
        REDACTORS.add(redactor);
    }

    /** text or json (SPOTCHECK_LOG_FORMAT); an operator's own logback.xml may set it too. */
    public void setFormat(String format) {
        this.format = format;
    }

    /** The layout of a text line. */
    public void setPattern(String pattern) {
        this.pattern = pattern;
    }

    @Override
    public void start() {
        encoder = "json".equals(format) ? json() : text();
        encoder.setContext(getContext());
        encoder.start();
        super.start();
    }

    private Encoder<ILoggingEvent> text() {
        var text = new PatternLayoutEncoder();
        text.setPattern(pattern);
        return text;
    }

    /** One object per line: time, level, thread, logger, the message as written, and any exception. */
    private static Encoder<ILoggingEvent> json() {
        var json = new JsonEncoder();
        json.setWithSequenceNumber(false);
        json.setWithNanoseconds(false);
        json.setWithContext(false);
        json.setWithArguments(false);
        json.setWithMessage(false);
        json.setWithFormattedMessage(true);
        json.setWithMDC(true); // the warm-up's mark (Logs.REHEARSAL), the only key SpotCheck puts there
        return json;
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
