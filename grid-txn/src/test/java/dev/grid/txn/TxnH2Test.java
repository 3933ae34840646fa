package dev.grid.txn;

import com.hazelcast.map.IMap;
import dev.grid.core.Grid;
import dev.grid.core.test.TestClusters;
import dev.grid.txn.TxnEvent.Began;
import dev.grid.txn.TxnEvent.Committed;
import dev.grid.txn.TxnEvent.Enlisted;
import dev.grid.txn.TxnEvent.Prepared;
import dev.grid.txn.test.EventRecorder;
import dev.grid.txn.test.H2Databases;
import dev.grid.txn.test.TxnTestConfig;
import dev.grid.txn.test.VotingNoXAResource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** XA over a grid member's IMap (and IQueue) and an embedded H2 database. */
@Timeout(120)
class TxnH2Test {
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
    static void stop() throws Exception {
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

    private static String key() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private static void insert(TransactionScope scope, String id, int balance) throws SQLException {
        try (PreparedStatement insert = scope.connection("h2").prepareStatement("insert into accounts values (?, ?)")) {
            insert.setString(1, id);
            insert.setInt(2, balance);
            insert.executeUpdate();
        }
    }

    @Test
    void commitsGridAndDatabaseTogether() throws Exception {
        String id = key();
        String txId = txns.required(scope -> {
            scope.imap("accounts").put(id, 100);
            insert(scope, id, 100);
            return scope.txId();
        });
        IMap<String, Integer> accounts = grid.hazelcast().getMap("accounts");
        assertEquals(100, accounts.get(id));
        assertEquals(100, H2Databases.balance(h2, id));
        assertFalse(accounts.isLocked(id), "the grid key must be unlocked after commit");
        assertTrue(txns.inFlight().stream().noneMatch(t -> t.txId().equals(txId)));
    }

    @Test
    void rollsBackBothAndRethrowsTheWorksExceptionWhenTheWorkFails() throws Exception {
        String id = key();
        IOException thrown = new IOException("work failed on purpose");
        IOException caught = assertThrows(IOException.class, () -> txns.required(scope -> {
            scope.imap("accounts").put(id, 5);
            insert(scope, id, 5);
            throw thrown;
        }));
        assertSame(thrown, caught);
        IMap<String, Integer> accounts = grid.hazelcast().getMap("accounts");
        assertNull(accounts.get(id));
        assertNull(H2Databases.balance(h2, id));
        assertFalse(accounts.isLocked(id));
    }

    @Test
    void keepsDatabaseWorkWhenTheWorkClosesItsConnectionBeforeCommit() throws Exception {
        String id = key();
        txns.required(scope -> {
            scope.imap("accounts").put(id, 7);
            try (Connection connection = scope.connection("h2");
                 PreparedStatement insert = connection.prepareStatement("insert into accounts values (?, ?)")) {
                insert.setString(1, id);
                insert.setInt(2, 7);
                insert.executeUpdate();
            }
            assertTrue(scope.connection("h2").isValid(1), "the same connection is handed out again in the transaction");
            return null;
        });
        assertEquals(7, H2Databases.balance(h2, id), "H2 drops the work of a connection closed before commit; grid keeps it open");
    }

    @Test
    void commitsInOnePhaseWhenOnlyOneResourceTakesPart() throws Exception {
        String gridOnly = txns.required(scope -> {
            scope.imap("accounts").put(key(), 1);
            return scope.txId();
        });
        String dbOnly = txns.required(scope -> {
            insert(scope, key(), 1);
            return scope.txId();
        });
        String both = txns.required(scope -> {
            String id = key();
            scope.imap("accounts").put(id, 1);
            insert(scope, id, 1);
            return scope.txId();
        });
        assertEquals(List.of(Began.class, Enlisted.class, Committed.class), events.kindsOf(gridOnly));
        assertTrue(((Committed) events.of(gridOnly).get(2)).onePhase());
        assertEquals(List.of("grid"), events.of(gridOnly).get(2).resources());
        assertEquals(List.of(Began.class, Enlisted.class, Committed.class), events.kindsOf(dbOnly));
        assertTrue(((Committed) events.of(dbOnly).get(2)).onePhase());
        assertEquals(List.of("h2"), events.of(dbOnly).get(2).resources());
        assertEquals(List.of(Began.class, Enlisted.class, Enlisted.class, Prepared.class, Committed.class), events.kindsOf(both));
        assertFalse(((Committed) events.of(both).get(4)).onePhase());
    }

    @Test
    void rollsBackEveryResourceAndReleasesGridLocksWhenOneVotesNoAtPrepare() throws Exception {
        String id = key();
        VotingNoXAResource votingNo = new VotingNoXAResource();
        GridTransactionException failure = assertThrows(GridTransactionException.class, () -> txns.required(scope -> {
            scope.imap("accounts").put(id, 9);
            insert(scope, id, 9);
            scope.enlist("voting-no", votingNo);
            return null;
        }));
        assertTrue(failure.getMessage().contains("refused to prepare"), failure.getMessage());
        assertEquals(1, votingNo.prepares.get());
        IMap<String, Integer> accounts = grid.hazelcast().getMap("accounts");
        assertNull(accounts.get(id));
        assertFalse(accounts.isLocked(id), "a failed prepare must leave no grid lock behind");
        assertNull(H2Databases.balance(h2, id));
        // the key is usable at once by the next transaction
        txns.required(scope -> scope.imap("accounts").put(id, 10));
        assertEquals(10, accounts.get(id));
    }

    @Test
    void requiresNewCommitsOnItsOwnWhileTheOuterTransactionRollsBack() {
        String outerKey = key();
        String innerKey = key();
        assertThrows(IllegalStateException.class, () -> txns.required(outer -> {
            outer.imap("accounts").put(outerKey, 1);
            txns.requiresNew(inner -> inner.imap("accounts").put(innerKey, 2));
            outer.imap("accounts").put(outerKey, 3);
            throw new IllegalStateException("outer fails");
        }));
        IMap<String, Integer> accounts = grid.hazelcast().getMap("accounts");
        assertEquals(2, accounts.get(innerKey));
        assertNull(accounts.get(outerKey));
        assertFalse(accounts.isLocked(outerKey));
    }

    @Test
    void requiredJoinsTheCurrentTransaction() throws Exception {
        String id = key();
        String[] ids = new String[2];
        txns.required(outer -> {
            ids[0] = outer.txId();
            outer.imap("accounts").put(id, 1);
            return txns.required(inner -> {
                ids[1] = inner.txId();
                insert(inner, id, 1);
                return null;
            });
        });
        assertEquals(ids[0], ids[1]);
        assertEquals(1, H2Databases.balance(h2, id));
    }

    @Test
    void queueOffersCommitWithTheDatabase() throws Exception {
        String queue = "q-" + key();
        String id = key();
        txns.required(scope -> {
            scope.queue(queue).offer("order-" + id);
            insert(scope, id, 3);
            return null;
        });
        assertEquals("order-" + id, grid.hazelcast().getQueue(queue).poll());
        assertThrows(IllegalArgumentException.class, () -> txns.required(scope -> {
            scope.queue(queue).offer("never");
            throw new IllegalArgumentException("no");
        }));
        assertNull(grid.hazelcast().getQueue(queue).poll());
    }

    @Test
    void workRequestingRollbackRollsBackWithoutAnException() {
        String id = key();
        String result = txns.required(scope -> {
            scope.imap("accounts").put(id, 1);
            scope.setRollbackOnly();
            return "done";
        });
        assertEquals("done", result);
        assertNull(grid.hazelcast().getMap("accounts").get(id));
    }
}
