package org.spotcheck.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.spotcheck.store.Database;
import org.spotcheck.telegram.FakeBotApi;

/**
 * The crowd benchmark: the real jar as its own process, started cold, against the tests' Bot API stand-in
 * ({@link FakeBotApi#forCrowd}, watched by {@link Watch}) on 127.0.0.1, with N simulated people who all send /start at once before the bot is up (the burst
 * after a deploy) and then walk several checks each in a closed loop. Other bots (a reference in
 * another framework, an older jar) can run the same workload beside it, run for run, so figures are
 * compared as ratios measured minutes apart on the same machine. No network beyond loopback.
 *
 * <pre>
 * mvn -B -q -Pbenchmark verify                       (defaults: 200 people, 50 ms, 12 checks each, 3 runs)
 * mvn -B -q -Pbenchmark verify -Dbench.args="--runs 1 --also 'grammY=node src/test/bench-ref/grammy-runner-bot.js'"
 * </pre>
 */
public final class Benchmark {

    private static final String TOKEN = "1234567:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw1";
    private static final String SECRET = "benchmark-secret-0123456789";
    /** The bot's own part of a step: from the getUpdates answer that brought the update to the screen. */
    static final String BOT_PART = "bot's part of a step";
    /** The rows of the report: every step, the first burst, each kind of step, then the bot's part of every step. */
    static final List<String> ROWS = List.of("all steps", "first burst", "/start", "start the check", "answer tap", "result",
            BOT_PART);

    /** A bot to measure: a label and the command that starts it (the Procfile's for SpotCheck). */
    record Contender(String label, List<String> command, Map<String, String> environment) {
    }

    /** One run of one contender; waits in milliseconds by row of {@link #ROWS}, each sorted. */
    record Figures(String label, int people, int delayMs, double updatesPerSecond, Map<String, double[]> waits,
                   double cpuMsPerUpdate, double callsPerUpdate, double peakRssMb, double startupMs, int lost, int doubled) {

        double p(String row, double percentile) {
            return percentile(waits.get(row), percentile);
        }
    }

    private static void level(String logger, ch.qos.logback.classic.Level level) {
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(logger)).setLevel(level);
    }

    public static void main(String[] args) throws Exception {
        // The baseline's poller reports its cancelled long poll as an error when it is stopped: not news here.
        level("org.telegram.telegrambots.longpolling.BotSession", ch.qos.logback.classic.Level.OFF);
        level("org.spotcheck.store.Database", ch.qos.logback.classic.Level.WARN);
        var options = Options.parse(args);
        var contenders = options.contenders();
        System.out.printf(Locale.ROOT, "SpotCheck crowd benchmark — %d cores, Java %s; %d people at once from a cold start,"
                        + " %d checks each, %d ms per Bot API call (getUpdates %d ms)%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), options.people, options.checks, options.delay, options.pollDelay());
        for (var c : contenders) {
            System.out.printf(Locale.ROOT, "  %-10s %s %s%n", c.label(), c.environment(), String.join(" ", c.command()));
        }
        warmUpTheHarness(contenders.get(0), options);
        var results = new java.util.LinkedHashMap<String, List<Figures>>();
        boolean allGood = true;
        for (int run = 1; run <= options.runs; run++) {
            // Contenders take turns within a run, so a noisy minute on the shared machine hits both.
            for (var contender : contenders) {
                var f = run(contender, options);
                results.computeIfAbsent(contender.label(), k -> new ArrayList<>()).add(f);
                printRun(run, f);
                allGood &= f.lost() == 0 && f.doubled() == 0;
            }
        }
        report(results, options);
        System.out.println(allGood ? "every update applied exactly once" : "UPDATES LOST OR APPLIED TWICE");
        System.exit(allGood ? 0 : 1);
    }

    /**
     * The stand-in and the people run in this JVM, and their own code is cold in the first run: the
     * first contender's first batch then left the stand-in 30 ms late, and its first burst looked
     * slower than any later one. A short run whose figures are dropped warms them for everyone.
     */
    private static void warmUpTheHarness(Contender first, Options options) throws Exception {
        var small = Options.parse(new String[] {"--people", "50", "--checks", "2", "--runs", "1",
                "--delay", Integer.toString(options.delay), "--poll-delay", Integer.toString(options.pollDelay())});
        run(first, small);
    }

    /** One run: the burst queued, the bot started cold, everyone through their checks, the bot stopped. */
    static Figures run(Contender contender, Options options) throws Exception {
        var dir = Files.createTempDirectory("spotcheck-bench");
        var db = dir.resolve("spotcheck.db");
        var watch = new Watch();
        try (var api = FakeBotApi.forCrowd(TOKEN, Duration.ofMillis(options.delay), Duration.ofMillis(options.pollDelay()), watch)) {
            var crowd = new Crowd(api, watch, options.people, 10_000_000L);
            crowd.begin(options.checks);
            var builder = new ProcessBuilder(contender.command()).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("bot.log").toFile());
            builder.environment().putAll(contender.environment());
            builder.environment().putAll(Map.of("TELEGRAM_BOT_TOKEN", TOKEN, "TELEGRAM_API_URL", api.url(),
                    "SPOTCHECK_DB", db.toString(), "SPOTCHECK_SECRET", SECRET));
            long launched = System.nanoTime();
            var bot = builder.start();
            try {
                while (watch.firstGetUpdatesNanos.get() == 0) {
                    if (!bot.isAlive()) {
                        throw new IllegalStateException(contender.label() + " exited: " + Files.readString(dir.resolve("bot.log")));
                    }
                    Thread.sleep(1);
                }
                long cpuAtStart = cpuMillis(bot.pid());
                long ownCpuAtStart = cpuMillis(ProcessHandle.current().pid());
                var ownThreadsAtStart = threadCpu(ProcessHandle.current().pid());
                var threadsAtStart = options.verbose ? threadCpu(bot.pid()) : null;
                double startupMs = (watch.firstGetUpdatesNanos.get() - launched) / 1e6;
                if (!crowd.awaitDone(options.timeoutSeconds)) {
                    System.out.printf(Locale.ROOT, "%s: %d of %d people did not finish in %d s%n", contender.label(),
                            crowd.unfinished(), options.people, options.timeoutSeconds);
                }
                double seconds = (System.nanoTime() - watch.firstGetUpdatesNanos.get()) / 1e9;
                long cpu = cpuMillis(bot.pid()) - cpuAtStart;
                long ownCpu = cpuMillis(ProcessHandle.current().pid()) - ownCpuAtStart;
                var ownThreads = threadCpu(ProcessHandle.current().pid());
                ownThreads.replaceAll((k, v) -> v - ownThreadsAtStart.getOrDefault(k, 0L));
                var threads = options.verbose ? threadCpu(bot.pid()) : null;
                double peakRss = peakRssMb(bot.pid());
                // The last tap's answerCallbackQuery may still be on its way when the result has arrived.
                for (int i = 0; i < 200 && watch.unansweredAndTwice()[0] > 0; i++) {
                    Thread.sleep(10);
                }
                int[] taps = watch.unansweredAndTwice();
                int extraScreens = crowd.extraScreens(); // before stopping: a send cut off by the stop is retried
                bot.destroy();
                bot.waitFor(30, TimeUnit.SECONDS); // a JVM writing its class-data archive takes a few seconds
                var waits = new java.util.LinkedHashMap<String, double[]>();
                waits.put(ROWS.get(0), crowd.allWaitsMillis());
                waits.put(ROWS.get(1), crowd.firstBurstMillis());
                for (var step : Crowd.Step.values()) {
                    waits.put(step.label, crowd.waitsMillis(step));
                }
                waits.put(BOT_PART, crowd.botPartsMillis());
                int updates = waits.get(ROWS.get(0)).length;
                if (options.verbose) {
                    System.out.printf(Locale.ROOT, "      %s: the stand-in and the people (this JVM) took %.3f ms of CPU per update%n",
                            contender.label(), (double) ownCpu / updates);
                    ownThreads.entrySet().stream().filter(e -> e.getValue() > 0).sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(8)
                            .forEach(e -> System.out.printf(Locale.ROOT, "        this JVM %-28s %.3f ms/update%n", e.getKey(), (double) e.getValue() / updates));
                    double[] turns = watch.takeTurnaroundsMillis();
                    System.out.printf(Locale.ROOT, "      %s: from a batch of updates to the next getUpdates: p50 %.1f ms, p95 %.1f ms (%d polls)%n",
                            contender.label(), percentile(turns, 50), percentile(turns, 95), turns.length);
                    System.out.printf(Locale.ROOT, "      %s: first batches %s; first burst p5 %.0f, p25 %.0f, p50 %.0f, p75 %.0f ms%n",
                            contender.label(), watch.batches, percentile(waits.get(ROWS.get(1)), 5), percentile(waits.get(ROWS.get(1)), 25),
                            percentile(waits.get(ROWS.get(1)), 50), percentile(waits.get(ROWS.get(1)), 75));
                    threads.replaceAll((k, v) -> v - threadsAtStart.getOrDefault(k, 0L));
                    threads.entrySet().stream().filter(e -> e.getValue() > 0).sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                            .forEach(e -> System.out.printf(Locale.ROOT, "      %-28s %.3f ms/update%n", e.getKey(), (double) e.getValue() / updates));
                }
                var calls = watch.takeCalls();
                if (options.verbose) {
                    System.out.printf(Locale.ROOT, "      %s: Bot API calls besides getUpdates %s%n", contender.label(), calls);
                }
                double callsPerUpdate = (double) calls.values().stream().mapToLong(Long::longValue).sum() / updates;
                int lost = taps[0] + (int) crowd.unfinished() + (Files.exists(db) ? leftInInbox(db) : 0);
                return new Figures(contender.label(), options.people, options.delay, updates / seconds, waits,
                        (double) cpu / updates, callsPerUpdate, peakRss, startupMs, lost, taps[1] + extraScreens);
            } finally {
                bot.destroyForcibly();
            }
        }
    }

    /** Updates received into SpotCheck's durable inbox and never handled: lost if the bot had crashed. */
    static int leftInInbox(Path db) {
        try (var database = Database.open(db)) {
            return database.inTransaction(c -> {
                try (var s = c.createStatement(); var rs = s.executeQuery("SELECT count(*) FROM inbox")) {
                    return rs.getInt(1);
                }
            });
        }
    }

    private static void printRun(int run, Figures f) {
        System.out.printf(Locale.ROOT, "run %d %-10s %7.1f updates/s  p50 %5.0f  p95 %5.0f  p99 %5.0f ms  /start p95 %5.0f"
                        + "  first burst p95 %5.0f ms  cpu %.3f ms/update  RSS %5.1f MB  start %4.0f ms  lost %d  twice %d%n",
                run, f.label(), f.updatesPerSecond(), f.p(ROWS.get(0), 50), f.p(ROWS.get(0), 95), f.p(ROWS.get(0), 99),
                f.p("/start", 95), f.p(ROWS.get(1), 95), f.cpuMsPerUpdate(), f.peakRssMb(), f.startupMs(), f.lost(), f.doubled());
    }

    /** Medians of the runs per contender, side by side, with the ratio to the first; then the histograms. */
    static void report(Map<String, List<Figures>> results, Options options) {
        var labels = new ArrayList<>(results.keySet());
        var out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%nMedians of %d runs (waits in ms, from the update to the screen it brings)%n", options.runs));
        out.append(String.format(Locale.ROOT, "| %-28s |", "figure"));
        for (String label : labels) {
            out.append(String.format(Locale.ROOT, " %10s |", label));
        }
        if (labels.size() > 1) {
            for (String label : labels.subList(1, labels.size())) {
                out.append(String.format(Locale.ROOT, " %s ÷ %s |", labels.get(0), label));
            }
        }
        out.append("\n|---|").append("---|".repeat(labels.size() * 2 - 1)).append("\n");
        row(out, "updates/s", results, labels, Figures::updatesPerSecond, "%.0f");
        for (String row : ROWS) {
            for (double p : new double[] {50, 95, 99}) {
                row(out, row + " p" + (int) p, results, labels, f -> f.p(row, p), "%.0f");
            }
        }
        // In a closed loop, updates/s = people / mean wait (Little's law): the means show how far the bot's
        // own part, and so the bot, can move the throughput at all.
        row(out, "all steps mean", results, labels, f -> mean(f.waits().get(ROWS.get(0))), "%.0f");
        row(out, BOT_PART + " mean", results, labels, f -> mean(f.waits().get(BOT_PART)), "%.0f");
        row(out, "CPU ms per update", results, labels, Figures::cpuMsPerUpdate, "%.3f");
        row(out, "Bot API calls per update", results, labels, Figures::callsPerUpdate, "%.2f");
        row(out, "peak RSS MB", results, labels, Figures::peakRssMb, "%.0f");
        row(out, "start to first getUpdates ms", results, labels, Figures::startupMs, "%.0f");
        row(out, "lost (all runs)", results, labels, f -> f.lost(), "%.0f");
        row(out, "applied twice (all runs)", results, labels, f -> f.doubled(), "%.0f");
        System.out.print(out);
        for (String label : labels) {
            System.out.println();
            System.out.print(histogram(label, results.get(label)));
        }
    }

    private static void row(StringBuilder out, String name, Map<String, List<Figures>> results, List<String> labels,
                            java.util.function.ToDoubleFunction<Figures> figure, String format) {
        boolean sum = name.startsWith("lost") || name.startsWith("applied");
        var values = new ArrayList<Double>();
        out.append(String.format(Locale.ROOT, "| %-28s |", name));
        for (String label : labels) {
            var runs = results.get(label);
            double value = sum ? runs.stream().mapToDouble(figure).sum() : med(runs, figure);
            values.add(value);
            out.append(String.format(Locale.ROOT, " %10s |", String.format(Locale.ROOT, format, value)));
        }
        for (int i = 1; i < values.size(); i++) {
            out.append(sum ? "  |" : String.format(Locale.ROOT, " %.2f |", values.get(0) / values.get(i)));
        }
        out.append("\n");
    }

    /** Every run's waits of all steps together, in 25 ms buckets: where the tail lies. */
    static String histogram(String label, List<Figures> runs) {
        var all = runs.stream().flatMapToDouble(f -> Arrays.stream(f.waits().get(ROWS.get(0)))).sorted().toArray();
        int bucket = 25;
        int buckets = 24; // the last holds everything from 575 ms on
        var counts = new int[buckets];
        for (double w : all) {
            counts[Math.min(buckets - 1, (int) (w / bucket))]++;
        }
        int most = Arrays.stream(counts).max().orElse(1);
        var out = new StringBuilder(String.format(Locale.ROOT, "%s: %d steps; p50 %.0f, p90 %.0f, p95 %.0f, p99 %.0f, p99.9 %.0f, max %.0f ms%n",
                label, all.length, percentile(all, 50), percentile(all, 90), percentile(all, 95), percentile(all, 99),
                percentile(all, 99.9), percentile(all, 100)));
        for (int i = 0; i < buckets; i++) {
            if (counts[i] == 0 && i > 0 && Arrays.stream(counts, i, buckets).sum() == 0) {
                break;
            }
            String range = i == buckets - 1 ? String.format(Locale.ROOT, "%4d+     ", i * bucket)
                    : String.format(Locale.ROOT, "%4d-%-4d ", i * bucket, (i + 1) * bucket);
            out.append(String.format(Locale.ROOT, "  %s %6.2f%% %s%n", range, 100.0 * counts[i] / all.length,
                    "#".repeat((int) Math.ceil(50.0 * counts[i] / most))));
        }
        return out.toString();
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

    static double percentile(double[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    static double mean(double[] values) {
        return Arrays.stream(values).average().orElse(Double.NaN);
    }

    private static double med(List<Figures> runs, java.util.function.ToDoubleFunction<Figures> f) {
        double[] values = runs.stream().mapToDouble(f).sorted().toArray();
        return values[values.length / 2];
    }

    private static String javaBin(String tool) {
        return Path.of(System.getProperty("java.home"), "bin", tool).toString();
    }

    /** Command-line options; defaults are the documented workload. */
    static final class Options {
        int people = 200;
        int delay = 50;
        /** getUpdates' own delay when it has updates to hand out; the same as every other call's unless given. */
        int pollDelay = -1;
        int checks = 12;
        int runs = 3;
        long timeoutSeconds = 900;
        String jar = "target/spotcheck-bot.jar";
        /** The Procfile's flags and environment, so the figures are the deployed bot's. */
        String botArgs = "";
        Map<String, String> botEnvironment = new java.util.TreeMap<>();
        /** Other bots on the same workload: label=command (words split at spaces). */
        List<String> also = new ArrayList<>();
        /** Also the bot's turnaround between polls and its CPU by thread. */
        boolean verbose;

        int pollDelay() {
            return pollDelay < 0 ? delay : pollDelay;
        }

        List<String> botFlags() {
            return botArgs.isBlank() ? List.of() : List.of(botArgs.split(";")); // ";" between flags: a space would end the option
        }

        List<Contender> contenders() {
            if (!Files.exists(Path.of(jar))) {
                throw new IllegalStateException(jar + " is missing: run mvn -B package first");
            }
            var list = new ArrayList<Contender>();
            var command = new ArrayList<>(List.of(javaBin("java")));
            command.addAll(botFlags());
            command.addAll(List.of("-jar", jar));
            list.add(new Contender("SpotCheck", command, botEnvironment));
            for (String other : also) {
                int eq = other.indexOf('=');
                var words = List.of(other.substring(eq + 1).trim().split("\\s+"));
                list.add(new Contender(other.substring(0, eq), words, botEnvironment));
            }
            return list;
        }

        /**
         * Reads the JVM settings the Procfile's worker sources ("worker: set -a && . deploy/jvm.env && ... java
         * $SPOTCHECK_JAVA_OPTS -jar ..."), so the benchmark never drifts from the deployment.
         */
        void readProcfile(Path procfile) {
            try {
                String worker = Files.readAllLines(procfile).stream().filter(l -> l.startsWith("worker:")).findFirst()
                        .orElseThrow(() -> new IllegalStateException("no worker line in " + procfile));
                var sourced = java.util.regex.Pattern.compile("\\. (\\S+)").matcher(worker);
                if (!sourced.find() || !worker.contains("$SPOTCHECK_JAVA_OPTS")) {
                    throw new IllegalStateException("the worker of " + procfile + " takes no flags from a settings file");
                }
                for (String line : Files.readAllLines(procfile.resolveSibling(sourced.group(1)))) {
                    if (line.isBlank() || line.startsWith("#")) {
                        continue;
                    }
                    String name = line.substring(0, line.indexOf('='));
                    String value = line.substring(line.indexOf('=') + 1).replaceAll("^\"|\"$", "");
                    if (name.equals("SPOTCHECK_JAVA_OPTS")) {
                        botArgs = String.join(";", value.trim().split("\\s+"));
                    } else {
                        botEnvironment.put(name, value);
                    }
                }
                // Flags written on the worker line itself: the class-data archive, which sits beside the jar, is
                // named as the shell would, only when it is there ("$(test -f ARCHIVE && echo FLAG)").
                var ifThere = java.util.regex.Pattern.compile("\\$\\(test -f (\\S+) && echo (\\S+)\\)").matcher(worker);
                String plain = worker;
                while (ifThere.find()) {
                    plain = plain.replace(ifThere.group(), "");
                    if (Files.exists(procfile.resolveSibling(ifThere.group(1)))) {
                        botArgs += ";" + ifThere.group(2);
                    }
                }
                var words = List.of(plain.split("\\s+"));
                int from = words.indexOf("$SPOTCHECK_JAVA_OPTS") + 1;
                for (String flag : words.subList(from, words.indexOf("-jar"))) {
                    botArgs += ";" + flag;
                }
            } catch (IOException e) {
                throw new IllegalStateException("cannot read " + procfile, e);
            }
        }

        static Options parse(String[] args) {
            var o = new Options();
            o.readProcfile(Path.of("Procfile"));
            for (int i = 0; i < args.length; i++) {
                String value = i + 1 < args.length ? args[i + 1] : "";
                switch (args[i]) {
                    case "--people" -> { o.people = Integer.parseInt(value); i++; }
                    case "--delay" -> { o.delay = Integer.parseInt(value); i++; }
                    case "--poll-delay" -> { o.pollDelay = Integer.parseInt(value); i++; }
                    case "--checks" -> { o.checks = Integer.parseInt(value); i++; }
                    case "--runs" -> { o.runs = Integer.parseInt(value); i++; }
                    case "--timeout" -> { o.timeoutSeconds = Long.parseLong(value); i++; }
                    case "--jar" -> { o.jar = value; i++; }
                    case "--bot-args" -> { o.botArgs = value; i++; }
                    case "--also" -> { o.also.add(value); i++; }
                    case "--verbose" -> o.verbose = true;
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
            return o;
        }
    }
}
