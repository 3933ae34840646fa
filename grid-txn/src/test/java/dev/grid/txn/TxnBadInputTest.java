package dev.grid.txn;

import dev.grid.core.Grid;
import dev.grid.core.GridConfigException;
import dev.grid.core.test.TestClusters;
import dev.grid.txn.test.H2Databases;
import dev.grid.txn.test.TxnTestConfig;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import javax.sql.DataSource;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Misuse and bad configuration get clear errors naming what and where; nothing is left half done. */
@Timeout(120)
class TxnBadInputTest {
    private static Grid grid;
    private static JdbcDataSource h2;
    private static GridTransactions txns;

    @BeforeAll
    static void start() {
        grid = TestClusters.of(1, 7).startMember();
        h2 = H2Databases.newDatabase();
        txns = GridTransactions.start(grid, TxnTestConfig.forThisJvm().addDataSource("h2", h2));
    }

    @AfterAll
    static void stop() {
        if (txns != null) {
            txns.close();
        }
        if (grid != null) {
            grid.close();
        }
    }

    @Test
    void aScopeUsedAfterItsTransactionCompletedIsRefused() {
        TransactionScope[] leaked = new TransactionScope[1];
        String txId = txns.required(scope -> {
            leaked[0] = scope;
            scope.imap("accounts").put("leak", 1);
            return scope.txId();
        });
        IllegalStateException failure = assertThrows(IllegalStateException.class, () -> leaked[0].imap("accounts"));
        assertTrue(failure.getMessage().contains(txId) && failure.getMessage().contains("after the transaction completed (committed)"),
                failure.getMessage());
        assertThrows(IllegalStateException.class, () -> leaked[0].connection("h2"));
    }

    @Test
    void aConnectionUsedAfterItsTransactionCompletedIsRefused() {
        Connection[] leaked = new Connection[1];
        txns.required(scope -> {
            leaked[0] = scope.connection("h2");
            return null;
        });
        SQLException failure = assertThrows(SQLException.class, () -> leaked[0].createStatement());
        assertTrue(failure.getMessage().contains("has completed"), failure.getMessage());
    }

    @Test
    void workHandingItsScopeToAnotherThreadIsRefusedAndRollsBack() throws Exception {
        String id = "t-" + UUID.randomUUID().toString().substring(0, 8);
        ExecutionException failure = assertThrows(ExecutionException.class, () -> txns.required(scope -> {
            scope.imap("accounts").put(id, 1);
            return CompletableFuture.supplyAsync(() -> scope.imap("accounts").put(id + "-other", 2)).get(10, TimeUnit.SECONDS);
        }));
        IllegalStateException cause = assertInstanceOf(IllegalStateException.class, failure.getCause());
        assertTrue(cause.getMessage().contains("belongs to thread '" + Thread.currentThread().getName() + "'"), cause.getMessage());
        assertNull(grid.hazelcast().getMap("accounts").get(id), "the transaction must have rolled back");
        assertFalse(grid.hazelcast().getMap("accounts").isLocked(id));
    }

    @Test
    void theWorkCannotCommitOrRollBackTheConnectionItself() {
        SQLException failure = assertThrows(SQLException.class, () -> txns.required(scope -> {
            scope.connection("h2").commit();
            return null;
        }));
        assertTrue(failure.getMessage().contains("commit on the connection to data source 'h2' is refused"), failure.getMessage());
    }

    @Test
    void anUnknownDataSourceNameListsTheRegisteredOnes() {
        IllegalArgumentException failure = assertThrows(IllegalArgumentException.class,
                () -> txns.required(scope -> scope.connection("orders")));
        assertEquals("no data source named 'orders'; registered: [h2] (GridTxnConfig.addDataSource)", failure.getMessage());
    }

    @Test
    void aDataSourceThatIsNotXaCapableIsRefused() {
        DataSource plain = (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{DataSource.class},
                (proxy, method, args) -> {
                    throw new UnsupportedOperationException();
                });
        GridConfigException failure = assertThrows(GridConfigException.class,
                () -> new GridTxnConfig().addDataSource("orders", plain));
        assertEquals("txn.dataSources.orders", failure.key());
        assertTrue(failure.getMessage().contains("is not XA-capable") && failure.getMessage().contains("javax.sql.XADataSource"),
                failure.getMessage());
    }

    @Test
    void anObjectStoreDirectoryThatCannotBeWrittenIsNamed() throws Exception {
        Path file = Files.createTempFile(Path.of("target"), "not-a-directory", ".txt");
        Path store = file.resolve("store");
        GridConfigException failure = assertThrows(GridConfigException.class,
                () -> GridTransactions.start(grid, TxnTestConfig.forThisJvm().setObjectStoreDirectory(store)));
        assertEquals("txn.objectStoreDirectory", failure.key());
        assertTrue(failure.getMessage().contains(store.toAbsolutePath().normalize() + " cannot be written"), failure.getMessage());
    }

    @Test
    void aSecondConfigurationThatConflictsWithTheJvmsIsRefused() {
        GridConfigException failure = assertThrows(GridConfigException.class,
                () -> GridTransactions.start(grid, TxnTestConfig.forThisJvm().setDefaultTimeout(Duration.ofSeconds(31))));
        assertTrue(failure.getMessage().contains("already configured") && failure.getMessage().contains("defaultTimeout=30s")
                && failure.getMessage().contains("defaultTimeout=31s"), failure.getMessage());
        // an equal configuration may start another instance (here over the same grid, with other data sources)
        GridTransactions second = GridTransactions.start(grid, TxnTestConfig.forThisJvm());
        second.close();
        assertEquals(1, (int) txns.required(scope -> 1), "closing the second instance leaves the first working");
    }

    @Test
    void badValuesNameTheirKey() {
        assertEquals("txn.defaultTimeout must be > 0, was 0s", assertThrows(GridConfigException.class,
                () -> new GridTxnConfig().setDefaultTimeout(Duration.ZERO)).getMessage());
        assertEquals("txn.recoveryPeriod must be a whole number of seconds, was 1.5s", assertThrows(GridConfigException.class,
                () -> new GridTxnConfig().setRecoveryPeriod(Duration.ofMillis(1500))).getMessage());
        assertTrue(assertThrows(GridConfigException.class, () -> new GridTxnConfig().setNodeIdentifier("a-node-identifier-of-29-chars"))
                .getMessage().startsWith("txn.nodeIdentifier must be at most 28 characters"));
        assertTrue(assertThrows(GridConfigException.class, () -> new GridTxnConfig().setNodeIdentifier("*"))
                .getMessage().startsWith("txn.nodeIdentifier must be letters"));
        GridConfigException tooShort = assertThrows(GridConfigException.class,
                () -> new GridTxnConfig().setGridXaTimeout(Duration.ofSeconds(30)).validate());
        assertEquals("txn.gridXaTimeout", tooShort.key());
        assertTrue(tooShort.getMessage().contains("must be at least"), tooShort.getMessage());
        assertTrue(assertThrows(GridConfigException.class, () -> new GridTxnConfig().addDataSource("h2", h2).addDataSource("h2", h2))
                .getMessage().contains("registered twice"));
    }

}
