package org.spotcheck.e2e;

/** Stopping what a test started, in the order given: what runs on something before that something. */
final class InTurn {

    private InTurn() {
    }

    /**
     * Closes each part in turn (null: it never started), every one even when one before it fails, so
     * a failed stop leaves nothing running; the first failure is thrown, any later ones added to it.
     */
    static void close(AutoCloseable... parts) throws Exception {
        Throwable first = null;
        for (AutoCloseable part : parts) {
            if (part == null) {
                continue;
            }
            try {
                part.close();
            } catch (Exception | Error e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first instanceof Error error) {
            throw error;
        }
        if (first != null) {
            throw (Exception) first;
        }
    }
}
