package dev.grid.perf.bench.log;

import org.junit.jupiter.api.Test;
import picocli.CommandLine.ParameterException;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code grid bench log}'s options: defaults, {@code --quick}, and what an explicit option keeps. */
class LogArgumentsTest {

    @Test
    void shouldMeasureEverySystemAndTopologyByDefault() {
        LogOptions o = LogArguments.parse(List.of("--out", "x"));
        assertEquals(List.of(LogSystem.GRID, LogSystem.KAFKA, LogSystem.REDIS), o.systems());
        assertEquals(List.of(Topology.REPLICATED, Topology.SINGLE), o.topologies());
        assertEquals(5_000_000, o.records());
        assertEquals(List.of(1, 8), o.partitions());
        assertEquals(List.of(10_000, 50_000), o.rates());
        assertEquals(Duration.ofSeconds(20), o.duration());
        assertEquals(Duration.ofSeconds(15), o.warmup());
        assertEquals(Duration.ofSeconds(90), o.settle());
        assertEquals(Duration.ofMillis(5), o.linger());
        assertEquals(64 * 1024, o.batchBytes());
        assertEquals(100, o.recordSize());
        assertEquals(Path.of("x"), o.out());
    }

    @Test
    void quickShouldShrinkWhatIsNotGiven() {
        LogOptions o = LogArguments.parse(List.of("--quick", "--duration", "4s"));
        assertTrue(o.quick());
        assertEquals(50_000, o.records());
        assertEquals(Duration.ofSeconds(1), o.warmup());
        assertEquals(Duration.ZERO, o.settle());
        assertEquals(Duration.ofSeconds(30), LogArguments.parse(List.of("--quick", "--settle", "30s")).settle(), "given explicitly: kept");
        assertEquals(Duration.ofSeconds(4), o.duration(), "given explicitly: kept");
        assertEquals(Duration.ofSeconds(2), LogArguments.parse(List.of("--quick")).duration());
        assertEquals(Duration.ofSeconds(20), o.runLimit());
        assertEquals(10_000, o.warmupRecords());
    }

    @Test
    void shouldReadListsSizesAndDropRepeats() {
        LogOptions o = LogArguments.parse(List.of("--systems", "kafka,redis,kafka", "--topologies=single", "--partitions", "8,1",
                "--rates", "1000", "--batch-bytes", "1m", "--record-size", "200"));
        assertEquals(List.of(LogSystem.KAFKA, LogSystem.REDIS), o.systems());
        assertEquals(List.of(Topology.SINGLE), o.topologies());
        assertEquals(List.of(8, 1), o.partitions());
        assertEquals(List.of(1000), o.rates());
        assertEquals(1 << 20, o.batchBytes());
        assertEquals(200, o.recordSize());
    }

    @Test
    void shouldNameTheOptionAndTheValue() {
        assertError("--systems must be grid, kafka or redis, was 'pulsar'", "--systems", "pulsar");
        assertError("--partitions must be whole numbers, was 'two'", "--partitions", "two");
        assertError("--batch-bytes must be between 1024 and 16777216, was 512", "--batch-bytes", "512");
        assertError("--linger must be between 0 and 10000, was 20000", "--linger", "20s");
        assertError("--server-heap must be a JVM heap size such as 512m or 2g, was 'lots'", "--server-heap", "lots");
        assertError("--records must be > 0, was 0", "--records", "0");
    }

    private static void assertError(String message, String... args) {
        ParameterException e = assertThrows(ParameterException.class, () -> LogArguments.parse(List.of(args)));
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }
}
