package org.spotcheck.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** A folder of a test's own under the system's temp folder, deleted with all it holds when closed. */
record ScratchFolder(Path path) implements AutoCloseable {

    static ScratchFolder create() throws IOException {
        return new ScratchFolder(Files.createTempDirectory("spotcheck-test"));
    }

    @Override
    public void close() throws IOException {
        try (Stream<Path> all = Files.walk(path)) {
            all.sorted(Comparator.reverseOrder()).forEach(file -> { // what a folder holds before the folder
                try {
                    Files.delete(file);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
