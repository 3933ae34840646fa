package dev.grid.perf.bench;

import dev.grid.core.spi.FreePorts;
import dev.grid.perf.bench.signal.StopSignal;
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
        assertUsageError("--thread", "Unknown option", "--thread", "4");
        assertUsageError("--records", "should be specified only once", "--records", "10", "--records", "20");
        assertUsageError("--records", "'lots'", "--records", "lots");
        assertUsageError("--mode", "'cluster'", "--mode", "cluster");
        assertUsageError("--address", "--mode client", "--address", "127.0.0.1:5701");
    }

    @Test
    void shouldNameABadDurationOnTheCommandLine() {
        assertUsageError("--duration", "must be a duration such as 500ms, 1.5s, 2m or 1h (a number and a unit: ms, s, m, h or d), was \"soon\"",
                "--duration", "soon");
        assertUsageError("--warmup", "was \"30\"", "--warmup=30");
        assertUsageError("--warmup", "--warmup must be >= 0, was -1.5s", "--warmup=-1.5s");
        assertUsageError("--connect-timeout", "--connect-timeout must be > 0, was 0s", "--connect-timeout", "0ms");
    }

    @Test
    void shouldReadNameEqualsValueLikeTwoArguments() {
        assertUsageError("--threads", "--threads must be > 0, was 0", "--threads=0");
        assertUsageError("--target", "'mongodb'", "--targets=gridmap,mongodb");
        RunOptions options = RunArguments.parse(List.of("--duration=1.5s", "--warmup", "500ms", "--threads=3", "--workload", "A,C",
                "--target=chm", "--out=" + out));
        assertEquals(java.time.Duration.ofMillis(1500), options.duration());
        assertEquals(java.time.Duration.ofMillis(500), options.warmup());
        assertEquals(3, options.threads());
        assertEquals(2, options.workloads().size());
        assertEquals(out, options.out());
    }

    @Test
    void shouldNameBadOptionsOfTheOtherCommands() {
        assertCommandError("grid bench lock: --warmup must be >= 0, was -1s", "lock", "--warmup=-1s");
        assertCommandError("grid bench lock: --targets must be grid and/or hazelcast-5.4, was 'redis'", "lock", "--targets", "grid,redis");
        assertCommandError("grid bench heap: the heap must be given as -Xmx<size>, e.g. -Xmx512m, was '-Xmxlots'", "heap", "-Xmxlots");
        assertCommandError("grid bench heap: Invalid value for option '--ycsb-duration': must be a duration", "heap",
                "--ycsb-duration", "20");
        assertCommandError("grid bench all: Unknown options: '--outt', 'x'", "all", "--outt", "x");
        assertCommandError("grid bench log: --systems must be grid, kafka or redis, was 'pulsar'", "log", "--systems", "grid,pulsar");
        assertCommandError("grid bench log: --topologies must be replicated or single, was 'triple'", "log", "--topologies", "triple");
        assertCommandError("grid bench log: --rates must be 1 to 10000000, was 0", "log", "--rates", "10000,0");
        assertCommandError("grid bench log: --batch-bytes must be a size in bytes such as 65536, 64k or 1m, was 'big'", "log",
                "--batch-bytes", "big");
        assertCommandError("grid bench log: --record-size must be", "log", "--record-size", "8");
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

    private static void assertCommandError(String message, String... args) {
        Console console = Console.capture(() -> BenchMain.execute(List.of(args), StopSignal.manual()));
        assertEquals(2, console.code, "exit code for " + List.of(args));
        assertTrue(console.err.startsWith(message), "the message starts with " + message + ": " + console.err);
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
