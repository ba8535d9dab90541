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
    void theProcfileWorkerStartsTheJarWithTheFlagsAndEnvironmentOfJvmEnv() throws Exception {
        // A stand-in for java that writes down how it was started.
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path fakeJava = bin.resolve("java");
        Files.writeString(fakeJava, "#!/bin/sh\nprintf '%s\\n' \"$@\" > \"$OUT/args\"\nenv > \"$OUT/env\"\n");
        Files.setPosixFilePermissions(fakeJava, PosixFilePermissions.fromString("rwx------"));
        String worker = Files.readAllLines(BASE.resolve("Procfile")).stream().filter(l -> l.startsWith("worker:"))
                .findFirst().orElseThrow().substring("worker:".length()).trim();

        var builder = new ProcessBuilder("/bin/sh", "-c", worker).directory(BASE.toFile()).redirectErrorStream(true);
        builder.environment().put("PATH", bin + File.pathSeparator + System.getenv("PATH"));
        builder.environment().put("OUT", dir.toString());
        var process = builder.start();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(new String(process.getInputStream().readAllBytes(), UTF_8)).isZero();

        String options = jvmEnv("SPOTCHECK_JAVA_OPTS");
        var expected = new ArrayList<>(List.of(options.split("\\s+")));
        expected.addAll(List.of("-XX:SharedArchiveFile=target/spotcheck-bot.jsa", "-jar", "target/spotcheck-bot.jar"));
        assertThat(Files.readAllLines(dir.resolve("args"))).containsExactlyElementsOf(expected);
        assertThat(options).contains("-Xmx");
        assertThat(Files.readAllLines(dir.resolve("env"))).contains("MALLOC_ARENA_MAX=" + jvmEnv("MALLOC_ARENA_MAX"));
    }

    @Test
    void theUnitTakesItsJvmFlagsFromTheSameFileAsTheProcfile() throws IOException {
        var unit = Files.readAllLines(UNIT);

        assertThat(unit).contains("EnvironmentFile=/opt/spotcheck/jvm.env");
        assertThat(unit).filteredOn(l -> l.startsWith("ExecStart=")).singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                .contains(" $SPOTCHECK_JAVA_OPTS -XX:SharedArchiveFile=/opt/spotcheck/spotcheck-bot.jsa -jar ");
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
        // The new secret of a rotation is the one credential the service itself never loads.
        String rotation = "LoadCredential=spotcheck-secret-new:/etc/spotcheck/secret.new";
        assertThat(properties).contains(rotation);
        properties.remove(rotation);
        assertThat(properties).filteredOn(p -> p.startsWith("LoadCredential="))
                .containsExactlyInAnyOrderElementsOf(unit.stream().filter(l -> l.startsWith("LoadCredential=")).toList());
        assertThat(unit).containsAll(properties);
        assertThat(Files.isExecutable(ADMIN)).as("deploy/spotcheck-admin is executable").isTrue();
    }

    @Test
    void aCrashLeavesNoCoreDumpAndNoCrashReportInTheDataFolder() throws IOException {
        assertThat(Files.readAllLines(UNIT)).contains("LimitCORE=0");
        assertThat(jvmEnv("SPOTCHECK_JAVA_OPTS")).contains("-XX:-CreateCoredumpOnCrash")
                .containsPattern("-XX:ErrorFile=/tmp/\\S+");
    }

    @Test
    void theAdminScriptPassesRootsNewSecretToARotationAsACredential() throws Exception {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path fakeRun = bin.resolve("systemd-run");
        Files.writeString(fakeRun, "#!/bin/sh\nprintf '%s\\n' \"$@\" > \"$OUT/args\"\n");
        Files.setPosixFilePermissions(fakeRun, PosixFilePermissions.fromString("rwx------"));

        var builder = new ProcessBuilder("/bin/sh", ADMIN.toAbsolutePath().toString(), "--rotate-secret").redirectErrorStream(true);
        builder.environment().put("PATH", bin + File.pathSeparator + System.getenv("PATH"));
        builder.environment().put("OUT", dir.toString());
        var process = builder.start();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        var args = Files.readAllLines(dir.resolve("args"));

        assertThat(args).contains("--property=LoadCredential=spotcheck-secret-new:/etc/spotcheck/secret.new");
        assertThat(args.get(args.size() - 1)).isEqualTo("--rotate-secret");
        assertThat(args).anyMatch(a -> a.contains("set -- --rotate-secret \"$CREDENTIALS_DIRECTORY/spotcheck-secret-new\""));
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
