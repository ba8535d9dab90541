package org.spotcheck.config;

/** A setting is missing or wrong; the message names it and says how to fix it, without its value. */
public final class SettingsException extends RuntimeException {

    public SettingsException(String message) {
        super(message, null, false, false);
    }
}
