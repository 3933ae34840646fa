package dev.grid.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every architecture rule holds for the classes of all modules (main code: grid-core, grid-lock,
 * grid-txn, grid-monitor, grid-server, perf, grid-log, grid-query, grid-stream), and fails on the fixture written to break it.
 */
class ArchitectureTest {
    private static JavaClasses grid;
    private static JavaClasses fixtures;

    @BeforeAll
    static void importClasses() {
        grid = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("-tests.jar")).importPackages("dev.grid");
        fixtures = new ClassFileImporter().importPackages("dev.grid.architecture.fixture");
    }

    static Stream<ArchRule> rules() {
        return Stream.of(GridRules.NO_OTHER_MODULES_IMPL, GridRules.HAZELCAST_INTERNALS_ONLY_IN_IMPL, GridRules.NO_PACKAGE_CYCLES);
    }

    @ParameterizedTest
    @MethodSource("rules")
    void gridFollowsTheRule(ArchRule rule) {
        assertTrue(grid.stream().anyMatch(c -> c.getPackageName().startsWith("dev.grid.perf")), "perf's classes were not imported");
        assertTrue(grid.stream().anyMatch(c -> c.getPackageName().startsWith("dev.grid.query")), "grid-query's classes were not imported");
        assertTrue(grid.stream().anyMatch(c -> c.getPackageName().startsWith("dev.grid.stream")), "grid-stream's classes were not imported");
        EvaluationResult result = rule.evaluate(grid);
        assertFalse(result.hasViolation(), () -> result.getFailureReport().toString());
    }

    @ParameterizedTest
    @MethodSource("rules")
    void theRuleFailsOnItsFixture(ArchRule rule) {
        assertTrue(rule.evaluate(fixtures).hasViolation(), "the rule '" + rule.getDescription() + "' cannot fail");
    }
}
