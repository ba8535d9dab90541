package org.spotcheck.store;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One serving process per database: the lock beside it, as another process and this one see it. */
class ServingLockTest {

    @TempDir
    Path dir;

    @Test
    void aDatabaseNobodyServesIsNotServedAndAskingCreatesNothing() throws Exception {
        Path database = dir.resolve("spotcheck.db");

        assertThat(ServingLock.servedByAnotherProcess(database)).isFalse();
        try (var left = Files.list(dir)) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void whileHeldASecondLockIsRefusedNamingTheDatabaseAndOnceReleasedItCanBeTakenAgain() {
        Path database = dir.resolve("spotcheck.db");
        try (var held = ServingLock.acquire(database)) {
            assertThatThrownBy(() -> ServingLock.acquire(dir.resolve("./spotcheck.db")))
                    .isInstanceOf(StoreException.class)
                    .satisfies(e -> assertThat(((StoreException) e).input()).isEqualTo(StoreException.Input.DATABASE))
                    .hasMessageContaining("another SpotCheck process is serving this database")
                    .hasMessageContaining(ServingLock.fileFor(database).toString());
            assertThat(ServingLock.servedByAnotherProcess(database)).as("this process's own lock").isFalse();
        }
        try (var again = ServingLock.acquire(database)) {
            assertThat(again).isNotNull();
        }
    }

    @Test
    void theLockFileIsOwnerOnly() throws Exception {
        Path database = dir.resolve("data/spotcheck.db");
        try (var held = ServingLock.acquire(database)) {
            assertThat(Files.getPosixFilePermissions(ServingLock.fileFor(database)))
                    .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        }
    }

    @Test
    void aLockHeldByAnotherProcessIsSeenAndRefusedAndFreedWhenThatProcessDies() throws Exception {
        Path database = dir.resolve("spotcheck.db");
        var other = holdTheLockInAnotherProcess(database);
        try {
            assertThat(ServingLock.servedByAnotherProcess(database)).isTrue();
            assertThatThrownBy(() -> ServingLock.acquire(database)).isInstanceOf(StoreException.class);
        } finally {
            kill(other);
        }
        assertThat(ServingLock.servedByAnotherProcess(database)).as("after the other process was killed").isFalse();
        try (var mine = ServingLock.acquire(database)) {
            assertThat(mine).isNotNull();
        }
    }

    /** The upgrade a README reader might try: the new jar's --check (or --stats) while the old bot still serves. */
    @Test
    void aDatabaseAnotherProcessServesIsNotMigratedUnderIt() throws Exception {
        Path database = dir.resolve("spotcheck.db");
        PreviousRelease.RELEASE_2.create(database).close();
        var other = holdTheLockInAnotherProcess(database);
        try {
            assertThatThrownBy(() -> Database.open(database))
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("a bot is serving it")
                    .hasMessageContaining("Stop the bot first");
        } finally {
            kill(other);
        }
        try (var db = Database.open(database)) {
            assertThat(db.version()).as("migrated once nobody serves it").isEqualTo(Database.SCHEMA);
        }
    }

    @Test
    void aDatabaseAnotherProcessServesOpensBesideItWhenNothingIsLeftToMigrate() throws Exception {
        Path database = dir.resolve("spotcheck.db");
        Database.open(database).close();
        var other = holdTheLockInAnotherProcess(database);
        try (var db = Database.open(database)) {
            assertThat(db.version()).isEqualTo(Database.SCHEMA);
        } finally {
            kill(other);
        }
    }

    private static Process holdTheLockInAnotherProcess(Path database) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var other = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), HoldsTheLock.class.getName(),
                database.toString()).redirectErrorStream(true).start();
        var said = new BufferedReader(new InputStreamReader(other.getInputStream(), UTF_8)).readLine();
        assertThat(said).as("the other process").isEqualTo("holding");
        return other;
    }

    private static void kill(Process other) throws InterruptedException {
        other.destroyForcibly(); // SIGKILL: nothing of the other process runs to release it
        assertThat(other.waitFor(10, TimeUnit.SECONDS)).isTrue();
    }

    /** Another process: takes the lock, says so, and holds it until it is killed. */
    public static final class HoldsTheLock {
        public static void main(String[] args) throws Exception {
            var lock = ServingLock.acquire(Path.of(args[0]));
            System.out.println("holding");
            System.out.flush();
            Thread.sleep(Long.MAX_VALUE);
            lock.close();
        }
    }
}
