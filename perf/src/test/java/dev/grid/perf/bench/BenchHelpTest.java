package dev.grid.perf.bench;

import dev.grid.perf.bench.signal.StopSignal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code grid bench --help}, each command's help and {@code --version}: generated from the options, with their explanations. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class BenchHelpTest {
    private static final List<String> COMMANDS = List.of("run", "jmh", "lock", "log", "heap", "txn", "all");

    @Test
    void helpListsEveryCommand() {
        Console console = run("--help");
        assertEquals(0, console.code, console.err);
        assertTrue(console.out.startsWith("grid bench: grid measured against the alternatives"), console.out);
        for (String command : COMMANDS) {
            assertTrue(console.out.contains("\n  " + command + " "), command + " missing from:\n" + console.out);
        }
    }

    @Test
    void eachCommandHasHelpWithItsOptionsAndExplanation() {
        assertHelp("run", "--target-ops=N", "a target that cannot run is reported as skipped");
        assertHelp("run", "--connect-timeout=DURATION", "(default 10s)");
        assertHelp("jmh", "--groups", "anything else is handed to JMH");
        assertHelp("lock", "--targets=TARGET", "Hazelcast 5.4.0's jar comes from perf/target/hazelcast-5.4/");
        assertHelp("log", "--quick", "A system that cannot run is reported as skipped, with the reason");
        assertHelp("log", "--systems=SYSTEM", "coordinated omission corrected");
        assertHelp("heap", "--ycsb-duration=DURATION", "-Xmx<size>");
        assertHelp("txn", "JMH-OPTION", "-p synchronousCommit=off");
        assertHelp("all", "--out=DIR", "Each step prints the equivalent stand-alone command");
    }

    @Test
    void noCommandIsAUsageError() {
        Console console = run();
        assertEquals(2, console.code);
        assertTrue(console.err.contains("Usage: grid bench [-hV] COMMAND"), console.err);
    }

    @Test
    void versionIsTheProjectVersion() {
        Console console = run("--version");
        assertEquals(0, console.code, console.err);
        assertTrue(console.out.matches("(?s)grid \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\\R.*"), console.out);
    }

    private static void assertHelp(String command, String option, String explanation) {
        Console console = run(command, "--help");
        assertEquals(0, console.code, console.err);
        assertTrue(console.out.contains("Usage: grid bench " + command + " "), console.out);
        assertTrue(console.out.contains(option), command + " --help names " + option + ":\n" + console.out);
        assertTrue(console.out.replaceAll("\\s+", " ").contains(explanation), command + " --help explains " + explanation + ":\n" + console.out);
    }

    private static Console run(String... args) {
        return Console.capture(() -> BenchMain.execute(List.of(args), StopSignal.manual()));
    }
}
