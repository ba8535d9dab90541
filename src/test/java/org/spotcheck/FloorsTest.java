package org.spotcheck;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import org.junit.jupiter.api.Test;

/**
 * The packages stand on floors, and every import runs down: a package may use only packages on
 * the floors below its own, never one above and never one beside it on its floor. Read from the
 * compiled main classes, so a fully qualified name counts as much as an import line.
 */
class FloorsTest {

    private static final String ROOT = "org.spotcheck";

    /** Top to bottom; "" is the root package. */
    private static final List<List<String>> FLOORS = List.of(
            List.of(""),                                // Main, Application, Preflight: read the settings, wire the rest
            List.of("telegram", "console", "review"),   // the adapters: the Bot API, a terminal, the review documents
            List.of("chat"),                            // the use cases: a turn of a chat, reminders due
            List.of("stats", "log"),                    // usage counted and reported; logging and redaction
            List.of("store", "config"),                 // SQLite; the settings
            List.of("text"),                            // messages, languages, rendering
            List.of("check"));                          // the pure core: questions, answers, rules

    /** An import that breaks the floors and is known to, from one package to another. */
    private record KnownException(String from, String to) {
    }

    /**
     * The only imports allowed to break the floors, each removed by a branch merged beside this one
     * (delete the entry once merged): store -> stats (Counters uses stats.Usage; issue 19 moves it),
     * store -> config (SettingsException and SettingsLoader in Secret and KeyCheck; issue 20 gives
     * store exceptions of its own).
     */
    private static final List<KnownException> KNOWN_EXCEPTIONS = List.of();

    private static final JavaClasses MAIN_CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);

    @Test
    void everyImportRunsDownAFloor() {
        LayeredArchitecture floors = layeredArchitecture().consideringOnlyDependenciesInLayers();
        for (List<String> floor : FLOORS) {
            for (String name : floor) {
                floors = floors.layer(layer(name)).definedBy(name.isEmpty() ? ROOT : ROOT + "." + name + "..");
            }
        }
        List<String> below = new ArrayList<>();
        for (List<String> floor : reversed(FLOORS)) {
            for (String name : floor) {
                floors = below.isEmpty()
                        ? floors.whereLayer(layer(name)).mayNotAccessAnyLayer()
                        : floors.whereLayer(layer(name)).mayOnlyAccessLayers(below.toArray(String[]::new));
            }
            floor.forEach(name -> below.add(layer(name)));
        }
        for (KnownException known : KNOWN_EXCEPTIONS) {
            floors = floors.ignoreDependency(inPackage(known.from()), inPackage(known.to()));
        }
        floors.check(MAIN_CLASSES);
    }

    @Test
    void noPackagesImportEachOtherInACircle() {
        var rule = slices().assignedFrom(EACH_PACKAGE).should().beFreeOfCycles();
        for (KnownException known : KNOWN_EXCEPTIONS) {
            rule = rule.ignoreDependency(inPackage(known.from()), inPackage(known.to()));
        }
        rule.check(MAIN_CLASSES);
    }

    /** Every floor lists every package there is, so a new package has to be given its floor. */
    @Test
    void everyPackageHasAFloor() {
        List<String> placed = FLOORS.stream().flatMap(List::stream)
                .map(name -> name.isEmpty() ? ROOT : ROOT + "." + name).toList();
        var packages = MAIN_CLASSES.stream().map(JavaClass::getPackageName).distinct().sorted().toList();
        assertThat(placed).containsExactlyInAnyOrderElementsOf(packages);
    }

    private static <T> List<T> reversed(List<T> list) {
        var copy = new ArrayList<>(list);
        Collections.reverse(copy);
        return copy;
    }

    private static DescribedPredicate<JavaClass> inPackage(String name) {
        return resideInAPackage(ROOT + "." + name + "..");
    }

    private static String layer(String name) {
        return name.isEmpty() ? "root" : name;
    }

    private static final SliceAssignment EACH_PACKAGE = new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
            String name = javaClass.getPackageName();
            return name.startsWith(ROOT) ? SliceIdentifier.of(name) : SliceIdentifier.ignore();
        }

        @Override
        public String getDescription() {
            return "each package of " + ROOT;
        }
    };
}
