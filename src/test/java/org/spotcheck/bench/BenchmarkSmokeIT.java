package org.spotcheck.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** The crowd benchmark with a handful of people, so a broken benchmark shows up in CI. */
class BenchmarkSmokeIT {

    @Test
    void aSmallCrowdFinishesWithEveryAnswerAppliedOnce() throws Exception {
        var options = Benchmark.Options.parse(new String[] {"--people", "5", "--delays", "0", "--runs", "1",
                "--warmup", "1", "--checks", "1", "--no-baseline"});
        var jar = Path.of(System.getProperty("basedir", ".")).resolve("target/spotcheck-bot.jar");

        var figures = Benchmark.spotcheck(jar, options, 5, 0);

        assertThat(figures.lost()).isZero();
        assertThat(figures.doubled()).isZero();
        assertThat(figures.updatesPerSecond()).isPositive();
        assertThat(figures.startupMs()).isPositive();
    }
}
