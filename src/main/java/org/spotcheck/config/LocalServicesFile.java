package org.spotcheck.config;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.spotcheck.text.LocalServices;
import org.spotcheck.text.LocalServices.Service;
import org.spotcheck.text.Texts;

/**
 * Reads the local services file named by SPOTCHECK_SERVICES. Its keys are a service or
 * screening_start_age, alone (for every language) or after a language code (for that language,
 * winning over the key alone): {@code emergency=999}, {@code en.clinic=https://…},
 * {@code screening_start_age=25}, {@code es.screening_start_age=21}. Anything it cannot use stops
 * the start, naming the file and the key: a mistake here would send someone to a wrong number.
 */
final class LocalServicesFile {

    static final String SCREENING_START_AGE = "screening_start_age";

    /**
     * Programmes start between 20 and 30 (21 in the US, 25 in England); 16, where the age question's
     * answers begin, is the lowest that can mean anything. Outside this it is a typing mistake.
     */
    static final int YOUNGEST_SCREENING_START = 16;
    static final int OLDEST_SCREENING_START = 30;

    /** A phone number, a name with a number, or a link: short enough to sit inside a sentence. */
    static final int LONGEST_VALUE = 200;

    /** Any link, such as http:// or tel://; only https:// is sure to reach the right page. */
    private static final Pattern LINK = Pattern.compile("\\b[A-Za-z][A-Za-z0-9+.-]*://");

    private LocalServicesFile() {
    }

    static LocalServices read(Path path) {
        var file = Lines.read(path);
        var everyLanguage = new EnumMap<Service, String>(Service.class);
        var byLanguage = new HashMap<String, Map<Service, String>>();
        var ages = new HashMap<String, Integer>();
        int age = LocalServices.DEFAULT_SCREENING_START_AGE;
        for (String key : file.keys()) {
            var problem = new Problem(path, key);
            String value = value(file, problem);
            int dot = key.indexOf('.');
            String language = dot < 0 ? null : key.substring(0, dot);
            String name = key.substring(dot + 1);
            if (language != null && !Texts.LANGUAGES.contains(language)) {
                throw problem.is("names an unknown language \"" + language + "\"; the languages are "
                        + String.join(", ", Texts.LANGUAGES));
            }
            if (name.equals(SCREENING_START_AGE)) {
                int years = age(value, problem);
                if (language == null) {
                    age = years;
                } else {
                    ages.put(language, years);
                }
                continue;
            }
            var service = Service.of(name).orElseThrow(() -> problem.is("is not a key SpotCheck knows; use "
                    + known() + " or " + SCREENING_START_AGE + ", alone or after a language code, like en.emergency"));
            checkService(service, value, problem);
            if (language == null) {
                everyLanguage.put(service, value);
            } else {
                byLanguage.computeIfAbsent(language, l -> new EnumMap<>(Service.class)).put(service, value);
            }
        }
        var named = new HashMap<String, Map<Service, String>>();
        for (String language : Texts.LANGUAGES) {
            var services = new EnumMap<Service, String>(everyLanguage);
            services.putAll(byLanguage.getOrDefault(language, Map.of()));
            named.put(language, services);
        }
        return new LocalServices(named, ages, age);
    }

    /** The key's one value, trimmed. */
    private static String value(Lines file, Problem problem) {
        if (file.twice().contains(problem.key())) {
            throw problem.is("is given more than once; keep one line for it");
        }
        String raw = file.properties().getProperty(problem.key());
        String value = raw == null ? "" : raw.strip();
        if (value.isEmpty()) {
            throw problem.is("is empty; give a value or leave the line out to use the general words");
        }
        if (value.length() > LONGEST_VALUE) {
            throw problem.is("is longer than " + LONGEST_VALUE + " characters");
        }
        if (value.chars().anyMatch(c -> Character.isISOControl(c) || c == '{' || c == '}')) {
            throw problem.is("must be one line of plain text, without { or }");
        }
        return value;
    }

    private static int age(String value, Problem problem) {
        try {
            int years = Integer.parseInt(value);
            if (years >= YOUNGEST_SCREENING_START && years <= OLDEST_SCREENING_START) {
                return years;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw problem.is("must be an age in whole years from " + YOUNGEST_SCREENING_START + " to "
                + OLDEST_SCREENING_START + ", like 25");
    }

    private static void checkService(Service service, String value, Problem problem) {
        if (service == Service.CLINIC && !httpsLink(value)) {
            throw problem.is("must be one https link to a page that finds a clinic, like"
                    + " https://www.nhs.uk/service-search/sexual-health-services/find-a-sexual-health-clinic");
        }
        if (service == Service.TESTKIT && !httpsLink(value)) {
            throw problem.is("must be one https link to a page that orders a free home STI test kit, like"
                    + " https://sh24.org.uk");
        }
        var links = LINK.matcher(value);
        while (links.find()) {
            if (!links.group().equalsIgnoreCase("https://")) {
                throw problem.is("has a link that does not start with https://");
            }
        }
    }

    private static boolean httpsLink(String value) {
        try {
            var uri = new URI(value);
            return "https".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static String known() {
        var keys = new ArrayList<String>();
        for (Service service : Service.values()) {
            keys.add(service.key());
        }
        return String.join(", ", keys);
    }

    /**
     * The file read as java.util.Properties: a plain key=value format with nothing that reads other
     * files or expands values. It would keep only the last of two lines for one key, so those are noted.
     */
    private record Lines(Properties properties, Set<String> twice) {

        static Lines read(Path path) {
            if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
                throw new SettingsException(SettingsLoader.SERVICES + ": cannot read the local services file " + path);
            }
            var twice = new TreeSet<String>();
            var properties = new Properties() {
                @Override
                public synchronized Object put(Object key, Object value) {
                    if (containsKey(key)) {
                        twice.add((String) key);
                    }
                    return super.put(key, value);
                }
            };
            try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
                properties.load(reader);
            } catch (java.nio.charset.CharacterCodingException e) {
                throw SettingsLoader.notUtf8(SettingsLoader.SERVICES, "the local services file", path);
            } catch (IOException | IllegalArgumentException e) {
                throw new SettingsException(SettingsLoader.SERVICES + ": cannot read the local services file " + path
                        + " (" + e.getClass().getSimpleName() + ")");
            }
            return new Lines(properties, twice);
        }

        /** Sorted, so the same file always reports the same first problem. */
        Set<String> keys() {
            return new TreeSet<>(properties.stringPropertyNames());
        }
    }

    /** One line naming the file and the key, never the value. */
    private record Problem(Path file, String key) {
        SettingsException is(String what) {
            return new SettingsException(SettingsLoader.SERVICES + ": in " + file + ", " + key + " " + what);
        }
    }
}
