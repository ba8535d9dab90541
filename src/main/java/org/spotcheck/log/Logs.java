package org.spotcheck.log;

import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;
import org.spotcheck.config.SettingsException;
import org.spotcheck.telegram.Redactor;

import ch.qos.logback.classic.Level;

/**
 * The logging settings an operator has (LogSetup reads them) and what the program
 * tells Logback at run time: which token to hide, and to keep the console demo's screen clear.
 */
public final class Logs {

    /** text (one readable line per event) or json (one JSON object per line, for log collectors). */
    public static final String FORMAT = "SPOTCHECK_LOG_FORMAT";
    /** How much SpotCheck itself says: info by default; debug names every update handled. */
    public static final String LEVEL = "SPOTCHECK_LOG_LEVEL";
    /**
     * The mark (an MDC key, and its value) on everything the warm-up before the first poll logs: its
     * made-up turns are not logged below INFO, and its other lines show "[rehearsal]".
     */
    public static final String REHEARSAL = "rehearsal";

    private static final Set<String> FORMATS = Set.of("text", "json");
    private static final Set<String> LEVELS = Set.of("error", "warn", "info", "debug");

    private Logs() {
    }

    /**
     * Logback reads these two from the environment when it starts, and would quietly fall back on a
     * value it does not know (or log nothing at all): so a wrong one stops the program like any setting.
     */
    public static void checkSettings(Map<String, String> environment) {
        check(environment, FORMAT, FORMATS);
        check(environment, LEVEL, LEVELS);
    }

    private static void check(Map<String, String> environment, String name, Set<String> allowed) {
        String value = environment.get(name);
        if (value != null && !allowed.contains(value)) {
            throw new SettingsException(name + " must be one of " + String.join(", ", allowed.stream().sorted().toList()));
        }
    }

    /**
     * Hides the token in every line from now on, and sends what would bypass Logback through it: lines
     * of java.util.logging (OkHttp's) and errors that end a thread (their stack could hold a Bot API URL).
     */
    public static synchronized void hide(Redactor redactor) {
        RedactingEncoder.hide(redactor);
        if (!SLF4JBridgeHandler.isInstalled()) {
            SLF4JBridgeHandler.removeHandlersForRootLogger();
            SLF4JBridgeHandler.install();
            Logger uncaught = LoggerFactory.getLogger("uncaught");
            Thread.setDefaultUncaughtExceptionHandler((thread, error) ->
                    uncaught.error("thread {} stopped", thread.getName(), error));
        }
    }

    /** The console demo's screen is for the conversation: only warnings and errors go to the log. */
    public static void quiet() {
        var spotcheck = (ch.qos.logback.classic.Logger) LoggerFactory.getLogger("org.spotcheck");
        spotcheck.setLevel(Level.WARN);
    }
}
