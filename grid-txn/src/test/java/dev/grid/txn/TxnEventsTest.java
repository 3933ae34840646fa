package dev.grid.txn;

import dev.grid.core.Grid;
import dev.grid.core.GridEvent;
import dev.grid.core.test.TestClusters;
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
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The {@code txn.*} event sequences a monitor builds on, and the in-flight view. */
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
        List<GridEvent> sequence = events.of(txId);
        assertEquals(List.of("txn.begin", "txn.enlist", "txn.enlist", "txn.prepare", "txn.commit"),
                sequence.stream().map(GridEvent::type).toList());
        assertEquals("grid", sequence.get(1).attribute("resource"));
        assertEquals("h2", sequence.get(2).attribute("resource"));
        GridEvent commit = sequence.get(4);
        assertEquals("grid,h2", commit.attribute("resources"));
        assertEquals(txns.nodeIdentifier(), commit.attribute("node"));
        assertEquals("false", commit.attribute("onePhase"));
        assertTrue(Long.parseLong(commit.attribute("durationMillis")) >= 0);
        assertTrue(Long.parseLong(sequence.get(3).attribute("durationMillis")) >= 0);
        assertTrue(sequence.stream().allMatch(e -> e.severity() == GridEvent.Severity.INFO));
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
        List<GridEvent> sequence = events.of(txId[0]);
        assertEquals(List.of("txn.begin", "txn.enlist", "txn.rollback"), sequence.stream().map(GridEvent::type).toList());
        assertEquals("work-failed", sequence.get(2).attribute("reason"));
        assertEquals("grid", sequence.get(2).attribute("resources"));
    }

    @Test
    void timeoutRollsBackAndPublishesTimeoutThenRollback() throws Exception {
        String id = UUID.randomUUID().toString().substring(0, 8);
        CountDownLatch timedOut = new CountDownLatch(1);
        String[] txId = new String[1];
        AutoCloseable subscription = grid.events().subscribe(e -> {
            if (e.type().equals("txn.timeout")) {
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
        List<String> types = events.typesOf(txId[0]);
        assertEquals(List.of("txn.begin", "txn.enlist", "txn.timeout", "txn.rollback"), types);
        assertEquals("timeout", events.of(txId[0]).get(3).attribute("reason"));
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
