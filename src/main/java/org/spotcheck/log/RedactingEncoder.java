package org.spotcheck.log;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;


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
 *
 * <p>Every line's time is cut to the hour before it is formatted, at every level and in both forms:
 * the data keeps times to the hour, and a line timed to the millisecond beside a chat's tag would
 * time that person's every tap.
 */
public final class RedactingEncoder extends EncoderBase<ILoggingEvent> {

    private static final Set<Redactor> REDACTORS = new CopyOnWriteArraySet<>();

    private Encoder<ILoggingEvent> encoder;
    private String format = "text";
    private String pattern;

    /** Public, as the class is: Logback builds it by name from an operator's logback.xml. */
    public RedactingEncoder() {
    }

    /** From now on, every line logged has this token replaced by "<token>". */
    public static void hide(Redactor redactor) {
        REDACTORS.add(redactor);
    }

    /** text or json (SPOTCHECK_LOG_FORMAT); an operator's own logback.xml may set it too. */
    public void setFormat(String format) {
        this.format = format;
    }

    String format() {
        return format;
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
        return rewritten(encoder.headerBytes(), RedactingEncoder::redact);
    }

    @Override
    public byte[] encode(ILoggingEvent event) {
        return rewritten(encoder.encode(new EventToTheHour(event)), line -> oneLine(redact(line)));
    }

    /** A line break inside an event (a stack trace, a library's message), where lines folded into one are read. */
    static final String FOLD = " | ";
    private static final Pattern BREAK = Pattern.compile("\\R\\s*");

    /**
     * Every event is one line, as a journal or a log collector counts events: a stack trace's lines
     * (and any line break in a message) are joined with {@link #FOLD}. JSON escapes its own breaks.
     */
    private static String oneLine(String text) {
        String line = text.stripTrailing();
        if (line.indexOf('\n') < 0 && line.indexOf('\r') < 0) {
            return text;
        }
        return BREAK.matcher(line).replaceAll(FOLD) + System.lineSeparator();
    }

    @Override
    public byte[] footerBytes() {
        return rewritten(encoder.footerBytes(), RedactingEncoder::redact);
    }

    private static String redact(String text) {
        for (Redactor redactor : REDACTORS) {
            text = redactor.redact(text);
        }
        return text;
    }

    /**
     * The encoded bytes read once as text and changed; the same bytes when nothing changed (most lines
     * hold no token and no line break), saving their encoding anew.
     */
    private static byte[] rewritten(byte[] encoded, UnaryOperator<String> change) {
        if (encoded == null || encoded.length == 0) {
            return encoded;
        }
        String text = new String(encoded, StandardCharsets.UTF_8);
        String changed = change.apply(text);
        return changed == text ? encoded : changed.getBytes(StandardCharsets.UTF_8);
    }
}
