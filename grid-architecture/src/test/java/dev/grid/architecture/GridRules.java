package dev.grid.architecture;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * grid's module rules, for every class under {@code dev.grid}. A module is the package segment after
 * {@code dev.grid} ({@code core}, {@code lock}, {@code txn}, {@code monitor}, {@code server},
 * {@code perf}, ...); its public API is that package, its internals are under {@code .impl}.
 */
final class GridRules {
    /** Hazelcast's internal packages: only grid's {@code .impl} packages may use them. */
    static final String[] HAZELCAST_INTERNALS = {
            "com.hazelcast.internal..", "com.hazelcast.spi.impl..", "com.hazelcast.client.impl..", "com.hazelcast.instance.impl.."};

    /** No module uses another module's {@code .impl} packages. */
    static final ArchRule NO_OTHER_MODULES_IMPL = classes().that().resideInAPackage("dev.grid..")
            .should(notDependOnAnotherModulesImpl())
            .because("a module's impl packages may change without notice; modules talk through APIs and SPIs");

    /** Hazelcast internals only in {@code .impl} packages, so a Hazelcast upgrade touches one place per structure. */
    static final ArchRule HAZELCAST_INTERNALS_ONLY_IN_IMPL = noClasses().that().resideInAPackage("dev.grid..")
            .and().resideOutsideOfPackage("..impl..")
            .should().dependOnClassesThat().resideInAnyPackage(HAZELCAST_INTERNALS)
            .because("Hazelcast's internals change between versions; keep them behind grid's own impl classes");

    /**
     * No cycles between grid's packages, where a module's {@code impl} package and everything under it count as
     * one package: an API, its configuration, its SPI and its implementation are layers, each depending only on
     * the ones below; inside an implementation, Hazelcast's own structure (a service and its operations, a proxy
     * and its codecs) refer to each other both ways.
     */
    static final ArchRule NO_PACKAGE_CYCLES = slices().assignedFrom(new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
            String slice = slice(javaClass.getPackageName());
            return slice == null ? SliceIdentifier.ignore() : SliceIdentifier.of(slice);
        }

        @Override
        public String getDescription() {
            return "grid's packages, each module's impl packages as one";
        }
    }).should().beFreeOfCycles();

    private GridRules() {
    }

    /** @return the module of a class under {@code dev.grid}: {@code core} for {@code dev.grid.core.impl.map.X} */
    static String module(String packageName) {
        String[] parts = packageName.split("\\.");
        return parts.length > 2 ? parts[2] : "";
    }

    /** @return the slice of a package for the cycle rule: the package, or its module's impl package if it is under it; null outside grid */
    static String slice(String packageName) {
        if (!packageName.startsWith("dev.grid.")) {
            return null;
        }
        String module = module(packageName);
        return isImplOf(packageName, module) ? "dev.grid." + module + ".impl" : packageName;
    }

    private static boolean isImplOf(String packageName, String module) {
        String prefix = "dev.grid." + module + ".";
        return packageName.startsWith(prefix) && ("." + packageName.substring(prefix.length()) + ".").contains(".impl.");
    }

    private static ArchCondition<JavaClass> notDependOnAnotherModulesImpl() {
        return new ArchCondition<>("not depend on another module's impl packages") {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                String own = module(origin.getPackageName());
                for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                    String target = dependency.getTargetClass().getPackageName();
                    if (!target.startsWith("dev.grid.")) {
                        continue;
                    }
                    String other = module(target);
                    if (!other.equals(own) && isImplOf(target, other)) {
                        events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                    }
                }
            }
        };
    }
}
