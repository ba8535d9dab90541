package org.spotcheck.deploy;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The deployment files (deploy/, Procfile): the systemd unit is valid, keeps its data and secret
 * apart and does not restart-loop on a bad setting; the unit and the Procfile take their JVM flags
 * from one file; the admin script runs commands exactly as the service runs.
 */
class DeployTest {

    private static final Path BASE = Path.of(System.getProperty("basedir", "."));
    private static final Path UNIT = BASE.resolve("deploy/spotcheck.service");
    private static final Path JVM_ENV = BASE.resolve("deploy/jvm.env");
    private static final Path ADMIN = BASE.resolve("deploy/spotcheck-admin");

    @TempDir
    Path dir;

    @Test
    void theUnitPassesSystemdAnalyzeVerify() throws Exception {
        Optional<Path> tool = onPath("systemd-analyze");
        if (tool.isEmpty()) {
            System.out.println("DeployTest: systemd-analyze is not installed here, so deploy/spotcheck.service was NOT verified");
        }
        Assumptions.assumeTrue(tool.isPresent(), "systemd-analyze is not installed: the unit cannot be verified here");

        var process = new ProcessBuilder(tool.get().toString(), "verify", UNIT.toAbsolutePath().toString())
                .redirectErrorStream(true).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("systemd-analyze finished").isTrue();
        String output = new String(process.getInputStream().readAllBytes(), UTF_8);

        assertThat(process.exitValue()).as("exit status; output:%n%s", output).isZero();
        // It only warns about unknown keys and bad values, so its words about this unit count as failures.
        assertThat(output.lines()).as("what systemd-analyze says about the unit").noneMatch(l -> l.contains("spotcheck.service"));
    }

    @Test
    void theUnitKeepsTheDataStopsCleanlyAndDoesNotRestartOnABadSetting() throws IOException {
        var unit = Files.readAllLines(UNIT);

        assertThat(unit).contains("StateDirectory=spotcheck", "Environment=SPOTCHECK_DB=%S/spotcheck/spotcheck.db",
                "LoadCredential=spotcheck-secret:/etc/spotcheck/secret",
                "Environment=SPOTCHECK_SECRET_FILE=%d/spotcheck-secret",
                "Restart=on-failure", "SuccessExitStatus=143", "RestartPreventExitStatus=2",
                "NoNewPrivileges=yes", "ProtectSystem=strict");
    }

    @Test
    void theProcfileWorkerStartsTheJarWithTheFlagsAndEnvironmentOfJvmEnvAndItsArchive() throws Exception {
        Path app = appFolder("target/spotcheck-bot.jsa");

        var started = launch(worker(), app, Map.of());

        String options = jvmEnv("SPOTCHECK_JAVA_OPTS");
        var expected = new ArrayList<>(List.of(options.split("\\s+")));
        expected.addAll(List.of("-XX:SharedArchiveFile=target/spotcheck-bot.jsa", "-jar", "target/spotcheck-bot.jar"));
        assertThat(started.args()).containsExactlyElementsOf(expected);
        assertThat(options).contains("-Xmx");
        assertThat(started.env()).contains("MALLOC_ARENA_MAX=" + jvmEnv("MALLOC_ARENA_MAX"));
    }

    @Test
    void aJarWithoutItsArchiveStartsFromTheProcfileWithTheJdksClassSharing() throws Exception {
        var started = launch(worker(), appFolder(), Map.of());

        assertThat(started.args()).noneMatch(a -> a.startsWith("-XX:SharedArchiveFile"));
        assertClassSharingOn(started.args());
    }

    @Test
    void theUnitStartsTheJarWithItsArchiveWhenItIsThereAndWithoutItWhenNot() throws Exception {
        var env = Map.of("SPOTCHECK_JAVA_OPTS", jvmEnv("SPOTCHECK_JAVA_OPTS"));

        var withArchive = launch(unitCommand(), appFolder("opt/spotcheck/spotcheck-bot.jsa"), env);
        var without = launch(unitCommand(), appFolder(), env);

        assertThat(withArchive.args()).contains("-XX:SharedArchiveFile=opt/spotcheck/spotcheck-bot.jsa")
                .endsWith("-jar", "opt/spotcheck/spotcheck-bot.jar");
        assertThat(without.args()).noneMatch(a -> a.startsWith("-XX:SharedArchiveFile")).endsWith("-jar", "opt/spotcheck/spotcheck-bot.jar");
        assertClassSharingOn(without.args());
    }

    @Test
    void theUnitTakesItsJvmFlagsFromTheSameFileAsTheProcfile() throws IOException {
        var unit = Files.readAllLines(UNIT);

        assertThat(unit).contains("EnvironmentFile=/opt/spotcheck/jvm.env");
        assertThat(unit).filteredOn(l -> l.startsWith("ExecStart=")).singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                .contains(" /usr/bin/java $$SPOTCHECK_JAVA_OPTS ");
        assertThat(unit).noneMatch(l -> l.contains("-Xmx"));
    }

    @Test
    void theAdminScriptRunsCommandsAsTheServicesUserWithTheServicesSettings() throws IOException {
        var unit = Files.readAllLines(UNIT);
        var properties = new ArrayList<String>();
        var matcher = Pattern.compile("--property=(\\S+)").matcher(Files.readString(ADMIN));
        while (matcher.find()) {
            properties.add(matcher.group(1));
        }

        assertThat(properties).contains("DynamicUser=yes", "User=spotcheck", "StateDirectory=spotcheck",
                "EnvironmentFile=/opt/spotcheck/jvm.env");
        assertThat(properties).filteredOn(p -> p.startsWith("LoadCredential="))
                .containsExactlyInAnyOrderElementsOf(unit.stream().filter(l -> l.startsWith("LoadCredential=")).toList());
        assertThat(unit).containsAll(properties);
        assertThat(Files.isExecutable(ADMIN)).as("deploy/spotcheck-admin is executable").isTrue();
    }

    /** How java was started: its arguments and environment. */
    private record Started(List<String> args, List<String> env) {
    }

    /** A folder laid out as the app's (deploy/jvm.env), with these files in it too. */
    private Path appFolder(String... files) throws IOException {
        Path app = Files.createDirectories(dir.resolve("app-" + files.length));
        Files.createDirectories(app.resolve("deploy"));
        Files.copy(JVM_ENV, app.resolve("deploy/jvm.env"));
        for (String file : files) {
            Files.createDirectories(app.resolve(file).getParent());
            Files.writeString(app.resolve(file), "");
        }
        return app;
    }

    /** Runs the shell command in the folder, with a stand-in for java that writes down how it was started. */
    private Started launch(String command, Path app, Map<String, String> environment) throws Exception {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path fakeJava = bin.resolve("java");
        Files.writeString(fakeJava, "#!/bin/sh\nprintf '%s\\n' \"$@\" > \"$OUT/args\"\nenv > \"$OUT/env\"\n");
        Files.setPosixFilePermissions(fakeJava, PosixFilePermissions.fromString("rwx------"));
        var builder = new ProcessBuilder("/bin/sh", "-c", command).directory(app.toFile()).redirectErrorStream(true);
        builder.environment().putAll(environment);
        builder.environment().put("PATH", bin + File.pathSeparator + System.getenv("PATH"));
        builder.environment().put("OUT", app.toString());
        var process = builder.start();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(new String(process.getInputStream().readAllBytes(), UTF_8)).isZero();
        return new Started(Files.readAllLines(app.resolve("args")), Files.readAllLines(app.resolve("env")));
    }

    private static String worker() throws IOException {
        return Files.readAllLines(BASE.resolve("Procfile")).stream().filter(l -> l.startsWith("worker:"))
                .findFirst().orElseThrow().substring("worker:".length()).trim();
    }

    /**
     * The shell command of the unit's ExecStart, as the shell gets it ($$ is systemd's $), run on the
     * app's folder and the stand-in for java instead of /opt/spotcheck and /usr/bin/java.
     */
    private static String unitCommand() throws IOException {
        String execStart = Files.readAllLines(UNIT).stream().filter(l -> l.startsWith("ExecStart=/bin/sh -c '"))
                .findFirst().orElseThrow();
        return execStart.substring("ExecStart=/bin/sh -c '".length(), execStart.length() - 1).replace("$$", "$")
                .replace("/opt/spotcheck/", "opt/spotcheck/").replace("exec /usr/bin/java ", "exec java ");
    }

    /** This JDK, started with those flags (the jar left out), runs with class sharing: -Xshare:on fails without. */
    private static void assertClassSharingOn(List<String> args) throws Exception {
        var command = new ArrayList<String>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(args.subList(0, args.indexOf("-jar")));
        command.addAll(List.of("-Xshare:on", "-version"));
        var process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("%s%n%s", command, output).isZero();
        assertThat(output).contains("sharing");
    }

    private static String jvmEnv(String name) throws IOException {
        return Files.readAllLines(JVM_ENV).stream().filter(l -> l.startsWith(name + "=")).findFirst()
                .map(l -> l.substring(name.length() + 1).replaceAll("^\"|\"$", "")).orElseThrow();
    }

    private static Optional<Path> onPath(String tool) {
        for (String folder : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(folder, tool);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
