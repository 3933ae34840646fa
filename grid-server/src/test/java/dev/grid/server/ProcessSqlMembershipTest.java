package dev.grid.server;

import com.hazelcast.sql.HazelcastSqlException;
import com.hazelcast.sql.SqlResult;
import com.hazelcast.sql.SqlRow;
import dev.grid.core.Grid;
import dev.grid.core.GridMap;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SQL from a client of {@code grid start} member processes while members come and go (one backup): a scan running
 * while a member joins, one stops gracefully and one is killed returns, whenever it completes, every entry exactly once
 * (the count and the key set); a scan failing on the topology change is run again, as docs/query.md says. And
 * {@code grid sql -e} against the processes: exit code 0 with the rows, non-zero naming line and column for bad SQL.
 */
@Tag("faults")
@Timeout(value = 4, unit = TimeUnit.MINUTES)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ProcessSqlMembershipTest {
    private static final int ENTRIES = 3_000;

    @RegisterExtension
    static final SqlProcessCluster CLUSTER = new SqlProcessCluster(3, 4);

    @Test
    @Order(1)
    void shouldRunStatementsFromTheCommandLine() throws Exception {
        load();
        MemberProcess count = MemberProcess.start(CLUSTER.dir(), "sql", "--config", CLUSTER.configFile(0).toString(),
                "-e", "SELECT COUNT(*) AS n, SUM(this) AS total FROM moving");
        assertEquals(0, count.waitForExit(SqlProcessCluster.TIMEOUT), count.err());
        long total = IntStream.range(0, ENTRIES).mapToLong(key -> key * 3L).sum();
        assertTrue(count.out().contains(Integer.toString(ENTRIES)) && count.out().contains(Long.toString(total)), count.out());

        MemberProcess bad = MemberProcess.start(CLUSTER.dir(), "sql", "--config", CLUSTER.configFile(0).toString(),
                "-e", "SELECT __key FROM moving\nWHERE __key >> 3");
        assertNotEquals(0, bad.waitForExit(SqlProcessCluster.TIMEOUT), bad.out());
        String message = bad.out() + bad.err();
        assertTrue(message.contains("line 2") && message.contains("column"), message);
    }

    @Test
    @Order(2)
    void shouldReturnEveryEntryOnceWhileMembersJoinLeaveAndCrash() throws Exception {
        load();
        Grid client = CLUSTER.client();
        List<Integer> expected = IntStream.range(0, ENTRIES).boxed().toList();
        assertEquals(expected, keys(client));

        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger completed = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        CompletableFuture<Void> scans = CompletableFuture.runAsync(() -> {
            while (!stop.get()) {
                List<Integer> keys;
                try {
                    keys = keys(client);
                } catch (HazelcastSqlException e) {
                    failed.incrementAndGet(); // a query may fail on a topology change: run it again
                    continue;
                }
                assertEquals(expected, keys, "scan " + completed.get() + " returned each entry once");
                completed.incrementAndGet();
            }
        });
        try {
            int before = completed.get();
            CLUSTER.startMember();
            CLUSTER.awaitMembers(4);
            awaitMoreScans(completed, before, scans);

            before = completed.get();
            assertEquals(0, CLUSTER.member(0).terminate(SqlProcessCluster.TIMEOUT), "graceful stop");
            CLUSTER.awaitMembers(3);
            awaitMoreScans(completed, before, scans);

            before = completed.get();
            CLUSTER.member(1).kill(SqlProcessCluster.TIMEOUT);
            CLUSTER.awaitMembers(2);
            awaitMoreScans(completed, before, scans);
        } finally {
            stop.set(true);
        }
        scans.get(SqlProcessCluster.TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        assertEquals(expected, keys(client), "after a join, a graceful stop and a crash");
        System.out.printf("scans completed %d, failed on a topology change %d%n", completed.get(), failed.get());
    }

    private static void awaitMoreScans(AtomicInteger completed, int before, CompletableFuture<Void> scans) {
        org.awaitility.Awaitility.await().atMost(SqlProcessCluster.TIMEOUT)
                .failFast(scans::isDone).until(() -> completed.get() >= before + 2);
    }

    private static void load() {
        Grid client = CLUSTER.client();
        GridMap<Integer, Long> map = client.map("moving");
        if (map.size() == ENTRIES) {
            return;
        }
        Map<Integer, Long> entries = new HashMap<>();
        IntStream.range(0, ENTRIES).forEach(key -> entries.put(key, key * 3L));
        map.putAll(entries);
        try (SqlResult ignored = client.hazelcast().getSql().execute(
                "CREATE OR REPLACE MAPPING moving TYPE GridMap OPTIONS ('keyFormat'='int', 'valueFormat'='bigint')")) {
            ignored.isRowSet();
        }
    }

    private static List<Integer> keys(Grid grid) {
        List<Integer> keys = new ArrayList<>(ENTRIES);
        try (SqlResult result = grid.hazelcast().getSql().execute("SELECT __key, this FROM moving")) {
            for (SqlRow row : result) {
                int key = row.getObject(0);
                assertEquals(key * 3L, (long) row.getObject(1), "value of key " + key);
                keys.add(key);
            }
        }
        keys.sort(null);
        return keys;
    }
}
