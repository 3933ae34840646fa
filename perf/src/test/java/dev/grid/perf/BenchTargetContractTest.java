package dev.grid.perf;

import dev.grid.core.GridMapConfig;
import dev.grid.perf.bench.targets.BenchTarget;
import dev.grid.perf.bench.targets.ChmTarget;
import dev.grid.perf.bench.targets.GridMapTarget;
import dev.grid.perf.bench.targets.IMapTarget;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The contract every target of the JMH benchmarks and the load harness keeps, run on each: GridMap and IMap on one
 * embedded member, a ConcurrentHashMap and the raw Chronicle Map.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class BenchTargetContractTest {
    private static final int PARTITIONS = 7;
    private static final int RECORDS = 200;

    private static EmbeddedMembers members;

    @BeforeAll
    static void startMember() {
        members = EmbeddedMembers.start(1, PARTITIONS, new GridMapConfig("contract-gridmap").setEntries(1000));
    }

    @AfterAll
    static void stopMember() {
        if (members != null) {
            members.close();
        }
    }

    private static Supplier<BenchTarget> target(String kind) {
        return switch (kind) {
            case "gridmap" -> () -> new GridMapTarget(members.caller(), "contract-gridmap");
            case "imap" -> () -> new IMapTarget(members.caller(), "contract-imap");
            case "chm" -> () -> new ChmTarget(RECORDS);
            case "chronicle" -> () -> new ChronicleMapTarget(1000, "key:1000", 8);
            default -> throw new IllegalArgumentException(kind);
        };
    }

    private static Map<String, byte[]> records() {
        Map<String, byte[]> records = new LinkedHashMap<>();
        for (int i = 0; i < RECORDS; i++) {
            records.put("key:" + i, new byte[] {(byte) i, 1, 2, 3});
        }
        return records;
    }

    @ParameterizedTest
    @ValueSource(strings = {"gridmap", "imap", "chm", "chronicle"})
    void shouldReadWhatWasLoadedUpdatedAndInsertedAndForgetItOnClose(String kind) {
        Supplier<BenchTarget> open = target(kind);
        try (BenchTarget target = open.get()) {
            target.load(records());
            assertArrayEquals(new byte[] {7, 1, 2, 3}, target.read("key:7"));
            assertNull(target.read("key:" + RECORDS), "absent");
            target.update("key:7", new byte[] {9});
            assertArrayEquals(new byte[] {9}, target.read("key:7"));
            target.insert("key:" + RECORDS, new byte[] {8});
            assertArrayEquals(new byte[] {8}, target.read("key:" + RECORDS));
            if (!kind.equals("chm")) {
                assertNotNull(target.stats(), "the store's own statistics");
            }
        }
        try (BenchTarget reopened = open.get()) {
            assertNull(reopened.read("key:7"), kind + ": closing freed what it stored");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"gridmap", "imap", "chm", "chronicle"})
    void shouldScanOnePartitionOrSayWhyItCannot(String kind) {
        try (BenchTarget target = target(kind).get()) {
            target.load(records());
            if (target.scanSupport() == null) {
                int read = target.scan("key:3", 10);
                assertTrue(read >= 1 && read <= 10, kind + " scanned " + read + " records of the start key's partition");
                assertTrue(target.scan("key:3", RECORDS) < RECORDS, "one partition of " + PARTITIONS + " holds fewer than all records");
            } else {
                UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class, () -> target.scan("key:3", 10));
                assertEquals(target.scanSupport(), e.getMessage(), "why not, in the exception too");
            }
        }
    }
}
