package dev.grid.txn;

import com.hazelcast.map.IMap;
import dev.grid.core.Grid;
import dev.grid.core.test.TestClusters;
import dev.grid.txn.test.PostgresServer;
import dev.grid.txn.test.TxnTestConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** XA over a grid member's IMap and a real PostgreSQL server (prepared transactions enabled). */
@Timeout(180)
class TxnPostgresTest {
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
        grid = TestClusters.of(1, 7).startMember();
        txns = GridTransactions.start(grid, TxnTestConfig.forThisJvm().addDataSource("pg", postgres.xaDataSource()));
    }

    @AfterAll
    static void stop() {
        try {
            if (txns != null) {
                txns.close();
            }
            if (grid != null) {
                grid.close();
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
}
