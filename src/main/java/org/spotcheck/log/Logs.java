package org.spotcheck.log;


import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;
import org.spotcheck.config.SettingsLoader;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;

/**
 * The logging settings an operator has (LogSetup reads them) and what the program
 * tells Logback at run time: which token to hide, and to keep the console demo's screen clear.
 */
public final class Logs {

    /** text (one readable line per event) or json (one JSON object per line, for log collectors). */
    public static final String FORMAT = SettingsLoader.LOG_FORMAT;
    /** How much SpotCheck itself says: info by default; debug names every update handled. */
    public static final String LEVEL = SettingsLoader.LOG_LEVEL;
    /**
     * The mark (an MDC key, and its value) on everything the warm-up before the first poll logs: its
     * made-up turns are not logged below INFO, and its other lines show "[rehearsal]".
     */
    public static final String REHEARSAL = "rehearsal";

    private Logs() {
    }

    /**
     * The log settings as the settings give them, the config file included: Logback starts before
     * the settings are read, from the environment alone. A system property of the same name still
     * wins (tests, a one-off run). quiet: the program's screen is for its own output (see {@link #quiet()}).
     */
    public static void apply(String format, String level, boolean quiet) {
        LogSetup.reconfigure((LoggerContext) LoggerFactory.getILoggerFactory(),
                System.getProperty(FORMAT, format), System.getProperty(LEVEL, level));
        if (quiet) {
            quiet();
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
