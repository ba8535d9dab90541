package org.spotcheck.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the class-data archive the Procfile starts the bot with (AppCDS): at package time the
 * fresh jar serves a small crowd against the benchmark's Bot API stand-in, and the JVM writes
 * every class it loaded, parsed and verified, to {@code target/spotcheck-bot.jsa} when it stops.
 * The deployed bot then maps them instead of reading them from the jar, which is most of the
 * work of its first seconds. The archive fits only this jar; a jar built without it starts as before.
 */
public final class CdsTraining {

    private CdsTraining() {
    }

    public static void main(String[] args) throws Exception {
        var jar = Path.of(args[0]);
        var archive = Path.of(args[1]);
        Files.deleteIfExists(archive);
        var options = Benchmark.Options.parse(new String[] {"--people", "20", "--delay", "0", "--checks", "2", "--runs", "1"});
        var command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        // The Procfile's flags, but for the archive it reads: the one it is writing instead.
        options.botFlags().stream().filter(flag -> !flag.startsWith("-XX:SharedArchiveFile=")).forEach(command::add);
        command.add("-XX:ArchiveClassesAtExit=" + archive);
        command.addAll(List.of("-jar", jar.toString()));
        var figures = Benchmark.run(new Benchmark.Contender("training", command, options.botEnvironment), options);
        if (figures.lost() > 0 || !Files.exists(archive)) {
            throw new IllegalStateException("no class-data archive written to " + archive);
        }
        System.out.printf("class-data archive %s: %d MB%n", archive, Files.size(archive) >> 20);
    }
}
