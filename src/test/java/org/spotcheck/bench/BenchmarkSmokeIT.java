package org.spotcheck.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The crowd benchmark with a handful of people, so a broken benchmark shows up in CI. */
class BenchmarkSmokeIT {

    @Test
    void aSmallCrowdFinishesWithEveryUpdateAppliedOnce() throws Exception {
        var jar = System.getProperty("basedir", ".") + "/target/spotcheck-bot.jar";
        var options = Benchmark.Options.parse(new String[] {"--people", "5", "--delay", "0", "--checks", "2",
                "--runs", "1", "--jar", jar});

        var figures = Benchmark.run(options.contenders().get(0), options);

        assertThat(figures.lost()).isZero();
        assertThat(figures.doubled()).isZero();
        assertThat(figures.waits().get("result")).hasSize(5 * 2);
        assertThat(figures.startupMs()).isPositive();
    }
}
