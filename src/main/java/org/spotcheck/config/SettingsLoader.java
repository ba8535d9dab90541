package org.spotcheck.config;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.apache.commons.configuration2.CompositeConfiguration;
import org.apache.commons.configuration2.Configuration;
import org.apache.commons.configuration2.MapConfiguration;
import org.apache.commons.configuration2.PropertiesConfiguration;
import org.apache.commons.configuration2.ex.ConfigurationException;
import org.spotcheck.text.LocalServices;

/**
 * Reads settings with Apache Commons Configuration: the environment wins over the file named by
 * SPOTCHECK_CONFIG, which wins over the built-in defaults. The file uses the same names.
 */
public final class SettingsLoader {

    public static final String TOKEN = "TELEGRAM_BOT_TOKEN";
    public static final String API_URL = "TELEGRAM_API_URL";
    public static final String DATABASE = "SPOTCHECK_DB";
    public static final String SECRET = "SPOTCHECK_SECRET";
    public static final String SECRET_FILE = "SPOTCHECK_SECRET_FILE";
    /** systemd's LoadCredential= puts credentials here; ours is named {@link #CREDENTIAL}. */
    static final String CREDENTIALS_DIRECTORY = "CREDENTIALS_DIRECTORY";
    static final String CREDENTIAL = "spotcheck-secret";
    public static final String CONFIG = "SPOTCHECK_CONFIG";
    public static final String REMINDER_DELAYS = "SPOTCHECK_REMINDER_DELAYS";
    public static final String SERVICES = "SPOTCHECK_SERVICES";

    public static final String LOG_FORMAT = "SPOTCHECK_LOG_FORMAT";
    public static final String LOG_LEVEL = "SPOTCHECK_LOG_LEVEL";
    /** set: the bot's description and short description from messages/; keep: as set in BotFather. */
    public static final String BOT_DESCRIPTION = "SPOTCHECK_BOT_DESCRIPTION";

    static final Map<String, Object> DEFAULTS = Map.of(
            API_URL, "https://api.telegram.org",
            DATABASE, "data/spotcheck.db",
            REMINDER_DELAYS, "P2D,P7D",
            LOG_FORMAT, "text",
            LOG_LEVEL, "info",
            BOT_DESCRIPTION, "set");

    /** A reminder button per delay: a few fit on a phone, and a reminder later than a season helps nobody. */
    private static final int MAX_DELAYS = 4;
    private static final Duration LONGEST_DELAY = Duration.ofDays(90);

    /** What @BotFather hands out: the bot's number, a colon, then 35 letters, digits, - or _. */
    private static final Pattern TOKEN_SHAPE = Pattern.compile("\\d{5,12}:[A-Za-z0-9_-]{30,64}");
    private static final int MIN_SECRET_LENGTH = 16;

    private SettingsLoader() {
    }

    /** The log settings' values: what LogSetup knows how to apply. */
    private static final Set<String> LOG_FORMATS = Set.of("text", "json");
    private static final Set<String> LOG_LEVELS = Set.of("error", "warn", "info", "debug");

    public static Settings load(Map<String, String> environment) {
        Configuration config = layers(environment);
        Path database = database(config.getString(DATABASE));
        return new Settings(
                token(config),
                apiUrl(config.getString(API_URL)),
                database,
                secret(config),
                secretFile(config, environment, database),
                reminderDelays(config.getString(REMINDER_DELAYS)),
                services(config.getString(SERVICES)),
                oneOf(config, LOG_FORMAT, LOG_FORMATS),
                oneOf(config, LOG_LEVEL, LOG_LEVELS),
                oneOf(config, BOT_DESCRIPTION, Set.of("set", "keep")).equals("keep"));
    }

    /**
     * A setting with a few values, e.g. a log setting: Logback would quietly fall back on a value it
     * does not know (or log nothing at all), so a wrong one stops the program like any setting.
     */
    private static String oneOf(Configuration config, String name, Set<String> allowed) {
        String value = config.getString(name).strip();
        if (!allowed.contains(value)) {
            throw new SettingsException(name + " must be one of " + String.join(", ", new TreeSet<>(allowed)));
        }
        return value;
    }

    private static Configuration layers(Map<String, String> environment) {
        var layers = new CompositeConfiguration();
        // Values are taken literally: "${...}" in a secret or a path must not be expanded.
        layers.setInterpolator(null);
        layers.addConfiguration(new MapConfiguration(Map.copyOf(environment)));
        String file = environment.get(CONFIG);
        if (file != null && !file.isBlank()) {
            layers.addConfiguration(file(Path.of(file)));
        }
        layers.addConfiguration(new MapConfiguration(DEFAULTS));
        return layers;
    }

    private static PropertiesConfiguration file(Path path) {
        if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
            throw new SettingsException(CONFIG + ": cannot read the settings file " + path);
        }
        var properties = new PropertiesConfiguration();
        // A comma in a value (e.g. a list of delays) is the value's own business, not a list split.
        properties.setListDelimiterHandler(new org.apache.commons.configuration2.convert.DisabledListDelimiterHandler());
        try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            properties.read(reader);
        } catch (java.nio.charset.CharacterCodingException e) {
            throw notUtf8(CONFIG, "the settings file", path);
        } catch (IOException | ConfigurationException e) {
            if (e.getCause() instanceof java.nio.charset.CharacterCodingException) {
                throw notUtf8(CONFIG, "the settings file", path);
            }
            throw new SettingsException(CONFIG + ": cannot read the settings file " + path + " (" + e.getMessage() + ")");
        }
        return properties;
    }

    /** A file saved in another encoding (Latin-1, UTF-16): the reader's own words name neither file nor fix. */
    static SettingsException notUtf8(String setting, String what, Path path) {
        return new SettingsException(setting + ": " + what + " " + path + " is not UTF-8 text; save it as UTF-8");
    }

    private static Optional<String> token(Configuration config) {
        String token = blankToNull(config.getString(TOKEN));
        if (token != null && !TOKEN_SHAPE.matcher(token).matches()) {
            throw new SettingsException(TOKEN + " does not look like a bot token (digits, a colon, then about"
                    + " 35 letters): copy it again from @BotFather");
        }
        return Optional.ofNullable(token);
    }

    private static URI apiUrl(String value) {
        try {
            var uri = new URI(value.strip());
            boolean web = "http".equals(uri.getScheme()) || "https".equals(uri.getScheme());
            boolean bare = uri.getRawPath() == null || uri.getRawPath().isEmpty() || uri.getRawPath().equals("/");
            if (!web || uri.getHost() == null || !bare || uri.getRawQuery() != null) {
                throw new URISyntaxException(value, "not a bare http(s) address");
            }
            if ("http".equals(uri.getScheme()) && !loopback(uri.getHost())) {
                // Every call carries the token in its path: in clear, only on this machine.
                throw new SettingsException(API_URL + " may use plain http only to this machine (127.0.0.1,"
                        + " [::1] or localhost); use https for any other host");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new SettingsException(API_URL + " must be an http or https address with no path,"
                    + " like https://api.telegram.org or http://127.0.0.1:8081");
        }
    }

    /** By its literal form only: a name other than localhost is never looked up, since DNS could lie. */
    private static boolean loopback(String host) {
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (h.equalsIgnoreCase("localhost")) {
            return true;
        }
        if (!h.matches("[0-9.]+|[0-9A-Fa-f:]+")) {
            return false;
        }
        try {
            return java.net.InetAddress.getByName(h).isLoopbackAddress(); // a literal: no lookup
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }

    private static Path database(String value) {
        if (value == null || value.isBlank()) {
            throw new SettingsException(DATABASE + " must name a database file, like data/spotcheck.db");
        }
        var path = Path.of(value.strip());
        if (Files.isDirectory(path)) {
            throw new SettingsException(DATABASE + " names a folder; it must name a file, like " + path.resolve("spotcheck.db"));
        }
        return path;
    }

    private static Optional<String> secret(Configuration config) {
        String secret = blankToNull(config.getString(SECRET));
        if (secret != null && secret.length() < MIN_SECRET_LENGTH) {
            throw new SettingsException(SECRET + " is too short: use at least " + MIN_SECRET_LENGTH
                    + " random characters, or leave it unset to have a secret file generated (" + SECRET_FILE + ")");
        }
        return Optional.ofNullable(secret);
    }

    /**
     * Where the secret file is, when SPOTCHECK_SECRET is not set: SPOTCHECK_SECRET_FILE; else the
     * systemd credential; else release 1's file beside the database, if there is one (so an upgrade
     * keeps its secret; the bot warns until it is moved); else the user's configuration folder,
     * apart from the data, so a copy of the data folder does not carry the secret with it.
     */
    private static Path secretFile(Configuration config, Map<String, String> environment, Path database) {
        String configured = blankToNull(config.getString(SECRET_FILE));
        if (configured != null) {
            return Path.of(configured);
        }
        String credentials = blankToNull(environment.get(CREDENTIALS_DIRECTORY));
        if (credentials != null && Files.exists(Path.of(credentials, CREDENTIAL))) {
            return Path.of(credentials, CREDENTIAL);
        }
        Path legacy = database.resolveSibling(database.getFileName() + ".secret");
        if (Files.exists(legacy)) {
            return legacy;
        }
        String xdg = blankToNull(environment.get("XDG_CONFIG_HOME"));
        Path base = xdg != null ? Path.of(xdg)
                : Path.of(environment.getOrDefault("HOME", System.getProperty("user.home")), ".config");
        return base.resolve("spotcheck").resolve("secret");
    }

    private static List<Duration> reminderDelays(String value) {
        var delays = new ArrayList<Duration>();
        for (String part : value.split(",")) {
            try {
                var delay = Duration.parse(part.strip());
                if (delay.isNegative() || delay.isZero() || delay.compareTo(LONGEST_DELAY) > 0) {
                    throw new DateTimeParseException("out of range", part, 0);
                }
                delays.add(delay);
            } catch (DateTimeParseException e) {
                throw new SettingsException(REMINDER_DELAYS + " must be a comma-separated list of ISO-8601 durations"
                        + " between 1 second and 90 days, like P2D,P7D or PT20S,P2D");
            }
        }
        if (delays.size() > MAX_DELAYS) {
            throw new SettingsException(REMINDER_DELAYS + " may list at most " + MAX_DELAYS + " delays");
        }
        return delays;
    }

    /** SPOTCHECK_SERVICES: the deployment's local services file; without one the texts stay general. */
    private static LocalServices services(String value) {
        String file = blankToNull(value);
        return file == null ? LocalServices.NONE : LocalServicesFile.read(Path.of(file));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
