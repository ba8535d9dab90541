package org.spotcheck.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the database would be lost at a restart, or cannot be written, the operator is told why. */
class DataFolderTest {

    @TempDir
    Path dir;

    @Test
    void aHerokuStyleDynoIsNamedAsEphemeralWhateverThePath() {
        var why = DataFolder.ephemeral(Path.of("/app/data/spotcheck.db"), Map.of("DYNO", "worker.1"));

        assertThat(why).hasValueSatisfying(w -> assertThat(w).contains("DYNO", "/app/data/spotcheck.db"));
    }

    @Test
    void aDatabaseUnderTmpIsNamedAsEphemeral() {
        var why = DataFolder.ephemeral(Path.of("/tmp/spotcheck/spotcheck.db"), Map.of());

        assertThat(why).hasValueSatisfying(w -> assertThat(w).contains("/tmp"));
    }

    @Test
    void aDatabaseWhoseFolderWouldHaveToBeMadeInsideAFileCannotBeWritten() throws IOException {
        Path file = Files.writeString(dir.resolve("a-file"), "not a folder\n");

        assertThat(DataFolder.unwritable(file.resolve("data/spotcheck.db"))).isPresent();
        assertThat(DataFolder.unwritable(dir.resolve("data/spotcheck.db"))).isEmpty();
    }
}
