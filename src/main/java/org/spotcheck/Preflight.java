package org.spotcheck;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

import org.spotcheck.config.Settings;
import org.spotcheck.config.SettingsException;
import org.spotcheck.config.SettingsLoader;
import org.spotcheck.store.Counters;
import org.spotcheck.store.DataFolder;
import org.spotcheck.store.Database;
import org.spotcheck.store.Retention;
import org.spotcheck.store.Secret;
import org.spotcheck.store.KeyCheck;
import org.spotcheck.telegram.BotProbe;
import org.spotcheck.text.Texts;

/**
 * --check: everything the bot needs before going live, tried once with short timeouts: the settings,
 * the database (opened and migrated), the secret, the Bot API and the token. The first problem
 * stops it with a SettingsException naming the setting (exit status 2); warnings do not.
 */
final class Preflight {

    static final Duration TIMEOUT = Duration.ofSeconds(5);

    private Preflight() {
    }

    static int run(Settings settings, Map<String, String> environment, PrintStream out) {
        out.println("SpotCheck pre-flight check");
        var file = settings.database();
        DataFolder.unwritable(file).ifPresent(why -> {
            throw new SettingsException(SettingsLoader.DATABASE + ": " + why);
        });
        DataFolder.ephemeral(file, environment).ifPresent(why -> out.println("WARNING  data will be lost: " + why));
        DataFolder.ownedByAnother(file).ifPresent(why -> out.println("WARNING  " + why));
        Database database;
        try {
            database = Database.open(file);
        } catch (RuntimeException e) {
            throw new SettingsException(SettingsLoader.DATABASE + ": " + e.getMessage());
        }
        try (database) {
            out.println("ok       database " + file.toAbsolutePath() + " (schema version " + database.version() + ")");
            Secret secret;
            try {
                secret = Secret.of(settings.secret(), settings.secretFile());
            } catch (RuntimeException e) {
                throw new SettingsException(SettingsLoader.SECRET + ": " + e.getMessage());
            }
            KeyCheck.verify(database, secret); // a wrong secret is a settings error, exit status 2
            out.println("ok       secret");
        }
        String username = BotProbe.username(settings.token().orElseThrow(), settings.apiUrl(), TIMEOUT);
        out.println("ok       Bot API at " + settings.apiUrl() + ": the token belongs to @" + username);
        out.println("serves   languages " + String.join(", ", Texts.LANGUAGES) + "; reminder delays "
                + settings.reminderDelays().stream().map(Preflight::delay).collect(Collectors.joining(", ")));
        out.println("services " + services(settings.services()));
        out.println("keeps    unfinished checks " + days(Retention.UNFINISHED_CHECK) + ", finished checks "
                + days(Retention.FINISHED_CHECK) + ", remembered checks " + days(Retention.REMEMBERED_CHECK)
                + ", usage counters " + Counters.KEPT.getYears() + " years");
        out.println("Ready: start the bot (README, Deploying).");
        return 0;
    }

    /**
     * The local services the deployment names (any language), the test kit among them, and the
     * screening start age: so an operator sees before going live what the texts will point to.
     */
    private static String services(org.spotcheck.text.LocalServices services) {
        var named = new java.util.TreeSet<String>();
        for (String language : Texts.LANGUAGES) {
            services.named(language).keySet().forEach(service -> named.add(service.key()));
        }
        return (named.isEmpty() ? "none named (the texts use general words)" : "named: " + String.join(", ", named))
                + "; screening from age " + services.screeningStartAge();
    }

    /** "2 days" for whole days, ISO-8601 otherwise (as the setting is written). */
    private static String delay(Duration duration) {
        return duration.toSeconds() % 86_400 == 0 ? days(duration) : duration.toString();
    }

    private static String days(Duration duration) {
        return duration.toDays() + " days";
    }
}
