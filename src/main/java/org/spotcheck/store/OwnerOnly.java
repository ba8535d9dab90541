package org.spotcheck.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** Files that hold health data or the secret are readable by the bot's own user only (0600). */
final class OwnerOnly {

    private OwnerOnly() {
    }

    /** Creates the file (and its folders) owner-only if it does not exist, and tightens it if it does. */
    static void createFile(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
            var rw = PosixFilePermissions.fromString("rw-------");
            if (!Files.exists(file)) {
                if (posix) {
                    Files.createFile(file, PosixFilePermissions.asFileAttribute(rw));
                } else {
                    Files.createFile(file);
                }
            }
            if (posix) {
                Files.setPosixFilePermissions(file, rw);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + file + ": " + e.getMessage(), e);
        }
    }
}
