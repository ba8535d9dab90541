package org.spotcheck.e2e;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A one-shot command of the packaged jar (--check, --stats), run as an operator types it. */
final class JarCommand {

    /** What a run printed, and how it ended. */
    record Run(int status, String out, String err) {
    }

    private JarCommand() {
    }

    static Run run(Path jar, Map<String, String> env, Path workDir, String... options) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var command = new ArrayList<>(List.of(java, "-jar", jar.toString()));
        command.addAll(List.of(options));
        var builder = new ProcessBuilder(command);
        // Nothing from the test's own environment may change how the command runs.
        builder.environment().keySet().removeIf(k -> k.startsWith("SPOTCHECK_") || k.startsWith("TELEGRAM_") || k.equals("DYNO"));
        // As for a bot the tests start (BotProcess): the secret stays in the test's folder unless named.
        builder.environment().put("SPOTCHECK_SECRET_FILE", workDir.resolve("secret").toString());
        builder.environment().putAll(env);
        builder.directory(workDir.toFile());
        Path out = Files.createTempFile(workDir, "command", ".out");
        Path err = Files.createTempFile(workDir, "command", ".err");
        builder.redirectOutput(out.toFile()).redirectError(err.toFile());
        var process = builder.start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("%s finished within a minute", List.of(options)).isTrue();
        var run = new Run(process.exitValue(), Files.readString(out, UTF_8), Files.readString(err, UTF_8));
        Files.delete(out);
        Files.delete(err);
        return run;
    }
}
