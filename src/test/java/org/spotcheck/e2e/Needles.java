package org.spotcheck.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** The forensics tests' search: which of these byte strings stand anywhere in these files, as SQLite wrote them. */
final class Needles {

    private Needles() {
    }

    /** Each needle found, as "what in file-name"; empty when none is in any file. */
    static List<String> foundIn(Collection<Path> files, Map<String, byte[]> needles) throws IOException {
        var hits = new ArrayList<String>();
        for (Path file : files) {
            byte[] bytes = Files.readAllBytes(file);
            needles.forEach((what, needle) -> {
                if (indexOf(bytes, needle) >= 0) {
                    hits.add(what + " in " + file.getFileName());
                }
            });
        }
        return hits;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
