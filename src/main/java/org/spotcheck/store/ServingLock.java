package org.spotcheck.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One serving process per database. A process that serves holds an exclusive lock on a file beside
 * the database ({@code spotcheck.db} → {@code spotcheck.db.lock}) for as long as it serves; another
 * process that tries to serve the same database is refused before it touches a row. Two bots on one
 * database would each resume the other's claimed reminders and poll against each other.
 *
 * <p>The lock is the operating system's file lock (FileChannel: fcntl on Linux and macOS), so it is
 * released when the process ends in any way, SIGKILL included: a crash never leaves a stale lock,
 * and the file itself (empty, owner-only) is left in place. It holds between processes on one
 * machine on every local file system, and between machines only where the file system passes locks
 * on: NFS with its lock service (NFSv4, or v3 with lockd). It does NOT hold on NFS mounted with
 * {@code nolock} or {@code local_lock}, SMB/CIFS mounted with {@code nobrl}, sshfs and other FUSE
 * file systems without lock support, or volumes shared by containers on different hosts through a
 * driver that does not forward locks.
 *
 * <p>Readers (--check, --stats, --backup) take no lock and work beside a serving bot, but never migrate
 * the database under it ({@link Database#open}). A command that must not run while a bot serves takes
 * the lock itself with {@link #acquire(Path)} for as long as it works, so that no bot can start
 * meanwhile either.
 */
public final class ServingLock implements AutoCloseable {

    /** The lock files this process holds: a second FileChannel on one of them would release the lock when closed. */
    private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;

    private ServingLock(Path file, FileChannel channel, FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    /** The lock file of a database: beside it, its name with .lock added. */
    public static Path fileFor(Path database) {
        Path absolute = database.toAbsolutePath().normalize();
        return absolute.resolveSibling(absolute.getFileName() + ".lock");
    }

    /**
     * Takes the lock for this database, creating the lock file owner-only if needed. Throws a
     * {@link StoreException} (the database) when another process, or this one, holds it already.
     */
    public static ServingLock acquire(Path database) {
        Path file = fileFor(database);
        try {
            OwnerOnly.createFile(file);
        } catch (java.io.UncheckedIOException e) {
            throw new StoreException(StoreException.Input.DATABASE, ": cannot create " + file + " beside the database ("
                    + e.getCause().getMessage() + "); its folder must be writable by this user");
        }
        Path key = real(file);
        if (!HELD.add(key)) {
            throw busy(file);
        }
        FileChannel channel = null;
        try {
            channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                throw busy(file);
            }
            return new ServingLock(key, channel, lock);
        } catch (IOException | OverlappingFileLockException e) {
            closeQuietly(channel);
            HELD.remove(key);
            throw new StoreException(StoreException.Input.DATABASE, ": cannot lock " + file + " (" + e.getMessage()
                    + "); this file system does not support file locks, which keep a second bot off the database"
                    + " (README, One bot per database)");
        } catch (StoreException e) {
            closeQuietly(channel);
            HELD.remove(key);
            throw e;
        }
    }

    /**
     * Is another process serving this database right now? True while a process other than this one,
     * on this machine (or, where the file system passes locks on, on another), holds its lock.
     * Creates and changes nothing; a database that was never served has no lock file.
     */
    static boolean servedByAnotherProcess(Path database) {
        Path file = fileFor(database);
        if (!Files.exists(file) || HELD.contains(real(file))) {
            return false;
        }
        try (var channel = FileChannel.open(file, StandardOpenOption.READ)) {
            FileLock probe = channel.tryLock(0, Long.MAX_VALUE, true); // shared: refused while anyone serves
            if (probe == null) {
                return true;
            }
            probe.release();
            return false;
        } catch (IOException e) {
            return false; // no locks here: nothing can be told, and nothing could have been locked either
        }
    }

    private static StoreException busy(Path file) {
        return new StoreException(StoreException.Input.DATABASE, ": another SpotCheck process is serving this"
                + " database (it holds " + file + "); one bot per database. Stop it first, or give this one its own"
                + " database (README, One bot per database)");
    }

    private static Path real(Path file) {
        try {
            return file.toRealPath();
        } catch (IOException e) {
            return file.toAbsolutePath().normalize();
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                // the lock goes with the channel either way
            }
        }
    }

    /** Releases the lock; the file stays, empty, for the next start. */
    @Override
    public void close() {
        try {
            if (lock.isValid()) {
                lock.release();
            }
        } catch (IOException e) {
            // closing the channel below releases it anyway
        }
        closeQuietly(channel);
        HELD.remove(file);
    }
}
