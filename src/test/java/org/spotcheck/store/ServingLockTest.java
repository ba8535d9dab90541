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

        assertThat(ServingLock.isServing(database)).isFalse();
        try (var left = Files.list(dir)) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void whileHeldTheDatabaseIsServedAndASecondLockIsRefusedNamingTheDatabase() {
        Path database = dir.resolve("spotcheck.db");
        try (var held = ServingLock.acquire(database)) {
            assertThat(ServingLock.isServing(database)).isTrue();
            assertThatThrownBy(() -> ServingLock.acquire(dir.resolve("./spotcheck.db")))
                    .isInstanceOf(StoreException.class)
                    .satisfies(e -> assertThat(((StoreException) e).input()).isEqualTo(StoreException.Input.DATABASE))
                    .hasMessageContaining("another SpotCheck process is serving this database")
                    .hasMessageContaining(ServingLock.fileFor(database).toString());
            assertThat(ServingLock.isServing(database)).as("still held after a refused attempt").isTrue();
        }
        assertThat(ServingLock.isServing(database)).as("after release").isFalse();
        try (var again = ServingLock.acquire(database)) {
            assertThat(ServingLock.isServing(database)).isTrue();
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
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var other = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), HoldsTheLock.class.getName(),
                database.toString()).redirectErrorStream(true).start();
        try {
            var said = new BufferedReader(new InputStreamReader(other.getInputStream(), UTF_8)).readLine();
            assertThat(said).as("the other process").isEqualTo("holding");

            assertThat(ServingLock.isServing(database)).isTrue();
            assertThatThrownBy(() -> ServingLock.acquire(database)).isInstanceOf(StoreException.class);
        } finally {
            other.destroyForcibly(); // SIGKILL: nothing of the other process runs to release it
            assertThat(other.waitFor(10, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(ServingLock.isServing(database)).as("after the other process was killed").isFalse();
        try (var mine = ServingLock.acquire(database)) {
            assertThat(ServingLock.isServing(database)).isTrue();
        }
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
