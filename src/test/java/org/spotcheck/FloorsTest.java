package org.spotcheck;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaModifier;
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

    /** Public though no other package names them: found by name from outside the code. */
    private static final Set<String> FOUND_BY_NAME = Set.of(
            "org.spotcheck.Main",           // the jar's Main-Class
            "org.spotcheck.log.LogSetup",   // Logback's Configurator, listed in META-INF/services
            "org.spotcheck.log.RedactingEncoder"); // Logback builds it by name from an operator's logback.xml

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
        floors.check(MAIN_CLASSES);
    }

    @Test
    void noPackagesImportEachOtherInACircle() {
        slices().assignedFrom(EACH_PACKAGE).should().beFreeOfCycles().check(MAIN_CLASSES);
    }

    /** A class is public only when another package uses it; tests count, since they build its values too. */
    @Test
    void aClassIsPublicOnlyWhenAnotherPackageUsesIt() {
        JavaClasses withTests = new ClassFileImporter().importPackages(ROOT);
        var needlesslyPublic = MAIN_CLASSES.stream()
                .filter(c -> c.isTopLevelClass() && c.getModifiers().contains(JavaModifier.PUBLIC))
                .filter(c -> !FOUND_BY_NAME.contains(c.getName()))
                .filter(c -> withTests.stream() // the class or its nested ones, e.g. Effect.Remind
                        .filter(used -> used.getName().equals(c.getName()) || used.getName().startsWith(c.getName() + "$"))
                        .flatMap(used -> used.getDirectDependenciesToSelf().stream())
                        .allMatch(use -> use.getOriginClass().getPackageName().equals(c.getPackageName())))
                .map(JavaClass::getName)
                .toList();
        assertThat(needlesslyPublic).isEmpty();
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
