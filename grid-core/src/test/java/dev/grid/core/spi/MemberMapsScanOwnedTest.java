package dev.grid.core.spi;

import com.hazelcast.internal.serialization.SerializationService;
import com.hazelcast.internal.serialization.impl.HeapData;
import com.hazelcast.spi.impl.SerializationServiceSupport;
import dev.grid.core.Grid;
import dev.grid.core.GridMap;
import dev.grid.core.test.GridCluster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link MemberMaps#scanOwned}: a member reads the partitions it owns, on their threads, every entry once; it refuses
 * (false, nothing visited) the partitions it does not own.
 */
@Timeout(value = 1, unit = TimeUnit.MINUTES)
class MemberMapsScanOwnedTest {
    private static final int PARTITIONS = 7;
    private static final int ENTRIES = 300;

    @RegisterExtension
    static final GridCluster CLUSTER = GridCluster.withMembers(2).partitions(PARTITIONS);

    @Test
    void eachMemberReadsExactlyThePartitionsItOwns() {
        GridMap<Integer, String> map = CLUSTER.member(0).map("owned");
        for (int i = 0; i < ENTRIES; i++) {
            map.set(i, "v" + i);
        }
        Map<Integer, String> seen = new HashMap<>();
        for (Grid member : CLUSTER.members()) {
            MemberMaps maps = MemberContext.of(member).maps();
            SerializationService serialization = ((SerializationServiceSupport) member.hazelcast()).getSerializationService();
            for (int partition = 0; partition < PARTITIONS; partition++) {
                boolean owner = member.partitions().ownerOf(partition).orElseThrow().local();
                int[] visited = {0};
                boolean read = maps.scanOwned("owned", partition, (key, value) -> {
                    visited[0]++;
                    Integer k = serialization.toObject(new HeapData(key));
                    String v = serialization.toObject(new HeapData(value));
                    assertEquals(null, seen.put(k, v), "key " + k + " read twice");
                }).toCompletableFuture().join();
                assertEquals(owner, read, "partition " + partition + " read by its owner only");
                if (!owner) {
                    assertEquals(0, visited[0], "a partition this member does not own is not visited");
                }
            }
        }
        assertEquals(ENTRIES, seen.size());
        seen.forEach((key, value) -> assertEquals("v" + key, value));
    }

    @Test
    void entriesAreHandedOverInTheStoreAndCopiedIntoArraysOfTheirSize() {
        GridMap<Integer, String> map = CLUSTER.member(0).map("entries");
        for (int i = 0; i < ENTRIES; i++) {
            map.set(i, "v" + i); // v100 ... v299: values of one size
        }
        Map<Integer, String> seen = new HashMap<>();
        for (Grid member : CLUSTER.members()) {
            MemberMaps maps = MemberContext.of(member).maps();
            SerializationService serialization = ((SerializationServiceSupport) member.hazelcast()).getSerializationService();
            for (int partition = 0; partition < PARTITIONS; partition++) {
                byte[][] reused = {null};
                MemberMaps.OwnedScan scan = maps.scanOwnedEntries("entries", partition, null, entry -> {
                    byte[] key = entry.key(null);
                    assertEquals(entry.keySize(), key.length);
                    byte[] value = entry.value(reused[0]);
                    assertEquals(entry.valueSize(), value.length);
                    if (reused[0] != null && reused[0].length == value.length) {
                        assertSame(reused[0], value, "an array of the value's size is filled, not replaced");
                    } else {
                        assertNotSame(reused[0], value, "an array of another size is left alone");
                    }
                    reused[0] = value;
                    Integer k = serialization.toObject(new HeapData(key));
                    String v = serialization.toObject(new HeapData(value.clone()));
                    assertEquals(null, seen.put(k, v), "key " + k + " read twice");
                }).toCompletableFuture().join();
                assertEquals(member.partitions().ownerOf(partition).orElseThrow().local(), scan != MemberMaps.OwnedScan.NOT_OWNED);
            }
        }
        assertEquals(ENTRIES, seen.size());
        seen.forEach((key, value) -> assertEquals("v" + key, value));
    }

    @Test
    void entryBytesOverArraysCopyIntoArraysOfTheirSize() {
        byte[] key = {1, 2};
        byte[] value = {3, 4, 5};
        EntryBytes entry = EntryBytes.of(key, value);
        assertEquals(2, entry.keySize());
        assertEquals(3, entry.valueSize());
        byte[] into = new byte[3];
        assertSame(into, entry.value(into));
        assertArrayEquals(value, into);
        byte[] fresh = entry.key(into);
        assertNotSame(key, fresh, "a copy, not the array itself");
        assertArrayEquals(key, fresh);
        assertArrayEquals(new byte[] {3, 4, 5}, into, "an array of another size is left alone");
    }

    @Test
    void aVisitorsFailureFailsTheScan() {
        GridMap<Integer, String> map = CLUSTER.member(0).map("failing");
        map.set(1, "one");
        Grid owner = CLUSTER.members().stream()
                .filter(member -> member.partitions().ownerOfKey(1).orElseThrow().local()).findFirst().orElseThrow();
        int partition = owner.partitions().partitionOf(1);
        var scan = MemberContext.of(owner).maps().scanOwned("failing", partition, (key, value) -> {
            throw new IllegalStateException("visitor broke");
        }).toCompletableFuture();
        Exception e = assertThrows(Exception.class, scan::join);
        assertTrue(e.getCause() instanceof IllegalStateException, e.toString());
    }

    @Test
    void aPartitionOutOfRangeIsNamed() {
        MemberMaps maps = MemberContext.of(CLUSTER.member(0)).maps();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> maps.scanOwned("owned", PARTITIONS, (k, v) -> { }));
        assertTrue(e.getMessage().contains("partition " + PARTITIONS), e.getMessage());
    }

    @Test
    void aMapExistsOnEveryMemberOnceAnyMemberCreatedIt() {
        MemberMaps maps = MemberContext.of(CLUSTER.member(0)).maps();
        assertFalse(maps.exists("created-elsewhere"));
        CLUSTER.member(1).map("created-elsewhere");
        await().atMost(Duration.ofSeconds(30)).until(() -> maps.exists("created-elsewhere"));
        assertEquals("created-elsewhere", maps.map("created-elsewhere").name());
    }
}
