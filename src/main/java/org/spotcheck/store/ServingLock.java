package org.spotcheck.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.spotcheck.config.SettingsException;
import org.spotcheck.config.SettingsLoader;

/**
 * Who has a database to themselves: a bot serving it, or a secret rotation moving it. An exclusive
 * lock (fcntl/LockFileEx through {@link FileChannel#tryLock}) on an empty file beside the database,
 * {@code <database>.lock}, held until {@link #close} or the end of the process, whatever ends it (the
 * system drops the lock of a killed process). A second holder is refused at once with a settings error,
 * exit status 2: nothing may write rows under the old secret while a rotation moves them, and a
 * rotation must not run under a bot that keeps writing. The file itself is never deleted: deleting a
 * locked file would let a second process lock a new one of the same name.
 */
public final class ServingLock implements AutoCloseable {

    private final FileChannel channel;
    private final FileLock lock;

    private ServingLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** The lock file of a database: data/spotcheck.db → data/spotcheck.db.lock. */
    public static Path fileFor(Path database) {
        return database.resolveSibling(database.getFileName() + ".lock");
    }

    /**
     * Takes the database for this process, or refuses.
     *
     * @param what what this process is about to do, for the refusal's line (e.g. "--rotate-secret")
     */
    public static ServingLock take(Path database, String what) {
        Path file = fileFor(database);
        OwnerOnly.createFile(file);
        FileChannel channel = null;
        try {
            channel = FileChannel.open(file, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null; // this very process holds it already (a bot started in the same JVM)
            }
            if (lock == null) {
                channel.close();
                throw new SettingsException(SettingsLoader.DATABASE + ": " + database + " is held by a SpotCheck process"
                        + " serving it (" + file.getFileName() + " is locked); stop it before " + what);
            }
            return new ServingLock(channel, lock);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new SettingsException(SettingsLoader.DATABASE + ": cannot lock " + file + " (" + e.getMessage() + ")");
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException e) {
            // The channel's close below releases it as well.
        }
        closeQuietly(channel);
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                // Nothing left to release: a closed channel holds no lock.
            }
        }
    }
}
