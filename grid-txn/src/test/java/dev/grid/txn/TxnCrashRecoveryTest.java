package dev.grid.txn;

import com.hazelcast.map.IMap;
import dev.grid.core.Grid;
import dev.grid.core.test.TestClusters;
import dev.grid.txn.test.PostgresServer;
import dev.grid.txn.test.TxnCrashApp;
import dev.grid.txn.test.TxnProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import javax.transaction.xa.XAResource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The transaction manager crashes mid-commit and a new one recovers. The realistic layout: the grid member and
 * PostgreSQL run here (they survive), the application (a grid client with its transaction manager) runs in a JVM
 * of its own, which halts at a crash point; a second application JVM with the same node identifier and object
 * store runs recovery.
 */
@Timeout(300)
class TxnCrashRecoveryTest {
    private static final Pattern RECOVERED = Pattern.compile("RECOVERED (\\d+)");
    private static PostgresServer postgres;
    private static TestClusters cluster;
    private static Grid member;

    @BeforeAll
    static void start() throws SQLException {
        postgres = PostgresServer.start();
        try (Connection connection = postgres.connect(); Statement statement = connection.createStatement()) {
            statement.execute("create table accounts(id varchar(32) primary key, balance int not null)");
        }
        cluster = TestClusters.of(1, 7);
        member = cluster.startMember();
    }

    @AfterAll
    static void stop() {
        try {
            if (member != null) {
                member.close();
            }
        } finally {
            if (postgres != null) {
                postgres.close();
            }
        }
    }

    @Test
    void crashAfterEveryResourcePreparedIsCommittedByRecoveryInANewJvm() throws Exception {
        String key = "k-" + UUID.randomUUID().toString().substring(0, 8);
        String[] args = args("halt-before-commit", key);
        Path dir = Path.of(args[4]).getParent();
        try (TxnProcess app = TxnProcess.start(dir, args)) {
            int exit = app.waitForExit(Duration.ofSeconds(90));
            assertEquals(137, exit, "the application must halt at the crash point; out:\n" + app.out() + "\nerr:\n" + TxnProcess.tail(app.err()));
            assertTrue(app.out().contains("HALTING at COMMIT"), app.out());
        }
        IMap<String, String> accounts = member.hazelcast().getMap("accounts");
        assertEquals(1, preparedTransactions(), "PostgreSQL holds the prepared branch");
        // reading the key would block: Hazelcast makes readers of a key locked by a prepared branch wait
        assertTrue(accounts.isLocked(key), "the prepared grid branch holds its key's lock");
        assertEquals(1, member.hazelcast().getXAResource().recover(XAResource.TMSTARTRSCAN | XAResource.TMENDRSCAN).length,
                "the member holds the prepared grid branch");

        long millis = recover(args, key);
        System.out.println("TxnCrashRecoveryTest: recovery after a crash between prepare and commit took " + millis + " ms");

        assertEquals("committed", accounts.get(key));
        assertFalse(accounts.isLocked(key), "recovery must release the grid key's lock");
        assertEquals(1, balance(key));
        assertEquals(0, preparedTransactions());
    }

    @Test
    void crashWhenOnlyTheDatabasePreparedIsRolledBackByRecovery() throws Exception {
        String key = "k-" + UUID.randomUUID().toString().substring(0, 8);
        String[] args = args("halt-after-db-prepare", key);
        Path dir = Path.of(args[4]).getParent();
        try (TxnProcess app = TxnProcess.start(dir, args)) {
            int exit = app.waitForExit(Duration.ofSeconds(90));
            assertEquals(137, exit, "the application must halt at the crash point; out:\n" + app.out() + "\nerr:\n" + TxnProcess.tail(app.err()));
            assertTrue(app.out().contains("HALTING at PREPARE"), app.out());
        }
        assertEquals(1, preparedTransactions(), "PostgreSQL holds the prepared branch");

        long millis = recover(args, key);
        System.out.println("TxnCrashRecoveryTest: recovery of a branch prepared only in the database took " + millis + " ms");

        assertNull(balance(key));
        assertEquals(0, preparedTransactions());
        // the grid branch was never prepared: nothing to recover; its key lock lives until the branch's XA timeout
        IMap<String, String> accounts = member.hazelcast().getMap("accounts");
        long lockedSince = System.nanoTime();
        await().atMost(Duration.ofSeconds(TxnCrashApp.GRID_XA_TIMEOUT_SECONDS + 30)).pollInterval(Duration.ofMillis(200))
                .until(() -> !accounts.isLocked(key));
        System.out.println("TxnCrashRecoveryTest: the dead client's unprepared grid branch released its lock "
                + (System.nanoTime() - lockedSince) / 1_000_000 + " ms after recovery (grid XA timeout "
                + TxnCrashApp.GRID_XA_TIMEOUT_SECONDS + " s)");
        assertNull(accounts.get(key));
    }

    private long recover(String[] crashArgs, String key) throws Exception {
        String[] args = crashArgs.clone();
        args[0] = "recover";
        try (TxnProcess recovery = TxnProcess.start(Path.of(args[4]).getParent(), args)) {
            int exit = recovery.waitForExit(Duration.ofSeconds(150));
            String out = recovery.out();
            assertEquals(0, exit, "recovery failed; out:\n" + out + "\nerr:\n" + TxnProcess.tail(recovery.err()));
            Matcher matcher = RECOVERED.matcher(out);
            assertTrue(matcher.find(), out);
            System.out.println("TxnCrashRecoveryTest [" + key + "]: " + out.replace('\n', ' '));
            return Long.parseLong(matcher.group(1));
        }
    }

    private static String[] args(String mode, String key) throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "txn-crash", key)).toAbsolutePath();
        String nodeId = "crash-" + key;
        return new String[]{mode, cluster.clusterName(), cluster.memberAddresses().get(0), postgres.jdbcUrl(),
                dir.resolve("object-store").toString(), nodeId, key};
    }

    private static int preparedTransactions() throws SQLException {
        try (Connection connection = postgres.connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select count(*) from pg_prepared_xacts")) {
            rows.next();
            return rows.getInt(1);
        }
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
}
