package org.spotcheck;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
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
import org.spotcheck.store.StoreException;
import org.spotcheck.store.KeyCheck;
import org.spotcheck.telegram.BotProbe;
import org.spotcheck.text.LocalServices;
import org.spotcheck.text.Messages;
import org.spotcheck.text.Texts;

/**
 * --check: everything the bot needs before going live, tried once with short timeouts: the settings,
 * the database (opened and migrated), the secret, the Bot API and the token; then what the bot will
 * serve: where the secret is, the places to go its texts name. The first problem stops it with a
 * SettingsException or StoreException naming the setting (exit status 2); warnings do not.
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
        } catch (StoreException e) {
            throw e; // a database newer than this release: named and explained by the store
        } catch (RuntimeException e) {
            throw new SettingsException(SettingsLoader.DATABASE + ": " + e.getMessage());
        }
        try (database) {
            out.println("ok       database " + file.toAbsolutePath() + " (schema version " + database.version() + ")");
            var secret = Secret.of(settings.secret(), settings.secretFile(), KeyCheck.salt(database));
            KeyCheck.verify(database, secret); // a wrong secret: a StoreException, exit status 2
            out.println("ok       secret: " + where(secret));
        }
        String username = BotProbe.username(settings.token().orElseThrow(), settings.apiUrl(), TIMEOUT);
        out.println("ok       Bot API at " + settings.apiUrl() + ": the token belongs to @" + username);
        out.println("serves   languages " + String.join(", ", Texts.LANGUAGES) + "; reminder delays "
                + settings.reminderDelays().stream().map(Preflight::delay).collect(Collectors.joining(", ")));
        out.println("keeps    unfinished checks " + days(Retention.UNFINISHED_CHECK) + ", finished checks "
                + days(Retention.FINISHED_CHECK) + ", remembered checks " + days(Retention.REMEMBERED_CHECK)
                + ", usage counters " + Counters.KEPT.getYears() + " years");
        services(settings.services(), out);
        out.println("Ready: start the bot (README, Deploying).");
        return 0;
    }

    /** Where the secret is, never what it is; a file made just now must be kept from now on. */
    private static String where(Secret secret) {
        return secret.file().map(file -> "the file " + file.toAbsolutePath() + (secret.generatedFile().isPresent()
                        ? ", created just now: keep it, apart from the data and its backups; without it the data cannot be read"
                        : ""))
                .orElse("the passphrase from " + SettingsLoader.SECRET);
    }

    /**
     * The places the texts send people to, per language, as a clinic would confirm them before going
     * live: each service the deployment names, or the general words the texts use instead.
     */
    private static void services(LocalServices services, PrintStream out) {
        out.println(services.equals(LocalServices.NONE)
                ? "texts    no local services file (" + SettingsLoader.SERVICES + "): every place to go in general words"
                : "texts    name these places to go (" + SettingsLoader.SERVICES + "), per language:");
        var writtenIn = new LinkedHashMap<String, Messages>(); // each language's file read once, not once per service
        Texts.LANGUAGES.forEach(language -> writtenIn.put(language, Messages.asWritten(language)));
        for (var service : LocalServices.Service.values()) {
            var said = new LinkedHashMap<String, List<String>>();
            for (String language : Texts.LANGUAGES) {
                String named = services.named(language).get(service);
                var written = writtenIn.get(language);
                String words = named != null ? named
                        : written.has(service.genericKey()) ? "the general words \"" + written.get(service.genericKey()) + "\""
                        : "not named: its texts are left out";
                said.computeIfAbsent(words, w -> new ArrayList<>()).add(language);
            }
            out.println(row(service.key(), said));
        }
        var ages = new LinkedHashMap<String, List<String>>();
        for (String language : Texts.LANGUAGES) {
            ages.computeIfAbsent(String.valueOf(services.screeningStartAge(language)), a -> new ArrayList<>()).add(language);
        }
        out.println(row("screening_start_age", ages));
    }

    /** One value alone when every language says the same; else each value after its languages. */
    private static String row(String key, Map<String, List<String>> byValue) {
        String values = byValue.size() == 1 ? byValue.keySet().iterator().next()
                : byValue.entrySet().stream().map(e -> String.join(", ", e.getValue()) + ": " + e.getKey())
                        .collect(Collectors.joining("; "));
        return String.format(Locale.ROOT, "           %-20s %s", key, values);
    }

    /** "2 days" for whole days, ISO-8601 otherwise (as the setting is written). */
    private static String delay(Duration duration) {
        return duration.toSeconds() % 86_400 == 0 ? days(duration) : duration.toString();
    }

    private static String days(Duration duration) {
        return duration.toDays() + " days";
    }
}
