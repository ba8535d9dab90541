package org.spotcheck.store;

/**
 * The data cannot be used as configured: a secret that did not write the database, a secret file
 * that cannot be read or made, a database newer than this release or served by another process.
 * Like a bad setting it stops the program with one line and exit status 2, changing nothing. The
 * store does not know the settings' names: it says which of its inputs is at fault, and the program
 * names the setting that gives it.
 */
public final class StoreException extends RuntimeException {

    /** The store's input at fault. */
    public enum Input {
        DATABASE("the database"),
        PASSPHRASE("the passphrase"),
        SECRET_FILE("the secret file");

        private final String words;

        Input(String words) {
            this.words = words;
        }
    }

    private final Input input;
    private final String detail;

    /** @param detail what is wrong, written to follow the input's name, e.g. ": … cannot be read" */
    public StoreException(Input input, String detail) {
        super(input.words + detail, null, false, false);
        this.input = input;
        this.detail = detail;
    }

    public Input input() {
        return input;
    }

    /** The message without the input's name, for a caller that names the setting instead. */
    public String detail() {
        return detail;
    }
}
