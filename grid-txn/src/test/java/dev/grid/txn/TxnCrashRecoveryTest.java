package dev.grid.txn;

import com.hazelcast.map.IMap;
import dev.grid.core.Grid;
import dev.grid.core.GridMap;
import dev.grid.core.test.GridCluster;
import dev.grid.txn.test.CrashPoint;
import dev.grid.txn.test.GridMapLocks;
import dev.grid.txn.test.PostgresServer;
import dev.grid.txn.test.TxnCrashApp;
import dev.grid.txn.test.TxnProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import javax.transaction.xa.XAResource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The application (a grid client with Narayana) runs in a JVM of its own; the grid member and PostgreSQL run here
 * and survive. The crash-point matrix: the application stops its transactions at a point of two-phase commit
 * ({@link CrashPoint}: after every prepare but before the commit decision is logged; at the first commit call;
 * between the two commits, either order; after only the database prepared), prints where it stands, and this test
 * kills it with SIGKILL. A new application JVM with the same node identifier and object store recovers: grid
 * (GridMap and IMap) and PostgreSQL then agree for every transaction, no branch stays prepared anywhere, and it
 * takes at most three recovery scans. The same client JVM also commits and rolls back such a transaction.
 */
@Timeout(300)
class TxnCrashRecoveryTest {
    private static final int TRANSACTIONS_PER_POINT = 3;
    private static final int MAX_SCANS = 3;
    private static final Pattern RECOVERED = Pattern.compile("RECOVERED (\\d+) SCANS (\\d+)");
    @RegisterExtension
    static final GridCluster CLUSTER = GridCluster.withMembers(1).partitions(7);
    private static PostgresServer postgres;
    private static Grid member;

    @BeforeAll
    static void start() throws SQLException {
        postgres = PostgresServer.start();
        try (Connection connection = postgres.connect(); Statement statement = connection.createStatement()) {
            statement.execute("create table accounts(id varchar(32) primary key, balance int not null)");
        }
        member = CLUSTER.member(0);
    }

    @AfterAll
    static void stop() {
        if (postgres != null) {
            postgres.close();
        }
    }

    /** Tagged {@code faults}: a JVM killed at each point, about 60 s in all; CI runs it in its fault step. */
    @Tag("faults")
    @ParameterizedTest
    @EnumSource(CrashPoint.class)
    void theTransactionManagerKilledAtTheCrashPointIsRecoveredByANewJvmToOneOutcomeEverywhere(CrashPoint point) throws Exception {
        String key = "c" + point.ordinal() + "-" + UUID.randomUUID().toString().substring(0, 8);
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < TRANSACTIONS_PER_POINT; i++) {
            keys.add(key + "-" + i);
        }
        String[] args = args("crash", key, point.name(), Integer.toString(TRANSACTIONS_PER_POINT));
        try (TxnProcess app = TxnProcess.start(dir(args), args)) {
            app.awaitLines("AT " + point, TRANSACTIONS_PER_POINT, Duration.ofSeconds(120));
            assertEquals(137, app.kill(), "SIGKILL");
        }
        GridMap<String, String> ledger = member.map(TxnCrashApp.GRID_MAP);
        IMap<String, String> accounts = member.hazelcast().getMap(TxnCrashApp.IMAP);

        // where the kill left them
        assertEquals(point.dbPreparedAtCrash() ? keys.size() : 0, preparedTransactions(), "PostgreSQL's prepared branches at the kill");
        assertEquals(point.gridPreparedAtCrash() ? keys.size() : 0, gridPreparedBranches(), "the grid's prepared branches at the kill");
        for (String k : keys) {
            assertEquals(point.gridCommittedAtCrash() ? TxnCrashApp.VALUE : null, ledger.get(k), "GridMap at the kill, " + k);
            assertEquals(point.dbCommittedAtCrash() ? 1 : null, balance(k), "PostgreSQL at the kill, " + k);
            if (point.gridPreparedAtCrash()) {
                assertFalse(GridMapLocks.lockable(member, TxnCrashApp.GRID_MAP, k), "a prepared branch holds its GridMap lock, " + k);
            }
        }

        Recovery recovery = recover(args);
        System.out.printf("TxnCrashRecoveryTest: %s (%d transactions, expected %s): recovered in %d ms, %d scan(s)%n", point,
                keys.size(), point.committed() ? "committed" : "rolled back", recovery.millis, recovery.scans);
        assertTrue(recovery.scans <= MAX_SCANS, "recovery took " + recovery.scans + " scans");

        if (!point.committed() && !point.gridPreparedAtCrash()) {
            // the grid branch was never prepared: nothing to recover; the dead client's locks live until the XA timeout
            long since = System.nanoTime();
            await().atMost(Duration.ofSeconds(TxnCrashApp.GRID_XA_TIMEOUT_SECONDS + 30)).pollInterval(Duration.ofMillis(500))
                    .until(() -> keys.stream().allMatch(k -> !accounts.isLocked(k) && GridMapLocks.lockable(member, TxnCrashApp.GRID_MAP, k)));
            System.out.println("TxnCrashRecoveryTest: the dead client's unprepared grid branches released their locks "
                    + (System.nanoTime() - since) / 1_000_000 + " ms after recovery (grid XA timeout "
                    + TxnCrashApp.GRID_XA_TIMEOUT_SECONDS + " s)");
        }
        for (String k : keys) {
            String expectedGrid = point.committed() ? TxnCrashApp.VALUE : null;
            assertEquals(expectedGrid, ledger.get(k), "GridMap after recovery, " + k);
            assertEquals(expectedGrid, accounts.get(k), "IMap after recovery, " + k);
            assertEquals(point.committed() ? 1 : null, balance(k), "PostgreSQL after recovery, " + k);
            assertTrue(GridMapLocks.lockable(member, TxnCrashApp.GRID_MAP, k), "GridMap lock released, " + k);
            assertFalse(accounts.isLocked(k), "IMap lock released, " + k);
        }
        assertEquals(0, preparedTransactions(), "pg_prepared_xacts after recovery");
        assertEquals(0, gridPreparedBranches(), "the grid's XAResource.recover after recovery");
    }

    @Test
    void aClientInAnotherJvmCommitsGridMapPostgresAndIMapTogether() throws Exception {
        String key = "cc-" + UUID.randomUUID().toString().substring(0, 8);
        String[] args = args("commit", key);
        try (TxnProcess app = TxnProcess.start(dir(args), args)) {
            assertEquals(0, app.waitForExit(Duration.ofSeconds(120)), "out:\n" + app.out() + "\nerr:\n" + TxnProcess.tail(app.err()));
            assertTrue(app.out().contains("COMMITTED "), app.out());
        }
        assertEquals(TxnCrashApp.VALUE, member.map(TxnCrashApp.GRID_MAP).get(key));
        assertEquals(TxnCrashApp.VALUE, member.hazelcast().getMap(TxnCrashApp.IMAP).get(key));
        assertEquals(1, balance(key));
        assertTrue(GridMapLocks.lockable(member, TxnCrashApp.GRID_MAP, key));
        assertEquals(0, preparedTransactions());
        assertEquals(0, gridPreparedBranches());
    }

    @Test
    void aClientInAnotherJvmRollsBackGridMapPostgresAndIMapWhenTheWorkFails() throws Exception {
        String key = "cr-" + UUID.randomUUID().toString().substring(0, 8);
        String[] args = args("rollback", key);
        try (TxnProcess app = TxnProcess.start(dir(args), args)) {
            assertEquals(0, app.waitForExit(Duration.ofSeconds(120)), "out:\n" + app.out() + "\nerr:\n" + TxnProcess.tail(app.err()));
            assertTrue(app.out().contains("ROLLED BACK: work failed on purpose"), app.out());
        }
        assertNull(member.map(TxnCrashApp.GRID_MAP).get(key));
        assertNull(member.hazelcast().getMap(TxnCrashApp.IMAP).get(key));
        assertNull(balance(key));
        assertTrue(GridMapLocks.lockable(member, TxnCrashApp.GRID_MAP, key), "rollback releases the GridMap lock");
        assertFalse(member.hazelcast().getMap(TxnCrashApp.IMAP).isLocked(key));
        assertEquals(0, preparedTransactions());
    }

    private record Recovery(long millis, int scans) {
    }

    private static Recovery recover(String[] crashArgs) throws Exception {
        String[] args = crashArgs.clone();
        args[0] = "recover";
        try (TxnProcess recovery = TxnProcess.start(dir(args), args)) {
            int exit = recovery.waitForExit(Duration.ofSeconds(150));
            String out = recovery.out();
            assertEquals(0, exit, "recovery failed; out:\n" + out + "\nerr:\n" + TxnProcess.tail(recovery.err()));
            Matcher matcher = RECOVERED.matcher(out);
            assertTrue(matcher.find(), out);
            System.out.println("TxnCrashRecoveryTest [" + args[6] + "]: " + out.replace('\n', ' '));
            return new Recovery(Long.parseLong(matcher.group(1)), Integer.parseInt(matcher.group(2)));
        }
    }

    /** @return mode clusterName memberAddress jdbcUrl objectStoreDir nodeId key extra... */
    private static String[] args(String mode, String key, String... extra) throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "txn-crash", key)).toAbsolutePath();
        List<String> args = new ArrayList<>(List.of(mode, CLUSTER.configs().clusterName(), CLUSTER.configs().memberAddresses().get(0),
                postgres.jdbcUrl(), dir.resolve("object-store").toString(), "crash-" + key, key));
        args.addAll(List.of(extra));
        return args.toArray(new String[0]);
    }

    private static Path dir(String[] args) {
        return Path.of(args[4]).getParent();
    }

    private static int gridPreparedBranches() throws Exception {
        return member.hazelcast().getXAResource().recover(XAResource.TMSTARTRSCAN | XAResource.TMENDRSCAN).length;
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
