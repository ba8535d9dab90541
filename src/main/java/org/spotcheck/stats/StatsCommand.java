package org.spotcheck.stats;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;

import org.spotcheck.config.SettingsException;
import org.spotcheck.config.SettingsLoader;
import org.spotcheck.store.Counters;
import org.spotcheck.store.Database;

/** --stats [--json]: the operator's figures from the week counters of the bot's database. */
public final class StatsCommand {

    private StatsCommand() {
    }

    public static int run(Path database, boolean json, PrintStream out, Clock clock) {
        // Opening would create an empty database: a mistyped path must not look like "nothing counted".
        if (!Files.isRegularFile(database)) {
            throw new SettingsException(SettingsLoader.DATABASE + ": there is no database at " + database.toAbsolutePath()
                    + " (run --stats with the bot's own settings, as its user; README, Deploying)");
        }
        try (var db = Database.open(database)) {
            var counters = new Counters();
            var report = UsageReport.of(db.inTransaction(counters::all), clock.instant().atZone(ZoneOffset.UTC).toLocalDate());
            out.println(json ? report.json() : report.text());
        }
        return 0;
    }
}
