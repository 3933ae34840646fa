package dev.grid.perf.bench.stream;

import dev.grid.perf.bench.BenchMain;
import dev.grid.perf.bench.signal.StopSignal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import picocli.CommandLine.ParameterException;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code grid bench stream}'s options: defaults, {@code --quick}, what an explicit option keeps, and errors naming the option and the value. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class StreamArgumentsTest {

    @Test
    void shouldPreloadAMillionEventsOnThreeMembersAndTakeHalfTheMaximumRateByDefault() {
        StreamOptions o = StreamArguments.parse(List.of("--out", "x"));
        assertEquals(1_000_000, o.records());
        assertEquals(0, o.rate(), "0: half the slower system's measured throughput");
        assertEquals(Duration.ofSeconds(20), o.warmup());
        assertEquals(Duration.ofSeconds(30), o.duration());
        assertEquals(100, o.products());
        assertEquals(3, o.members());
        assertEquals(271, o.partitions());
        assertEquals(12, o.logPartitions());
        assertEquals(Duration.ofSeconds(1), o.snapshotInterval());
        assertEquals("1g", o.serverHeap());
        assertEquals(42, o.seed());
        assertEquals(Path.of("x"), o.out());
        assertTrue(StreamArguments.parse(List.of()).out().toString().startsWith("bench-results"));
    }

    @Test
    void quickShouldShrinkWhatIsNotGiven() {
        StreamOptions o = StreamArguments.parse(List.of("--quick", "--duration", "4s"));
        assertEquals(30_000, o.records());
        assertEquals(Duration.ofSeconds(1), o.warmup());
        assertEquals(Duration.ofSeconds(4), o.duration(), "given explicitly: kept");
        assertEquals(Duration.ofSeconds(5), StreamArguments.parse(List.of("--quick")).duration());
        assertEquals(5_000, StreamArguments.parse(List.of("--quick", "--records=5000")).records());
        assertEquals(3, StreamArguments.parse(List.of("--quick")).members(), "--quick keeps the three members");
    }

    @Test
    void shouldReadEveryOption() {
        StreamOptions o = StreamArguments.parse(List.of("--records", "2000", "--rate", "500", "--warmup", "0s", "--duration", "500ms",
                "--products", "7", "--members", "1", "--partitions", "23", "--log-partitions", "3", "--snapshot-interval", "200ms",
                "--server-heap", "512m", "--seed", "9", "--out", "y"));
        assertEquals(new StreamOptions(2000, 500, Duration.ZERO, Duration.ofMillis(500), 7, 1, 23, 3, Duration.ofMillis(200), "512m", 9,
                Path.of("y")), o);
    }

    @Test
    void shouldNameTheOptionAndTheValue() {
        assertError("--records must be between 1000 and 50000000, was 999", "--records", "999");
        assertError("--rate must be between 1 and 10000000, was 0", "--rate", "0");
        assertError("--products must be between 1 and 10000, was 0", "--products", "0");
        assertError("--members must be between 1 and 5, was 6", "--members", "6");
        assertError("--partitions must be between 1 and 1000, was 1001", "--partitions", "1001");
        assertError("--log-partitions must be between 1 and 1000, was 0", "--log-partitions", "0");
        assertError("--duration must be > 0, was 0s", "--duration", "0s");
        assertError("--warmup must be >= 0", "--warmup", "-1s");
        assertError("--snapshot-interval must be > 0, was 0s", "--snapshot-interval", "0s");
        assertError("--server-heap must be a JVM heap size such as 512m or 2g, was 'lots'", "--server-heap", "lots");
        assertError("Invalid value for option '--duration'", "--duration", "5");
        assertError("Invalid value for option '--rate'", "--rate", "fast");
    }

    @Test
    void benchMainShouldOfferTheCommandAndRefuseBadInputWithExitCode2() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            assertEquals(0, BenchMain.execute(List.of("stream", "--help"), StopSignal.manual()));
            assertEquals(2, BenchMain.execute(List.of("stream", "--rate", "-5"), StopSignal.manual()));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("--records"), out.toString(StandardCharsets.UTF_8));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("--rate must be between 1 and 10000000, was -5"),
                err.toString(StandardCharsets.UTF_8));
    }

    private static void assertError(String message, String... args) {
        ParameterException e = assertThrows(ParameterException.class, () -> StreamArguments.parse(List.of(args)));
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }
}
