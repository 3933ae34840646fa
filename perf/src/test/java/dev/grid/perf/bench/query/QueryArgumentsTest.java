package dev.grid.perf.bench.query;

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

/** {@code grid bench query}'s options: defaults, {@code --quick}, what an explicit option keeps, and errors naming the option and the value. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class QueryArgumentsTest {

    @Test
    void shouldMeasureAMillionEntriesOnThreeMembersByDefault() {
        QueryOptions o = QueryArguments.parse(List.of("--out", "x"));
        assertEquals(1_000_000, o.entries());
        assertEquals(3, o.members());
        assertEquals(271, o.partitions());
        assertEquals(100, o.categories());
        assertEquals(Duration.ofSeconds(5), o.warmup());
        assertEquals(Duration.ofSeconds(60), o.settle());
        assertEquals(Duration.ofSeconds(20), o.duration());
        assertEquals("2g", o.serverHeap());
        assertEquals(42, o.seed());
        assertEquals(Path.of("x"), o.out());
        assertEquals(List.of(QueryOperation.values()), o.operations(), "every operation");
        assertTrue(QueryArguments.parse(List.of()).out().toString().startsWith("bench-results"));
    }

    @Test
    void quickShouldShrinkWhatIsNotGiven() {
        QueryOptions o = QueryArguments.parse(List.of("--quick", "--duration", "4s"));
        assertEquals(20_000, o.entries());
        assertEquals(Duration.ofSeconds(1), o.warmup());
        assertEquals(Duration.ZERO, o.settle());
        assertEquals(Duration.ofSeconds(4), o.duration(), "given explicitly: kept");
        assertEquals(Duration.ofSeconds(2), QueryArguments.parse(List.of("--quick")).duration());
        assertEquals(5_000, QueryArguments.parse(List.of("--quick", "--entries=5000")).entries());
    }

    @Test
    void shouldReadEveryOption() {
        QueryOptions o = QueryArguments.parse(List.of("--entries", "2000", "--members", "1", "--categories", "10", "--warmup", "0s",
                "--settle", "2s", "--duration", "500ms", "--server-heap", "512m", "--seed", "7", "--partitions", "23",
                "--operations", "range,equality"));
        assertEquals(new QueryOptions(2000, 1, 23, 10, Duration.ZERO, Duration.ofSeconds(2), Duration.ofMillis(500), "512m", 7,
                List.of(QueryOperation.EQUALITY, QueryOperation.RANGE), o.out()), o);
    }

    @Test
    void operationsShouldRunInTheirUsualOrderEachOnce() {
        assertEquals(List.of(QueryOperation.RANGE, QueryOperation.SUM_SQL, QueryOperation.EXPORT, QueryOperation.GROUP_BY_OFFLINE),
                QueryArguments.parse(List.of("--operations", "group-by-offline,export,sum-sql,range,range")).operations());
        assertEquals(List.of(QueryOperation.EXPORT), QueryArguments.parse(List.of("--operations=export")).operations());
    }

    @Test
    void shouldNameTheOptionAndTheValue() {
        assertError("--entries must be between 1 and 10000000, was 0", "--entries", "0");
        assertError("--entries must be between 1 and 10000000, was 20000000", "--entries", "20000000");
        assertError("--members must be between 1 and 5, was 6", "--members", "6");
        assertError("--partitions must be between 1 and 1000, was 0", "--partitions", "0");
        assertError("--categories must be between 1 and 1000, was 0", "--categories", "0");
        assertError("--duration must be > 0, was 0s", "--duration", "0s");
        assertError("--server-heap must be a JVM heap size such as 512m or 2g, was 'lots'", "--server-heap", "lots");
        assertError("Invalid value for option '--warmup'", "--warmup", "5");
        assertError("--settle must be >= 0, was -1s", "--settle", "-1s");
        assertError("--operations must name operations among equality, range, sum-api, sum-sql, group-by-sql, export, "
                + "group-by-offline, was 'ranges'", "--operations", "equality,ranges");
        assertError("--operations group-by-offline reads the export: name export too, was 'range,group-by-offline'",
                "--operations", "range,group-by-offline");
        assertError("Invalid value for option '--entries'", "--entries", "many");
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
            assertEquals(0, BenchMain.execute(List.of("query", "--help"), StopSignal.manual()));
            assertEquals(2, BenchMain.execute(List.of("query", "--members", "0"), StopSignal.manual()));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("--entries"), out.toString(StandardCharsets.UTF_8));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("--members must be between 1 and 5, was 0"), err.toString(StandardCharsets.UTF_8));
    }

    private static void assertError(String message, String... args) {
        ParameterException e = assertThrows(ParameterException.class, () -> QueryArguments.parse(List.of(args)));
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }
}
