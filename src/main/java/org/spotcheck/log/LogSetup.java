package org.spotcheck.log;

import org.slf4j.Logger;
import org.slf4j.MDC;
import org.slf4j.Marker;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;
import ch.qos.logback.core.spi.FilterReply;

/**
 * Logback's configuration, in code: reading a logback.xml costs a restart up to a second on a busy
 * small machine. One appender on standard error whose encoder removes the token; SpotCheck at INFO
 * (SPOTCHECK_LOG_LEVEL), libraries at WARN; text or JSON lines (SPOTCHECK_LOG_FORMAT). An operator's
 * own file given with -Dlogback.configurationFile is used instead, and the settings leave it alone; it
 * keeps the token out and the times to the hour only if it names {@link RedactingEncoder} as its
 * encoder. Found by Logback through META-INF/services.
 */
public final class LogSetup extends ContextAwareBase implements Configurator {

    /**
     * The hour only: RedactingEncoder cuts every line's time to the hour (docs/privacy.md, "The log").
     * A line of the warm-up's rehearsal starts its message with "[rehearsal] " (see {@link Logs#REHEARSAL}).
     */
    static final String PATTERN = "%d{yyyy-MM-dd'T'HH:mmXXX, UTC} [%thread] %-5level %logger - "
            + "%replace(%X{" + Logs.REHEARSAL + "}){'.+', '[$0] '}%msg%n";

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (operatorsOwn()) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        var appender = new ConsoleAppender<ILoggingEvent>();
        appender.setContext(context);
        appender.setName(APPENDER);
        appender.setTarget("System.err");
        appender.setEncoder(encoder(context, setting(Logs.FORMAT, "text")));
        appender.start();
        var root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.WARN);
        root.addAppender(appender);
        spotcheckAt(context, setting(Logs.LEVEL, "info"));
        context.addTurboFilter(new QuietWarmUp());
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    private static final String APPENDER = "stderr";

    private static boolean operatorsOwn() {
        return System.getProperty("logback.configurationFile") != null;
    }

    private static RedactingEncoder encoder(LoggerContext context, String format) {
        var encoder = new RedactingEncoder();
        encoder.setContext(context);
        encoder.setFormat(format);
        encoder.setPattern(PATTERN);
        encoder.start();
        return encoder;
    }

    /**
     * Once the settings are read: the format and level they give, the config file's included (Logback
     * starts from the environment alone, before that file is read). The appender is rebuilt only for
     * another format.
     */
    static void reconfigure(LoggerContext context, String format, String level) {
        if (operatorsOwn()) {
            return;
        }
        var root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        if (root.getAppender(APPENDER) instanceof ConsoleAppender<ILoggingEvent> appender
                && appender.getEncoder() instanceof RedactingEncoder current && !current.format().equals(format)) {
            appender.stop();
            appender.setEncoder(encoder(context, format));
            appender.start();
            current.stop();
        }
        spotcheckAt(context, level);
    }

    /** An unknown name reads as INFO; Logback leaves the logger as it is when the level is the same. */
    private static void spotcheckAt(LoggerContext context, String level) {
        context.getLogger("org.spotcheck").setLevel(Level.toLevel(level, Level.INFO));
    }

    /**
     * The warm-up before the first poll walks hundreds of made-up turns (see ColdStart); their debug
     * lines would bury the start-up's and read like real people's updates, so they are left out. The
     * warm-up marks what it logs ({@link Logs#REHEARSAL}), on whichever thread.
     */
    static final class QuietWarmUp extends TurboFilter {
        @Override
        public FilterReply decide(Marker marker, ch.qos.logback.classic.Logger logger, Level level, String format, Object[] params, Throwable t) {
            return level.isGreaterOrEqual(Level.INFO) || MDC.get(Logs.REHEARSAL) == null
                    ? FilterReply.NEUTRAL : FilterReply.DENY;
        }
    }

    /** A system property of that name (for tests and a one-off run), else the environment, else the default. */
    private static String setting(String name, String fallback) {
        String value = System.getProperty(name, System.getenv(name));
        return value == null || value.isBlank() ? fallback : value;
    }
}
