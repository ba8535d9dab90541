package org.spotcheck.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;

import org.awaitility.core.ConditionTimeoutException;
import org.awaitility.core.TerminalFailureException;
import org.spotcheck.telegram.FakeBotApi;

/**
 * The real bot as a child process: the packaged jar, run the way a platform runs it, stopped the
 * way a platform stops it (SIGTERM) or the way a crash stops it (SIGKILL). Output goes to a log
 * file of its own, appended, so the logs of every run can be read afterwards.
 */
final class BotProcess {

    /** An exit by SIGKILL: 128 + 9. */
    static final int KILLED = 137;
    /** An exit by SIGTERM once the JVM's shutdown hooks ran: 128 + 15. */
    static final int TERMINATED = 143;

    private final Process process;
    private final Instant started;
    final Path log;

    private BotProcess(Process process, Instant started, Path log) {
        this.process = process;
        this.started = started;
        this.log = log;
    }

    /** The jar that mvn package built, wherever the test runs from. */
    static Path jar() {
        Path jar = Path.of(System.getProperty("basedir", ".")).resolve("target/spotcheck-bot.jar").toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            jar = Path.of("target/spotcheck-bot.jar").toAbsolutePath();
        }
        assertThat(jar).as("the packaged jar (run mvn package first)").isRegularFile();
        return jar;
    }

    /**
     * A copy of the packaged jar in the given folder: a build running meanwhile (mvn package rewrites
     * target/spotcheck-bot.jar in two steps) cannot change the program under test between restarts.
     */
    static Path snapshotJar(Path folder) throws IOException, InterruptedException {
        Path copy = folder.resolve("spotcheck-bot.jar");
        // A copy caught between the jar plugin's jar and the shaded one is not runnable: copy again a moment later.
        await(jar() + " to be the runnable jar (is a build rewriting it?)").atMost(Duration.ofSeconds(30))
                .pollDelay(Duration.ZERO).pollInterval(Duration.ofSeconds(1)).pollInSameThread()
                .until(() -> {
                    Files.copy(jar(), copy, StandardCopyOption.REPLACE_EXISTING);
                    return runnable(copy);
                });
        return copy;
    }

    private static boolean runnable(Path jar) {
        try (var file = new JarFile(jar.toFile())) {
            var manifest = file.getManifest();
            return manifest != null && "org.spotcheck.Main".equals(manifest.getMainAttributes().getValue("Main-Class"));
        } catch (IOException e) {
            return false; // half written
        }
    }

    /** A new folder under target/ for the logs of a test's runs of the bot, kept after the test for reading. */
    static Path logFolder(String name) throws IOException {
        Path logs = Path.of(System.getProperty("basedir", ".")).resolve("target").resolve(name)
                .resolve(String.valueOf(System.currentTimeMillis())).toAbsolutePath();
        Files.createDirectories(logs);
        return logs;
    }

    static BotProcess start(Path jar, Map<String, String> env, Path workDir, Path log) {
        return launch(List.of("-jar", jar.toString()), env, workDir, log);
    }

    /**
     * The packaged program started through a main class of the tests (with the tests' classes on the
     * class path), for a fault that only the tests can inject, such as a clock that throws.
     */
    static BotProcess startMain(Path jar, String mainClass, Map<String, String> env, Path workDir, Path log) {
        Path testClasses = Path.of(System.getProperty("basedir", ".")).resolve("target/test-classes").toAbsolutePath();
        return launch(List.of("-cp", jar + java.io.File.pathSeparator + testClasses, mainClass), env, workDir, log);
    }

    private static BotProcess launch(List<String> program, Map<String, String> env, Path workDir, Path log) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var command = new java.util.ArrayList<>(List.of(java, "-Xmx128m",
                "-DSPOTCHECK_LOG_LEVEL=debug")); // every update handled is logged: the crash tests count them
        command.addAll(program);
        var builder = new ProcessBuilder(command);
        // Nothing from the test's own environment may change how the bot runs.
        builder.environment().keySet().removeIf(k -> k.startsWith("SPOTCHECK_") || k.startsWith("TELEGRAM_"));
        // The secret stays in the test's folder unless the test names one: never in the home folder.
        builder.environment().put("SPOTCHECK_SECRET_FILE", workDir.resolve("secret").toString());
        builder.environment().putAll(env);
        builder.directory(workDir.toFile());
        builder.redirectErrorStream(true);
        builder.redirectOutput(Redirect.appendTo(log.toFile()));
        builder.redirectInput(Redirect.from(Path.of("/dev/null").toFile()));
        try {
            Instant now = Instant.now();
            return new BotProcess(builder.start(), now, log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits for the process to exit on its own; its exit status, or fails with its log if it does not. */
    int awaitExit(Duration within) throws InterruptedException {
        if (!process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("pid " + pid() + " still running after " + within + "; its log:\n" + tail());
        }
        return process.exitValue();
    }

    /** Every line the process printed so far. */
    List<String> lines() {
        try {
            return Files.readAllLines(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    long pid() {
        return process.pid();
    }

    boolean alive() {
        return process.isAlive();
    }

    /**
     * Waits until this process polls the fake Bot API (it is up and past its start-up work);
     * fails early, with its log, if it dies first. A request the previous, killed process sent just
     * before it died may still be handled after this one started; no JVM gets to polling within
     * half a second, so earlier requests are not counted.
     */
    Duration awaitPolling(FakeBotApi telegram, Duration timeout) {
        Instant notBefore = started.plusMillis(500);
        try {
            await().atMost(timeout).pollInterval(Duration.ofMillis(20)).pollInSameThread()
                    .failFast(() -> !process.isAlive())
                    .until(() -> telegram.calls("getUpdates").stream().anyMatch(c -> c.at().isAfter(notBefore)));
            return Duration.between(started, Instant.now());
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("the bot (pid " + pid() + ") did not poll within " + timeout + "; its log:\n"
                    + tail(), e);
        } catch (TerminalFailureException e) {
            throw new AssertionError("the bot (pid " + pid() + ") exited with " + process.exitValue()
                    + " before polling; its log:\n" + tail(), e);
        }
    }

    /** SIGKILL, as a crash or an out-of-memory killer would; returns once the process is gone. */
    void kill() throws InterruptedException {
        long pid = process.pid();
        process.destroyForcibly(); // SIGKILL on Linux
        assertThat(process.waitFor(10, TimeUnit.SECONDS)).as("pid %d gone after SIGKILL", pid).isTrue();
        assertThat(process.exitValue()).as("exit status of pid %d (128 + SIGKILL)", pid).isEqualTo(KILLED);
        awaitGone(pid);
    }

    /** SIGTERM, as a platform stopping the worker; returns the exit status, or fails if it takes too long. */
    int terminate(Duration within) throws InterruptedException {
        long pid = process.pid();
        assertThat(process.supportsNormalTermination()).as("destroy() sends SIGTERM here").isTrue();
        long t0 = System.nanoTime();
        process.destroy(); // SIGTERM on Linux
        boolean exited = process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS);
        if (!exited) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
            throw new AssertionError("pid " + pid + " did not exit within " + within + " of SIGTERM; its log:\n" + tail());
        }
        awaitGone(pid);
        System.out.printf("crash-restart: pid %d exited %d ms after SIGTERM with status %d%n", pid,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0), process.exitValue());
        return process.exitValue();
    }

    /** For clean-up: whatever state it is in, it is gone afterwards. */
    void destroyQuietly() {
        if (process.isAlive()) {
            process.destroyForcibly();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void awaitGone(long pid) {
        await("pid " + pid + " gone").atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(10)).pollInSameThread()
                .until(() -> !ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
    }

    String tail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(log unreadable: " + e + ")";
        }
    }
}
