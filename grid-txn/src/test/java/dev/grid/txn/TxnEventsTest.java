package dev.grid.txn;

import dev.grid.core.Grid;
import dev.grid.core.GridEvent;
import dev.grid.core.test.TestClusters;
import dev.grid.txn.TxnEvent.Began;
import dev.grid.txn.TxnEvent.Committed;
import dev.grid.txn.TxnEvent.Enlisted;
import dev.grid.txn.TxnEvent.Prepared;
import dev.grid.txn.TxnEvent.RollbackReason;
import dev.grid.txn.TxnEvent.RolledBack;
import dev.grid.txn.TxnEvent.TimedOut;
import dev.grid.txn.test.EventRecorder;
import dev.grid.txn.test.H2Databases;
import dev.grid.txn.test.TxnTestConfig;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The {@link TxnEvent} sequences a monitor builds on, and the in-flight view. */
@Timeout(120)
class TxnEventsTest {
    private static Grid grid;
    private static JdbcDataSource h2;
    private static GridTransactions txns;
    private static EventRecorder events;

    @BeforeAll
    static void start() {
        grid = TestClusters.of(1, 7).startMember();
        h2 = H2Databases.newDatabase();
        txns = GridTransactions.start(grid, TxnTestConfig.forThisJvm().addDataSource("h2", h2));
        events = new EventRecorder(grid.events());
    }

    @AfterAll
    static void stop() {
        if (events != null) {
            events.close();
        }
        if (txns != null) {
            txns.close();
        }
        if (grid != null) {
            grid.close();
        }
    }

    private static void insert(TransactionScope scope, String id) throws Exception {
        try (PreparedStatement insert = scope.connection("h2").prepareStatement("insert into accounts values (?, 1)")) {
            insert.setString(1, id);
            insert.executeUpdate();
        }
    }

    @Test
    void commitPublishesBeginEnlistPrepareCommitWithTheirAttributes() throws Exception {
        String id = UUID.randomUUID().toString().substring(0, 8);
        String txId = txns.required(scope -> {
            scope.imap("accounts").put(id, 1);
            insert(scope, id);
            return scope.txId();
        });
        List<TxnEvent.OfTransaction> sequence = events.of(txId);
        assertEquals(List.of(Began.class, Enlisted.class, Enlisted.class, Prepared.class, Committed.class), events.kindsOf(txId));
        assertEquals("grid", ((Enlisted) sequence.get(1)).resource());
        assertEquals("h2", ((Enlisted) sequence.get(2)).resource());
        Committed commit = (Committed) sequence.get(4);
        assertEquals(List.of("grid", "h2"), commit.resources());
        assertEquals(txns.nodeIdentifier(), commit.node());
        assertFalse(commit.onePhase());
        assertTrue(commit.durationMillis() >= 0);
        assertTrue(((Prepared) sequence.get(3)).durationMillis() >= 0);
        assertTrue(sequence.stream().allMatch(e -> e.severity() == GridEvent.Severity.INFO));
        assertEquals(Map.of("txId", txId, "resources", "grid,h2", "node", txns.nodeIdentifier(), "durationMillis",
                Long.toString(commit.durationMillis()), "onePhase", "false"), commit.attributes(), "the fields as text, for logs");
        assertTrue(sequence.stream().allMatch(e -> e.timeMillis() >= sequence.get(0).timeMillis()), "stamped in order by the grid's clock");
    }

    @Test
    void rollbackPublishesTheReason() {
        String id = UUID.randomUUID().toString().substring(0, 8);
        String[] txId = new String[1];
        assertThrows(IllegalStateException.class, () -> txns.required(scope -> {
            txId[0] = scope.txId();
            scope.imap("accounts").put(id, 1);
            throw new IllegalStateException("work failed");
        }));
        List<TxnEvent.OfTransaction> sequence = events.of(txId[0]);
        assertEquals(List.of(Began.class, Enlisted.class, RolledBack.class), events.kindsOf(txId[0]));
        RolledBack rollback = (RolledBack) sequence.get(2);
        assertEquals(RollbackReason.WORK_FAILED, rollback.reason());
        assertEquals(GridEvent.Severity.INFO, rollback.severity(), "the work's own choice");
        assertEquals(List.of("grid"), rollback.resources());
    }

    @Test
    void timeoutRollsBackAndPublishesTimeoutThenRollback() throws Exception {
        String id = UUID.randomUUID().toString().substring(0, 8);
        CountDownLatch timedOut = new CountDownLatch(1);
        String[] txId = new String[1];
        AutoCloseable subscription = grid.events().subscribe(e -> {
            if (e instanceof TimedOut) {
                timedOut.countDown();
            }
        });
        try {
            GridTransactionException failure = assertThrows(GridTransactionException.class,
                    () -> txns.requiresNew(Duration.ofSeconds(1), scope -> {
                        txId[0] = scope.txId();
                        insert(scope, id);
                        assertTrue(timedOut.await(30, TimeUnit.SECONDS), "the reaper must time the transaction out");
                        return null;
                    }));
            assertTrue(failure.getMessage().contains("timeout"), failure.getMessage());
        } finally {
            subscription.close();
        }
        assertEquals(List.of(Began.class, Enlisted.class, TimedOut.class, RolledBack.class), events.kindsOf(txId[0]));
        RolledBack rollback = (RolledBack) events.of(txId[0]).get(3);
        assertEquals(RollbackReason.TIMEOUT, rollback.reason());
        assertEquals(GridEvent.Severity.WARN, rollback.severity());
        assertNull(H2Databases.balance(h2, id));
    }

    @Test
    void inFlightListsTheRunningTransactionWithItsResources() throws Exception {
        String id = UUID.randomUUID().toString().substring(0, 8);
        txns.required(scope -> {
            scope.imap("accounts").put(id, 1);
            InFlightTransaction mine = txns.inFlight().stream().filter(t -> t.txId().equals(scope.txId())).findFirst().orElseThrow();
            assertEquals(List.of("grid"), mine.resources());
            assertEquals(InFlightTransaction.Status.ACTIVE, mine.status());
            assertFalse(mine.started().isAfter(java.time.Instant.now()));
            return null;
        });
        await().atMost(Duration.ofSeconds(5)).until(() -> txns.inFlight().isEmpty());
        assertTrue(txns.inDoubt().isEmpty(), "nothing is in doubt after a clean commit: " + txns.inDoubt());
    }
}
