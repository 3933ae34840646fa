package dev.grid.txn;

import com.hazelcast.map.IMap;
import dev.grid.core.Grid;
import dev.grid.core.GridMap;
import dev.grid.core.TransactionalGridMap;
import dev.grid.core.test.GridCluster;
import dev.grid.txn.test.GridMapLocks;
import dev.grid.txn.test.PostgresServer;
import dev.grid.txn.test.TxnTestConfig;
import dev.grid.txn.test.VotingNoXAResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** XA over a grid member's GridMap and IMap and a real PostgreSQL server (prepared transactions enabled). */
@Timeout(180)
class TxnPostgresTest {
    @RegisterExtension
    static final GridCluster CLUSTER = GridCluster.withMembers(1).partitions(7);

    private static PostgresServer postgres;
    private static Grid grid;
    private static GridTransactions txns;

    @BeforeAll
    static void start() throws SQLException {
        postgres = PostgresServer.start();
        try (Connection connection = postgres.connect(); Statement statement = connection.createStatement()) {
            statement.execute("create table accounts(id varchar(32) primary key, balance int not null)");
            // checked at commit (PREPARE TRANSACTION), not at insert: a database voting no at prepare
            statement.execute("create table transfers(id varchar(32) not null, constraint transfers_unique unique (id) "
                    + "deferrable initially deferred)");
        }
        grid = CLUSTER.member(0);
        txns = GridTransactions.start(grid, TxnTestConfig.forThisJvm().addDataSource("pg", postgres.xaDataSource()));
    }

    @AfterAll
    static void stop() {
        try {
            if (txns != null) {
                txns.close();
            }
        } finally {
            if (postgres != null) {
                postgres.close();
            }
        }
    }

    private static String key() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private static Integer balance(String id) throws SQLException {
        try (Connection connection = postgres.connect();
             PreparedStatement query = connection.prepareStatement("select balance from accounts where id = ?")) {
            query.setString(1, id);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? rows.getInt(1) : null;
            }
        }
    }

    private static int preparedTransactions() throws SQLException {
        try (Connection connection = postgres.connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select count(*) from pg_prepared_xacts")) {
            rows.next();
            return rows.getInt(1);
        }
    }

    private static void execute(TransactionScope scope, String sql, String id) throws SQLException {
        try (PreparedStatement statement = scope.connection("pg").prepareStatement(sql)) {
            statement.setString(1, id);
            statement.executeUpdate();
        }
    }

    @Test
    void commitsGridAndPostgresTogether() throws Exception {
        String id = key();
        txns.required(scope -> {
            scope.imap("accounts").put(id, 250);
            execute(scope, "insert into accounts values (?, 250)", id);
            return null;
        });
        IMap<String, Integer> accounts = grid.hazelcast().getMap("accounts");
        assertEquals(250, accounts.get(id));
        assertEquals(250, balance(id));
        assertFalse(accounts.isLocked(id));
        assertEquals(0, preparedTransactions());
    }

    @Test
    void rollsBackGridAndPostgresWhenTheWorkFails() throws Exception {
        String id = key();
        assertThrows(SQLException.class, () -> txns.required(scope -> {
            scope.imap("accounts").put(id, 1);
            execute(scope, "insert into accounts values (?, 1)", id);
            throw new SQLException("work failed on purpose");
        }));
        assertNull(grid.hazelcast().getMap("accounts").get(id));
        assertNull(balance(id));
        assertFalse(grid.hazelcast().getMap("accounts").isLocked(id));
    }

    @Test
    void postgresVotingNoAtPrepareRollsBackTheGridAndFreesItsLocks() throws Exception {
        String duplicate = key();
        String id = key();
        GridTransactionException failure = assertThrows(GridTransactionException.class, () -> txns.required(scope -> {
            scope.imap("accounts").put(id, 40);
            execute(scope, "insert into transfers values (?)", duplicate);
            execute(scope, "insert into transfers values (?)", duplicate); // deferred: fails at PREPARE TRANSACTION
            execute(scope, "insert into accounts values (?, 40)", id);
            return null;
        }));
        assertTrue(failure.getMessage().contains("refused to prepare"), failure.getMessage());
        IMap<String, Integer> accounts = grid.hazelcast().getMap("accounts");
        assertNull(accounts.get(id));
        assertFalse(accounts.isLocked(id), "the grid branch must be rolled back, its key locks released");
        assertNull(balance(id));
        assertEquals(0, preparedTransactions(), "no branch may stay prepared in PostgreSQL");
    }

    @Test
    void databaseOnlyWorkCommitsInOnePhaseWithoutTouchingTheGrid() throws Exception {
        String id = key();
        txns.required(scope -> {
            execute(scope, "insert into accounts values (?, 3)", id);
            assertEquals(1, txns.inFlight().stream().filter(t -> t.txId().equals(scope.txId())).count());
            assertEquals(java.util.List.of("pg"), txns.inFlight().stream().filter(t -> t.txId().equals(scope.txId()))
                    .findFirst().orElseThrow().resources());
            return null;
        });
        assertEquals(3, balance(id));
    }

    private static List<String> resourcesOf(String txId) {
        return txns.inFlight().stream().filter(t -> t.txId().equals(txId)).findFirst().orElseThrow().resources();
    }

    @Test
    void commitsGridMapPostgresAndIMapTogether() throws Exception {
        String id = key();
        GridMap<String, Integer> ledger = grid.map("ledger");
        ledger.set(id, 10);
        txns.required(scope -> {
            TransactionalGridMap<String, Integer> txLedger = scope.gridMap("ledger");
            assertEquals(10, txLedger.getForUpdate(id));
            assertEquals(10, txLedger.put(id, 70));
            assertEquals(70, txLedger.get(id), "the transaction sees its own write");
            scope.imap("accounts").put(id, 70);
            execute(scope, "insert into accounts values (?, 70)", id);
            assertEquals(10, ledger.get(id), "others see the committed value until commit");
            assertFalse(GridMapLocks.lockable(grid, "ledger", id), "the key stays locked until the transaction ends");
            assertEquals(List.of("grid", "pg"), resourcesOf(scope.txId()), "GridMap and IMap share the grid's one branch");
            return null;
        });
        assertEquals(70, ledger.get(id));
        assertEquals(70, grid.hazelcast().getMap("accounts").get(id));
        assertEquals(70, balance(id));
        assertTrue(GridMapLocks.lockable(grid, "ledger", id), "commit releases the GridMap lock");
        assertFalse(grid.hazelcast().getMap("accounts").isLocked(id));
        assertEquals(0, preparedTransactions());
    }

    @Test
    void rollsBackGridMapPostgresAndIMapWhenTheWorkFails() throws Exception {
        String id = key();
        GridMap<String, Integer> ledger = grid.map("ledger");
        ledger.set(id, 5);
        assertThrows(SQLException.class, () -> txns.required(scope -> {
            scope.<String, Integer>gridMap("ledger").put(id, 6);
            scope.<String, Integer>gridMap("ledger").put(id + "-new", 6);
            scope.imap("accounts").put(id, 6);
            execute(scope, "insert into accounts values (?, 6)", id);
            throw new SQLException("work failed on purpose");
        }));
        assertEquals(5, ledger.get(id));
        assertNull(ledger.get(id + "-new"));
        assertNull(grid.hazelcast().getMap("accounts").get(id));
        assertNull(balance(id));
        assertTrue(GridMapLocks.lockable(grid, "ledger", id), "rollback releases the GridMap lock");
        assertTrue(GridMapLocks.lockable(grid, "ledger", id + "-new"));
        assertFalse(grid.hazelcast().getMap("accounts").isLocked(id));
    }

    @Test
    void aResourceVotingNoAfterGridMapAndPostgresPreparedRollsBackAllAndReleasesTheGridMapLocksAtOnce() throws Exception {
        String id = key();
        GridMap<String, Integer> ledger = grid.map("ledger");
        ledger.set(id, 1);
        VotingNoXAResource no = new VotingNoXAResource();
        GridTransactionException failure = assertThrows(GridTransactionException.class, () -> txns.required(scope -> {
            scope.<String, Integer>gridMap("ledger").put(id, 2);
            scope.imap("accounts").put(id, 2);
            execute(scope, "insert into accounts values (?, 2)", id);
            scope.enlist("votes-no", no); // enlisted last: asked to prepare after the grid and PostgreSQL prepared
            return null;
        }));
        assertTrue(failure.getMessage().contains("refused to prepare"), failure.getMessage());
        assertEquals(1, no.prepares.get());
        long start = System.nanoTime();
        assertTrue(GridMapLocks.lockable(grid, "ledger", id), "the prepared grid branch's rollback released the GridMap lock");
        System.out.println("TxnPostgresTest: GridMap key lockable " + (System.nanoTime() - start) / 1_000_000
                + " ms after the rolled-back transaction returned");
        assertEquals(1, ledger.get(id));
        assertNull(grid.hazelcast().getMap("accounts").get(id));
        assertFalse(grid.hazelcast().getMap("accounts").isLocked(id));
        assertNull(balance(id));
        assertEquals(0, preparedTransactions(), "no branch may stay prepared in PostgreSQL");
        assertEquals(0, grid.hazelcast().getXAResource().recover(javax.transaction.xa.XAResource.TMSTARTRSCAN
                | javax.transaction.xa.XAResource.TMENDRSCAN).length, "no grid branch may stay prepared");
    }

    private static int backendPid(TransactionScope scope) throws SQLException {
        try (Statement statement = scope.connection("pg").createStatement();
             ResultSet rows = statement.executeQuery("select pg_backend_pid()")) {
            rows.next();
            return rows.getInt(1);
        }
    }

    @Test
    void theNextTransactionReusesTheDatabaseConnectionOfACompletedOneButNotOfOneWhosePrepareFailed() throws Exception {
        String id = key();
        int first = txns.required(scope -> {
            scope.<String, Integer>gridMap("ledger").set(id, 1);
            execute(scope, "insert into accounts values (?, 1)", id);
            return backendPid(scope);
        });
        int second = txns.required(scope -> {
            execute(scope, "update accounts set balance = 2 where id = ?", id);
            return backendPid(scope);
        });
        assertEquals(first, second, "a connection whose transaction committed serves the next one (same server process)");
        assertEquals(2, balance(id));

        String duplicate = key();
        int[] refused = new int[1];
        assertThrows(GridTransactionException.class, () -> txns.required(scope -> {
            scope.<String, Integer>gridMap("ledger").set(duplicate, 1);
            refused[0] = backendPid(scope);
            execute(scope, "insert into transfers values (?)", duplicate);
            execute(scope, "insert into transfers values (?)", duplicate); // fails at PREPARE TRANSACTION
            return null;
        }));
        int after = txns.required(TxnPostgresTest::backendPid);
        assertTrue(after != refused[0], "a connection whose prepare failed is closed, not reused");
        assertEquals(0, preparedTransactions());
    }
}
