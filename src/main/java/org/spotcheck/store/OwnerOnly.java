package org.spotcheck.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;

/**
 * Files that hold health data or the secret are readable by the bot's own user only (0600), and
 * the folders SpotCheck creates for them are closed to others too (0700): a listing of the data
 * folder, or the -wal and -shm files SQLite creates with looser modes, stay private.
 */
final class OwnerOnly {

    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private OwnerOnly() {
    }

    /** Creates the file (and its folders) owner-only if it does not exist, and tightens it if it does. */
    static void createFile(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                createFolders(parent);
            }
            if (!Files.exists(file)) {
                if (POSIX) {
                    Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                } else {
                    Files.createFile(file);
                }
            }
            tighten(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Takes every permission of group and others off an existing file (someone may have loosened
     * it), and changes nothing when there is none: a read-only file such as a systemd credential
     * (0400 on a read-only mount) stays as it is.
     */
    static void tighten(Path file) throws IOException {
        if (POSIX) {
            var permissions = Files.getPosixFilePermissions(file);
            var ownerOnly = EnumSet.noneOf(PosixFilePermission.class);
            ownerOnly.addAll(permissions);
            ownerOnly.removeIf(p -> !p.name().startsWith("OWNER_"));
            if (!ownerOnly.equals(permissions)) {
                Files.setPosixFilePermissions(file, ownerOnly);
            }
        }
    }

    /** Folders that do not exist yet are created 0700; existing ones are the operator's and left as they are. */
    private static void createFolders(Path folder) throws IOException {
        if (Files.isDirectory(folder)) {
            return;
        }
        Path parent = folder.getParent();
        if (parent != null) {
            createFolders(parent);
        }
        if (POSIX) {
            Files.createDirectory(folder, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } else {
            Files.createDirectory(folder);
        }
    }
}
