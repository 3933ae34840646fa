package dev.grid.perf.bench;

import dev.grid.core.impl.FreePorts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bad input gets exit code 2 and a message naming the option and the value. */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class OptionErrorsTest {
    @TempDir
    Path out;

    @Test
    void shouldNameAnUnknownWorkload() {
        assertUsageError("--workload", "'Z'", "--workload", "A,Z");
    }

    @Test
    void shouldNameAnUnknownTarget() {
        assertUsageError("--target", "'mongodb'", "--target", "gridmap,mongodb");
        assertUsageError("--target", "'mongodb'", "--targets", "gridmap,mongodb"); // the plural is the same option
    }

    @Test
    void shouldRefuseANonPositiveDuration() {
        assertUsageError("--duration", "0s", "--duration", "0s");
        assertUsageError("--duration", "-5s", "--duration", "-5s");
    }

    @Test
    void shouldRefuseANonPositiveThreadCount() {
        assertUsageError("--threads", "0", "--threads", "0");
        assertUsageError("--threads", "-2", "--threads", "-2");
    }

    @Test
    void shouldNameUnknownRepeatedAndMalformedOptions() {
        assertUsageError("--thread", "unknown option", "--thread", "4");
        assertUsageError("--records", "twice", "--records", "10", "--records", "20");
        assertUsageError("--records", "'lots'", "--records", "lots");
        assertUsageError("--mode", "'cluster'", "--mode", "cluster");
        assertUsageError("--address", "--mode client", "--address", "127.0.0.1:5701");
    }

    @Test
    void shouldRefuseAnUnknownCommand() {
        Console console = Console.capture(() -> BenchMain.execute(List.of("walk"), StopSignal.manual()));
        assertEquals(2, console.code);
        assertTrue(console.err.contains("'walk'"), console.err);
    }

    @Test
    void shouldReportAnUnreachableClusterAsBadInput() {
        int deadPort = FreePorts.loopback(1).get(0);
        Console console = Console.capture(() -> BenchMain.execute(List.of("run", "--target", "gridmap", "--mode", "client",
                "--address", "127.0.0.1:" + deadPort, "--connect-timeout", "2s", "--duration", "1s", "--out", out.toString()),
                StopSignal.manual()));
        assertEquals(2, console.code, console.out + console.err);
        assertTrue(console.err.contains("--address 127.0.0.1:" + deadPort), console.err);
    }

    private void assertUsageError(String option, String valueText, String... args) {
        List<String> command = new ArrayList<>(List.of("run"));
        command.addAll(List.of(args));
        command.addAll(List.of("--out", out.toString()));
        Console console = Console.capture(() -> BenchMain.execute(command, StopSignal.manual()));
        assertEquals(2, console.code, "exit code for " + command);
        assertTrue(console.err.contains(option) && console.err.contains(valueText),
                "the message names " + option + " and " + valueText + ": " + console.err);
    }
}
