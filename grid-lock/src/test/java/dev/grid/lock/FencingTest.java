package dev.grid.lock;

import com.hazelcast.cp.lock.FencedLock;
import com.hazelcast.cp.lock.exception.LockOwnershipLostException;
import dev.grid.core.FencedWriteRejectedException;
import dev.grid.core.Grid;
import dev.grid.core.GridConfig;
import dev.grid.core.GridMap;
import dev.grid.core.test.ShiftedClock;
import dev.grid.core.test.TestClusters;
import dev.grid.lock.test.CpTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The fencing pattern of docs/locks.md, end to end: a holder "pauses" (its session heartbeats stop
 * and its session expires), a second holder takes the lock with a higher fence and writes; the
 * first one wakes up and writes with its old fence, and the resource rejects it. Shown for a SQL
 * table (H2, in memory) and for a GridMap.
 */
class FencingTest {
    private static final List<Grid> MEMBERS = new ArrayList<>();
    private static final ShiftedClock CLOCK = new ShiftedClock();

    @BeforeAll
    static void start() {
        TestClusters cluster = TestClusters.of(2, 11);
        for (int i = 0; i < 2; i++) {
            GridConfig config = cluster.nextMemberConfig();
            config.getCp().setMemberCount(1);
            MEMBERS.add(Grid.embedded(config.setClock(CLOCK)));
        }
        CpTestSupport.awaitLeader(MEMBERS, Duration.ofSeconds(30));
    }

    @AfterAll
    static void stop() {
        MEMBERS.forEach(member -> member.hazelcast().getLifecycleService().terminate());
        MEMBERS.clear();
    }

    /** The conditional update of docs/locks.md: applies only if no higher fence has written the row. */
    private static int fencedUpdate(Connection db, int id, int balance, long fence) throws SQLException {
        try (PreparedStatement update = db.prepareStatement(
                "UPDATE account SET balance = ?, last_fence = ? WHERE id = ? AND last_fence <= ?")) {
            update.setInt(1, balance);
            update.setLong(2, fence);
            update.setInt(3, id);
            update.setLong(4, fence);
            return update.executeUpdate();
        }
    }

    /** The first holder's lock; its session expires while it "pauses"; the second holder then takes over. */
    private static long[] takeOverFromAPausedHolder(FencedLock paused, FencedLock successor) {
        long staleFence = paused.lockAndGetFence();
        CpTestSupport.sessions(MEMBERS.get(1)).pauseHeartbeats(true); // a long GC pause, a frozen VM...
        CLOCK.advance(Duration.ofMinutes(10));
        await().atMost(Duration.ofSeconds(30)).until(() -> !successor.isLocked());
        long fence = successor.lockAndGetFence();
        assertTrue(fence > staleFence);
        return new long[] {staleFence, fence};
    }

    @Test
    void staleFenceUpdateIsRejectedBySqlDatabase() throws Exception {
        String lockName = "account-1-" + UUID.randomUUID();
        FencedLock paused = GridLocks.of(MEMBERS.get(1)).get(lockName);
        FencedLock successor = GridLocks.of(MEMBERS.get(0)).get(lockName);
        try (Connection db = DriverManager.getConnection("jdbc:h2:mem:fencing-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1")) {
            try (Statement ddl = db.createStatement()) {
                ddl.execute("CREATE TABLE account (id INT PRIMARY KEY, balance INT NOT NULL, last_fence BIGINT NOT NULL)");
                ddl.execute("INSERT INTO account VALUES (1, 100, 0)");
            }
            long[] fences = takeOverFromAPausedHolder(paused, successor);
            try {
                assertEquals(1, fencedUpdate(db, 1, 70, fences[1]), "the current holder's update applies");
                // the paused holder wakes up, still believing it holds the lock, and writes with its old fence
                assertEquals(0, fencedUpdate(db, 1, 999, fences[0]), "the stale holder's update must be rejected");
                try (Statement query = db.createStatement(); ResultSet row = query.executeQuery("SELECT balance, last_fence FROM account WHERE id = 1")) {
                    assertTrue(row.next());
                    assertEquals(70, row.getInt(1));
                    assertEquals(fences[1], row.getLong(2));
                }
                assertThrows(LockOwnershipLostException.class, paused::unlock, "and its next lock call tells it it lost the lock");
            } finally {
                successor.unlock();
                CpTestSupport.sessions(MEMBERS.get(1)).pauseHeartbeats(false);
            }
        }
    }

    @Test
    void staleFenceWriteIsRejectedByGridMap() {
        String lockName = "order-7-" + UUID.randomUUID();
        FencedLock paused = GridLocks.of(MEMBERS.get(1)).get(lockName);
        FencedLock successor = GridLocks.of(MEMBERS.get(0)).get(lockName);
        GridMap<String, String> orders = MEMBERS.get(0).map("orders");
        long[] fences = takeOverFromAPausedHolder(paused, successor);
        try {
            orders.setFenced("order-7", "shipped", fences[1]);
            FencedWriteRejectedException rejected = assertThrows(FencedWriteRejectedException.class,
                    () -> MEMBERS.get(1).<String, String>map("orders").setFenced("order-7", "cancelled", fences[0]));
            assertEquals(fences[0], rejected.fence());
            assertEquals(fences[1], rejected.highestFence());
            assertEquals("shipped", orders.get("order-7"));
            assertThrows(LockOwnershipLostException.class, paused::unlock);
        } finally {
            successor.unlock();
            CpTestSupport.sessions(MEMBERS.get(1)).pauseHeartbeats(false);
        }
    }
}
