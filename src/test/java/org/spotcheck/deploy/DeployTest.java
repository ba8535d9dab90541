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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The deployment files (deploy/, Procfile): the systemd unit is valid, keeps its data and secret
 * apart and does not restart-loop on a bad setting; the unit and the Procfile take their JVM flags
 * from one file; the admin script runs commands exactly as the service runs.
 */
class DeployTest {

    private static final Path BASE = Path.of(System.getProperty("basedir", "."));
    private static final Path UNIT = BASE.resolve("deploy/spotcheck.service");
    private static final Path TEMPLATE = BASE.resolve("deploy/spotcheck@.service");
    private static final Path JVM_ENV = BASE.resolve("deploy/jvm.env");
    private static final Path ADMIN = BASE.resolve("deploy/spotcheck-admin");

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"deploy/spotcheck.service", "deploy/spotcheck@.service"})
    void theUnitPassesSystemdAnalyzeVerify(String file) throws Exception {
        Path unitFile = BASE.resolve(file);
        Optional<Path> tool = onPath("systemd-analyze");
        if (tool.isEmpty()) {
            System.out.println("DeployTest: systemd-analyze is not installed here, so deploy/spotcheck.service was NOT verified");
        }
        Assumptions.assumeTrue(tool.isPresent(), "systemd-analyze is not installed: the unit cannot be verified here");

        var process = new ProcessBuilder(tool.get().toString(), "verify", unitFile.toAbsolutePath().toString())
                .redirectErrorStream(true).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("systemd-analyze finished").isTrue();
        String output = new String(process.getInputStream().readAllBytes(), UTF_8);

        assertThat(process.exitValue()).as("exit status; output:%n%s", output).isZero();
        // It only warns about unknown keys and bad values, so its words about this unit count as failures.
        assertThat(output.lines()).as("what systemd-analyze says about the unit")
                .noneMatch(l -> l.contains(unitFile.getFileName().toString()));
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
    void theTemplateUnitIsTheUnitWithTheInstanceInItsUserDataAndSettingsFolders() throws IOException {
        var expected = directives(UNIT).stream().map(l -> l
                .replace("Description=SpotCheck Telegram bot", "Description=SpotCheck Telegram bot %i")
                .replaceAll("^User=spotcheck$", "User=spotcheck-%i")
                .replaceAll("^StateDirectory=spotcheck$", "StateDirectory=spotcheck-%i")
                .replaceAll("%S/spotcheck(/|$)", "%S/spotcheck-%i$1")
                .replace(":/etc/spotcheck/", ":/etc/spotcheck/%i/")).toList();

        assertThat(directives(TEMPLATE)).containsExactlyElementsOf(expected);
    }

    @Test
    void theUnitsSayWhatTheProgramDoesOnSigtermAndNameReadmeSectionsThatExist() throws IOException {
        String unit = Files.readString(UNIT);
        var headings = Files.readAllLines(BASE.resolve("README.md")).stream().filter(l -> l.startsWith("#"))
                .map(l -> l.replaceAll("^#+\\s*", "")).toList();

        assertThat(unit).contains("exits 0").doesNotContain("SIGTERM is a clean stop: the JVM runs its shutdown hook and exits with");
        for (Path file : List.of(UNIT, TEMPLATE, ADMIN)) {
            var named = Pattern.compile("README, \"([^\"]+)\"").matcher(Files.readString(file));
            while (named.find()) {
                assertThat(headings).as("the README section %s names", file.getFileName()).contains(named.group(1));
            }
        }
    }

    @Test
    void theAdminScriptRunsACommandAsTheServiceRunsWithItsOutputsApart() throws Exception {
        var run = admin("--stats", "--json");

        assertThat(run.status()).as(run.errors()).isZero();
        var args = run.systemdRun();
        assertThat(args).contains("--pipe", "--wait").doesNotContain("--pty");
        assertThat(args.subList(args.size() - 2, args.size())).containsExactly("--stats", "--json");
        assertThat(properties(args)).containsExactlyInAnyOrderElementsOf(serviceLines(Files.readAllLines(UNIT)));
        assertThat(args).contains("--setenv=SPOTCHECK_DB=/var/lib/spotcheck/spotcheck.db");
        assertThat(Files.readAllLines(UNIT)).contains("Environment=SPOTCHECK_DB=%S/spotcheck/spotcheck.db");
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
        var run = admin("--rotate-secret");

        assertThat(run.status()).as(run.errors()).isZero();
        var args = run.systemdRun();
        assertThat(args).contains("--property=LoadCredential=spotcheck-secret-new:/etc/spotcheck/secret.new");
        assertThat(args.get(args.size() - 1)).isEqualTo("--rotate-secret");
        assertThat(args).anyMatch(a -> a.contains("set -- --rotate-secret \"$CREDENTIALS_DIRECTORY/spotcheck-secret-new\""));
    }

    @Test
    void theAdminScriptWithAnInstanceRunsAsThatInstancesService() throws Exception {
        var run = admin("-i", "clinic-b", "--backup", "/var/lib/spotcheck-clinic-b/backup/one.db");

        assertThat(run.status()).as(run.errors()).isZero();
        var template = Files.readAllLines(TEMPLATE).stream().map(l -> l.replace("%i", "clinic-b")).toList();
        assertThat(properties(run.systemdRun())).containsExactlyInAnyOrderElementsOf(serviceLines(template));
        assertThat(run.systemdRun()).contains("--setenv=SPOTCHECK_DB=/var/lib/spotcheck-clinic-b/spotcheck.db")
                .endsWith("--backup", "/var/lib/spotcheck-clinic-b/backup/one.db");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "--stat", "--json", "-check", "--check --stats", "--stats --lang", "--backup",
            "--backup a b", "serve", "-i", "-i ../etc --check", "--rotate-secret /etc/spotcheck/new"})
    void theAdminScriptRefusesAnythingButItsCommandsBeforeStartingAnything(String typed) throws Exception {
        var run = admin(typed.isEmpty() ? new String[0] : typed.split(" "));

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.errors()).startsWith("spotcheck-admin: ").contains("usage: spotcheck-admin");
        assertThat(run.systemdRun()).as("systemd-run was not called").isEmpty();
    }

    /** How the admin script ended, and the arguments it gave systemd-run (a stand-in that writes them down). */
    private record AdminRun(int status, String errors, List<String> systemdRun) {
    }

    private AdminRun admin(String... args) throws Exception {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path fake = bin.resolve("systemd-run");
        Files.writeString(fake, "#!/bin/sh\nprintf '%s\\n' \"$@\" > \"$OUT/systemd-run\"\n");
        Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwx------"));
        var command = new ArrayList<>(List.of("/bin/sh", ADMIN.toAbsolutePath().toString()));
        command.addAll(List.of(args));
        var builder = new ProcessBuilder(command);
        builder.environment().put("PATH", bin + File.pathSeparator + System.getenv("PATH"));
        builder.environment().put("OUT", dir.toString());
        Path errors = dir.resolve("admin.err");
        builder.redirectError(errors.toFile()).redirectOutput(dir.resolve("admin.out").toFile());
        var process = builder.start();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        Path recorded = dir.resolve("systemd-run");
        return new AdminRun(process.exitValue(), Files.readString(errors, UTF_8),
                Files.exists(recorded) ? Files.readAllLines(recorded) : List.of());
    }

    private static List<String> properties(List<String> args) {
        return args.stream().filter(a -> a.startsWith("--property=")).map(a -> a.substring("--property=".length())).toList();
    }

    /** The unit's lines the admin script must repeat: who runs, where the data and the settings are, how it is confined. */
    private static List<String> serviceLines(List<String> unit) {
        return unit.stream().filter(l -> l.matches("(DynamicUser|User|StateDirectory|StateDirectoryMode|UMask|LoadCredential"
                + "|EnvironmentFile|NoNewPrivileges|ProtectSystem)=.*")).toList();
    }

    /** A unit's settings without its comments and blank lines. */
    private static List<String> directives(Path unit) throws IOException {
        return Files.readAllLines(unit).stream().filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
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
