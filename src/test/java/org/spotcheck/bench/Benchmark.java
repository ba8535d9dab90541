package org.spotcheck.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.spotcheck.store.ChatKeys;
import org.spotcheck.store.ChatStore;
import org.spotcheck.store.Database;
import org.spotcheck.store.Secret;

/**
 * The crowd benchmark: the real jar as its own process against {@link BenchBotApi} on 127.0.0.1,
 * N simulated people tapping through the check in a closed loop, and the same workload through a
 * bot written in TelegramBots' default style. Prints throughput, waits, CPU, memory, start-up time,
 * and checks every person's answers against the store. No network beyond loopback.
 *
 * <pre>
 * mvn -B -q -Pbenchmark verify                       (defaults: 50,200,1000 people; 0 and 50 ms; 3 runs)
 * mvn -B -q -Pbenchmark verify -Dbench.args="--people 200 --delays 50 --runs 1"
 * </pre>
 */
public final class Benchmark {

    private static final String TOKEN = "1234567:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw1";
    private static final String SECRET = "benchmark-secret-0123456789";

    record Figures(int people, int delayMs, double updatesPerSecond, double p50, double p95, double p99,
                   double cpuMsPerUpdate, double peakHeapMb, double peakRssMb, double startupMs, int lost, int doubled) {
    }

    public static void main(String[] args) throws Exception {
        // The baseline's poller reports its cancelled long poll as an error when it is stopped: not news here.
        System.setProperty("org.slf4j.simpleLogger.log.org.telegram.telegrambots.longpolling.BotSession", "off");
        System.setProperty("org.slf4j.simpleLogger.log.org.spotcheck.store.Database", "warn");
        var options = Options.parse(args);
        var jar = Path.of(options.jar);
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: run mvn -B package first");
        }
        System.out.printf(Locale.ROOT, "SpotCheck crowd benchmark — %d cores, Java %s, %d checks per person after %d to warm up%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), options.checks, options.warmup);
        System.out.printf(Locale.ROOT, "bot: %s java %s%n", options.botEnvironment, String.join(" ", options.botFlags()));
        System.out.println("delay people run  updates/s   p50 ms   p95 ms   p99 ms  cpu ms/upd  heap MB   RSS MB  start ms  lost  twice");
        boolean allGood = true;
        for (int delay : options.delays) {
            for (int people : options.people) {
                var runs = new ArrayList<Figures>();
                for (int run = 1; run <= options.runs; run++) {
                    var f = spotcheck(jar, options, people, delay);
                    runs.add(f);
                    print(String.valueOf(run), f);
                    allGood &= f.lost() == 0 && f.doubled() == 0;
                }
                if (options.runs > 1) {
                    print("med", median(runs));
                }
                if (options.baseline && people == options.baselinePeople) {
                    double base = baseline(people, delay, options);
                    double ours = median(runs).updatesPerSecond();
                    System.out.printf(Locale.ROOT, "%5d %6d base %10.1f   (TelegramBots default style: one consumer thread, blocking calls)"
                            + "  → SpotCheck is %.1f× faster%n", delay, people, base, ours / base);
                }
            }
        }
        System.out.println(allGood ? "every answer applied exactly once" : "ANSWERS LOST OR APPLIED TWICE");
        System.exit(allGood ? 0 : 1);
    }

    /** One run of the real bot process. */
    static Figures spotcheck(Path jar, Options options, int people, int delayMs) throws Exception {
        var dir = Files.createTempDirectory("spotcheck-bench");
        var db = dir.resolve("spotcheck.db");
        try (var api = new BenchBotApi(TOKEN, Duration.ofMillis(delayMs))) {
            var command = new ArrayList<>(List.of(javaBin("java")));
            command.addAll(options.botFlags());
            command.addAll(List.of("-jar", jar.toString()));
            var builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("bot.log").toFile());
            builder.environment().putAll(options.botEnvironment);
            builder.environment().putAll(Map.of("TELEGRAM_BOT_TOKEN", TOKEN, "TELEGRAM_API_URL", api.url(),
                    "SPOTCHECK_DB", db.toString(), "SPOTCHECK_SECRET", SECRET));
            long launched = System.nanoTime();
            var bot = builder.start();
            try {
                while (api.firstGetUpdatesNanos.get() == 0) {
                    if (!bot.isAlive()) {
                        throw new IllegalStateException("the bot exited: " + Files.readString(dir.resolve("bot.log")));
                    }
                    Thread.sleep(2);
                }
                double startupMs = (api.firstGetUpdatesNanos.get() - launched) / 1e6;
                var heap = new HeapSampler(bot.pid());
                var crowd = new Crowd(api, people, 10_000_000L);
                crowd.run(options.warmup, false, 600); // warm-up: the JIT and SQLite's caches
                var threadsBefore = threadCpu(bot.pid());
                long cpuBefore = cpuMillis(bot.pid());
                api.takeTurnaroundsMillis();
                long benchBefore = cpuMillis(ProcessHandle.current().pid());
                double seconds = crowd.run(options.checks, true, 900);
                long cpu = cpuMillis(bot.pid()) - cpuBefore;
                long benchCpu = cpuMillis(ProcessHandle.current().pid()) - benchBefore;
                double[] waits = crowd.waitsMillis();
                if (options.verbose) {
                    double[] own = crowd.botWaitsMillis();
                    System.out.printf(Locale.ROOT, "      the bot's part of the wait (update received → next question sent): p50 %.1f ms, p95 %.1f ms, p99 %.1f ms%n",
                            percentile(own, 50), percentile(own, 95), percentile(own, 99));
                    double[] turns = api.takeTurnaroundsMillis();
                    System.out.printf(Locale.ROOT, "      from a batch of updates to the next getUpdates: p50 %.1f ms, p95 %.1f ms (%d polls)%n",
                            percentile(turns, 50), percentile(turns, 95), turns.length);
                    var after = threadCpu(bot.pid());
                    after.replaceAll((k, v) -> v - threadsBefore.getOrDefault(k, 0L));
                    after.entrySet().stream().filter(e -> e.getValue() > 0).sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                            .forEach(e -> System.out.printf(Locale.ROOT, "      %-28s %.3f ms/update%n", e.getKey(), (double) e.getValue() / waits.length));
                }
                double peakRss = peakRssMb(bot.pid());
                double peakHeap = heap.stop();
                bot.destroy();
                bot.waitFor(10, TimeUnit.SECONDS);
                int[] verdict = verify(crowd, db, options.warmup + options.checks);
                if (options.verbose) {
                    System.out.printf(Locale.ROOT, "      (stand-in and people used %.3f ms of CPU per update beside the bot)%n",
                            (double) benchCpu / waits.length);
                }
                return new Figures(people, delayMs, waits.length / seconds, percentile(waits, 50), percentile(waits, 95),
                        percentile(waits, 99), (double) cpu / waits.length, peakHeap, peakRss, startupMs,
                        verdict[0], verdict[1]);
            } finally {
                bot.destroyForcibly();
            }
        }
    }

    /** The same people through the baseline bot for a fixed time (it is too slow to finish them all). */
    static double baseline(int people, int delayMs, Options options) throws Exception {
        var dir = Files.createTempDirectory("spotcheck-baseline");
        try (var api = new BenchBotApi(TOKEN, Duration.ofMillis(delayMs));
             var bot = new BaselineBot(TOKEN, Integer.parseInt(api.url().replaceAll(".*:", "")), dir.resolve("b.db"))) {
            var crowd = new Crowd(api, people, 20_000_000L);
            var measure = new Thread(() -> {
                try {
                    crowd.run(1_000, true, 3_600);
                } catch (InterruptedException | IllegalStateException e) {
                    // stopped on purpose below
                }
            });
            measure.setDaemon(true);
            measure.start();
            Thread.sleep(3_000); // past the start-up and the first batch
            long before = bot.handled.get();
            Thread.sleep(options.baselineSeconds * 1000L);
            return (bot.handled.get() - before) / (double) options.baselineSeconds;
        }
    }

    /** Every person's last check holds exactly their answers, and each check was begun once. */
    static int[] verify(Crowd crowd, Path db, int checksEach) {
        int lost = 0;
        int doubled = 0;
        var keys = new ChatKeys(Secret.of(Optional.of(SECRET), db));
        var chats = new ChatStore();
        try (var database = Database.open(db)) {
            for (var person : crowd.people) {
                var state = database.inTransaction(c -> chats.load(c, keys.keyFor(person.chatId))).orElseThrow();
                var check = state.check().orElseThrow();
                if (!check.finished() || !check.answers().equals(person.answers())) {
                    lost++;
                }
                // Ids are drawn at random: a doubled begin shows as more checks than done, or another stored.
                synchronized (person) {
                    doubled += Math.abs(person.checkIds.size() - checksEach) + (check.id() != person.lastCheckId ? 1 : 0);
                }
            }
        }
        return new int[] {lost, doubled};
    }

    // ---------------------------------------------------------------- measuring

    static long cpuMillis(long pid) throws IOException {
        String[] stat = Files.readString(Path.of("/proc/" + pid + "/stat")).replaceAll(".*\\) ", "").split(" ");
        long ticks = Long.parseLong(stat[11]) + Long.parseLong(stat[12]); // utime + stime
        return ticks * 1000 / 100; // USER_HZ is 100 on Linux
    }

    /** CPU milliseconds by thread name, numbers stripped, so each pool is one line. */
    static java.util.TreeMap<String, Long> threadCpu(long pid) throws IOException {
        var byName = new java.util.TreeMap<String, Long>();
        try (var tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
            for (var task : tasks.toList()) {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')')).replaceAll("[0-9]+", "#");
                    String[] f = stat.substring(stat.lastIndexOf(") ") + 2).split(" ");
                    byName.merge(name, (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10, Long::sum);
                } catch (IOException gone) {
                    // the thread ended meanwhile
                }
            }
        }
        return byName;
    }

    static double peakRssMb(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
            }
        }
        return Double.NaN;
    }

    /** Samples the bot's used heap with jstat every 100 ms and keeps the highest. */
    static final class HeapSampler {
        private final Process jstat;
        private final AtomicLong peakKb = new AtomicLong();

        HeapSampler(long pid) throws IOException {
            jstat = new ProcessBuilder(javaBin("jstat"), "-gc", Long.toString(pid), "100").redirectErrorStream(true).start();
            var reader = new Thread(() -> {
                try (var in = new BufferedReader(new InputStreamReader(jstat.getInputStream()))) {
                    String header = in.readLine();
                    if (header == null) {
                        return;
                    }
                    var columns = Arrays.asList(header.trim().split("\\s+"));
                    String line;
                    while ((line = in.readLine()) != null) {
                        var v = line.trim().split("\\s+");
                        if (v.length != columns.size()) {
                            continue;
                        }
                        double used = 0;
                        for (String column : List.of("S0U", "S1U", "EU", "OU")) {
                            used += Double.parseDouble(v[columns.indexOf(column)]);
                        }
                        long kb = (long) used;
                        peakKb.accumulateAndGet(kb, Math::max);
                    }
                } catch (IOException | RuntimeException e) {
                    // the bot is gone
                }
            });
            reader.setDaemon(true);
            reader.start();
        }

        double stop() {
            jstat.destroy();
            return peakKb.get() / 1024.0;
        }
    }

    static double percentile(double[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    static Figures median(List<Figures> runs) {
        return new Figures(runs.get(0).people(), runs.get(0).delayMs(),
                med(runs, Figures::updatesPerSecond), med(runs, Figures::p50), med(runs, Figures::p95), med(runs, Figures::p99),
                med(runs, Figures::cpuMsPerUpdate), med(runs, Figures::peakHeapMb), med(runs, Figures::peakRssMb),
                med(runs, Figures::startupMs), runs.stream().mapToInt(Figures::lost).sum(),
                runs.stream().mapToInt(Figures::doubled).sum());
    }

    private static double med(List<Figures> runs, java.util.function.ToDoubleFunction<Figures> f) {
        double[] values = runs.stream().mapToDouble(f).sorted().toArray();
        return values[values.length / 2];
    }

    private static void print(String run, Figures f) {
        System.out.printf(Locale.ROOT, "%5d %6d %4s %10.1f %8.1f %8.1f %8.1f %11.3f %8.1f %8.1f %9.0f %5d %6d%n",
                f.delayMs(), f.people(), run, f.updatesPerSecond(), f.p50(), f.p95(), f.p99(), f.cpuMsPerUpdate(),
                f.peakHeapMb(), f.peakRssMb(), f.startupMs(), f.lost(), f.doubled());
    }

    private static String javaBin(String tool) {
        return Path.of(System.getProperty("java.home"), "bin", tool).toString();
    }

    /** Command-line options; defaults are the documented workload. */
    static final class Options {
        List<Integer> people = List.of(50, 200, 1000);
        List<Integer> delays = List.of(0, 50);
        int runs = 3;
        int checks = 3;
        int warmup = 3;
        boolean baseline = true;
        int baselinePeople = 200;
        int baselineSeconds = 20;
        /** Replaces the Procfile's -Xmx when set. */
        String xmx = "";
        String jar = "target/spotcheck-bot.jar";
        /** The Procfile's flags and environment, so the figures are the deployed bot's. */
        String botArgs = "";
        Map<String, String> botEnvironment = new java.util.TreeMap<>();

        List<String> botFlags() {
            var flags = new ArrayList<String>();
            if (!botArgs.isBlank()) {
                flags.addAll(List.of(botArgs.split(";"))); // ";" between flags: a space would end the option
            }
            if (!xmx.isBlank()) {
                flags.removeIf(flag -> flag.startsWith("-Xmx"));
                flags.add("-Xmx" + xmx);
            }
            return flags;
        }

        /** Reads "worker: NAME=value ... java FLAGS -jar ..." so the benchmark never drifts from the deployment. */
        void readProcfile(Path procfile) {
            try {
                String worker = Files.readAllLines(procfile).stream().filter(l -> l.startsWith("worker:")).findFirst()
                        .orElseThrow(() -> new IllegalStateException("no worker line in " + procfile));
                var words = List.of(worker.substring("worker:".length()).trim().split("\\s+"));
                int java = words.indexOf("java");
                int jar = words.indexOf("-jar");
                for (String assignment : words.subList(0, java)) {
                    botEnvironment.put(assignment.substring(0, assignment.indexOf('=')), assignment.substring(assignment.indexOf('=') + 1));
                }
                botArgs = String.join(";", words.subList(java + 1, jar));
            } catch (IOException e) {
                throw new IllegalStateException("cannot read " + procfile, e);
            }
        }
        boolean verbose;

        static Options parse(String[] args) {
            var o = new Options();
            o.readProcfile(Path.of("Procfile"));
            for (int i = 0; i < args.length; i++) {
                String value = i + 1 < args.length ? args[i + 1] : "";
                switch (args[i]) {
                    case "--people" -> { o.people = ints(value); i++; }
                    case "--delays" -> { o.delays = ints(value); i++; }
                    case "--runs" -> { o.runs = Integer.parseInt(value); i++; }
                    case "--checks" -> { o.checks = Integer.parseInt(value); i++; }
                    case "--warmup" -> { o.warmup = Integer.parseInt(value); i++; }
                    case "--baseline-people" -> { o.baselinePeople = Integer.parseInt(value); i++; }
                    case "--baseline-seconds" -> { o.baselineSeconds = Integer.parseInt(value); i++; }
                    case "--no-baseline" -> o.baseline = false;
                    case "--verbose" -> o.verbose = true;
                    case "--xmx" -> { o.xmx = value; i++; }
                    case "--jar" -> { o.jar = value; i++; }
                    case "--bot-args" -> { o.botArgs = value; i++; }
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
            return o;
        }

        private static List<Integer> ints(String csv) {
            return Arrays.stream(csv.split(",")).map(String::strip).map(Integer::parseInt).toList();
        }
    }
}
