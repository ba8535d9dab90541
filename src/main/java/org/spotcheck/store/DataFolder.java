package org.spotcheck.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where the database lives, judged before it is opened: a place that is wiped at a restart loses
 * every check in progress and every reminder without a word, so the operator is told.
 */
public final class DataFolder {

    /** File systems that live in memory, or in a container's own layer, and are gone after a restart. */
    private static final List<String> EPHEMERAL_TYPES = List.of("tmpfs", "ramfs", "overlay", "aufs");
    private static final List<String> TEMPORARY_FOLDERS = List.of("/tmp", "/var/tmp", "/dev/shm", "/run");

    private DataFolder() {
    }

    /**
     * Why the database file looks likely to be lost at a restart, if it does.
     *
     * @param environment the process environment (a Heroku-style dyno sets DYNO)
     */
    public static Optional<String> ephemeral(Path database, Map<String, String> environment) {
        Path absolute = database.toAbsolutePath().normalize();
        if (environment.containsKey("DYNO")) {
            return Optional.of("this runs on a Heroku-style dyno (DYNO is set), whose disk is wiped at every restart"
                    + " and at least daily: " + absolute + " will be lost; use a server or a platform with a persistent"
                    + " volume (README, Deploying)");
        }
        for (String folder : TEMPORARY_FOLDERS) {
            if (absolute.startsWith(folder)) {
                return Optional.of(absolute + " is under " + folder + ", which is emptied at a restart; set SPOTCHECK_DB"
                        + " to a persistent place (README, Deploying)");
            }
        }
        return fileSystemType(existing(absolute)).filter(EPHEMERAL_TYPES::contains).map(type -> absolute
                + " is on a " + type + " file system (memory or a container's own layer), lost when the machine or"
                + " container restarts; put SPOTCHECK_DB on a mounted volume (README, Deploying)");
    }

    /** Why the database cannot be written here by this user, if it cannot. */
    public static Optional<String> unwritable(Path database) {
        Path absolute = database.toAbsolutePath().normalize();
        if (Files.exists(absolute)) {
            return Files.isWritable(absolute) && Files.isWritable(absolute.getParent()) ? Optional.empty()
                    : Optional.of(absolute + " or its folder is not writable by user " + System.getProperty("user.name"));
        }
        Path existing = existing(absolute.getParent());
        return Files.isDirectory(existing) && Files.isWritable(existing) ? Optional.empty()
                : Optional.of("cannot create " + absolute + ": " + existing + " is not a writable folder for user "
                        + System.getProperty("user.name"));
    }

    /**
     * When the database belongs to another user (e.g. root, after a command run with sudo), the
     * service's own user may later be unable to write it.
     */
    public static Optional<String> ownedByAnother(Path database) {
        try {
            if (!Files.exists(database)) {
                return Optional.empty();
            }
            String owner = Files.getOwner(database).getName();
            String me = System.getProperty("user.name");
            return owner.equals(me) ? Optional.empty() : Optional.of(database.toAbsolutePath() + " belongs to " + owner
                    + ", not to " + me + ": run SpotCheck's commands as the service's user (README, Deploying)");
        } catch (IOException | UnsupportedOperationException e) {
            return Optional.empty(); // cannot tell
        }
    }

    private static Path existing(Path path) {
        Path at = path;
        while (at != null && !Files.exists(at)) {
            at = at.getParent();
        }
        return at == null ? Path.of("/") : at;
    }

    /** The type of the file system holding the path, from the longest mount point above it. */
    private static Optional<String> fileSystemType(Path path) {
        Path mounts = Path.of("/proc/self/mountinfo");
        if (!Files.isReadable(mounts)) {
            return Optional.empty();
        }
        try {
            Path real = path.toRealPath();
            String best = null;
            int bestLength = -1;
            for (String line : Files.readAllLines(mounts)) {
                // id parent major:minor root mount-point options [optional...] - type source super-options
                String[] fields = line.split(" ");
                int dash = new ArrayList<>(List.of(fields)).indexOf("-");
                if (fields.length < 5 || dash < 0 || dash + 1 >= fields.length) {
                    continue;
                }
                String mountPoint = fields[4].replace("\\040", " ");
                if (real.startsWith(mountPoint) && mountPoint.length() > bestLength) {
                    best = fields[dash + 1];
                    bestLength = mountPoint.length();
                }
            }
            return Optional.ofNullable(best);
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
