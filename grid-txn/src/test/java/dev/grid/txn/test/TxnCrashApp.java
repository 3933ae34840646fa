package dev.grid.txn.test;

import com.arjuna.ats.jta.xa.XATxConverter;
import com.arjuna.ats.jta.xa.XidImple;
import dev.grid.core.Grid;
import dev.grid.core.GridClientConfig;
import dev.grid.txn.GridTransactions;
import dev.grid.txn.GridTxnConfig;
import dev.grid.txn.RecoveryReport;
import org.postgresql.xa.PGXADataSource;

import javax.sql.XAConnection;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The application JVM of the crash tests: a grid client with its transaction manager. Modes:
 * {@code halt-before-commit} and {@code halt-after-db-prepare} run one transaction over the grid and PostgreSQL
 * and halt at that point; {@code recover} starts a transaction manager with the same node identifier and object
 * store, runs recovery until no branch of this node is in doubt anywhere, prints {@code RECOVERED <ms>} and exits.
 *
 * <p>Arguments: mode clusterName memberAddress jdbcUrl objectStoreDir nodeId key
 */
public final class TxnCrashApp {
    /**
     * The grid branches' XA timeout: a prepared branch must be committed by recovery within it (the recovery JVM
     * starts within seconds here), and a dead client's unprepared branch keeps its key locks until it expires.
     */
    public static final int GRID_XA_TIMEOUT_SECONDS = 25;

    private TxnCrashApp() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        long startNanos = System.nanoTime();
        GridClientConfig clientConfig = new GridClientConfig().setClusterName(args[1]).setAddresses(List.of(args[2]));
        PGXADataSource pg = new PGXADataSource();
        pg.setUrl(args[3]);
        pg.setUser("postgres");
        String nodeId = args[5];
        String key = args[6];
        GridTxnConfig config = new GridTxnConfig()
                .setObjectStoreDirectory(Path.of(args[4]))
                .setNodeIdentifier(nodeId)
                .setDefaultTimeout(Duration.ofSeconds(5))
                .setRecoveryPeriod(Duration.ofSeconds(2))
                .setRecoveryBackoff(Duration.ofSeconds(1))
                .setOrphanSafetyInterval(Duration.ofSeconds(1))
                .setGridXaTimeout(Duration.ofSeconds(GRID_XA_TIMEOUT_SECONDS))
                .setRecoveryEnabled(mode.equals("recover"))
                .addDataSource("pg", pg);
        try (Grid grid = Grid.client(clientConfig); GridTransactions txns = GridTransactions.start(grid, config)) {
            switch (mode) {
                case "halt-before-commit" -> txns.required(scope -> {
                    scope.enlist("crash-point", new CrashPoint(CrashPoint.When.COMMIT));
                    scope.imap("accounts").put(key, "committed");
                    insert(scope.connection("pg"), key);
                    return null;
                });
                case "halt-after-db-prepare" -> txns.required(scope -> {
                    insert(scope.connection("pg"), key);
                    scope.enlist("crash-point", new CrashPoint(CrashPoint.When.PREPARE));
                    scope.imap("accounts").put(key, "committed");
                    return null;
                });
                case "recover" -> recover(grid, txns, pg, nodeId, startNanos);
                default -> throw new IllegalArgumentException("unknown mode " + mode);
            }
        }
        System.out.println("EXITING (no crash)");
    }

    private static void insert(java.sql.Connection connection, String key) throws Exception {
        try (PreparedStatement insert = connection.prepareStatement("insert into accounts values (?, 1)")) {
            insert.setString(1, key);
            insert.executeUpdate();
        }
    }

    private static void recover(Grid grid, GridTransactions txns, PGXADataSource pg, String nodeId, long startNanos) throws Exception {
        long recoveryStart = System.nanoTime();
        System.out.println("IN-DOUBT AT START " + txns.inDoubt().size() + " (JVM up after "
                + (recoveryStart - startNanos) / 1_000_000 + " ms)");
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        List<String> committed = new ArrayList<>();
        List<String> rolledBack = new ArrayList<>();
        while (true) {
            RecoveryReport report = txns.recoverNow();
            committed.addAll(report.committed());
            rolledBack.addAll(report.rolledBack());
            int gridBranches = branchesOf(grid.hazelcast().getXAResource(), nodeId);
            int pgBranches;
            XAConnection connection = pg.getXAConnection();
            try {
                pgBranches = branchesOf(connection.getXAResource(), nodeId);
            } finally {
                connection.close();
            }
            if (txns.inDoubt().isEmpty() && gridBranches == 0 && pgBranches == 0) {
                break;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("still in doubt after 90 s: log " + txns.inDoubt() + ", grid branches "
                        + gridBranches + ", PostgreSQL branches " + pgBranches);
            }
        }
        System.out.println("COMMITTED " + committed + " ROLLED-BACK " + rolledBack);
        System.out.println("RECOVERED " + (System.nanoTime() - recoveryStart) / 1_000_000);
    }

    private static int branchesOf(XAResource resource, String nodeId) throws Exception {
        int count = 0;
        Xid[] xids = resource.recover(XAResource.TMSTARTRSCAN | XAResource.TMENDRSCAN);
        for (Xid xid : xids == null ? new Xid[0] : xids) {
            if (xid.getFormatId() == XATxConverter.FORMAT_ID && nodeId.equals(XATxConverter.getNodeName(new XidImple(xid).getXID()))) {
                count++;
            }
        }
        return count;
    }

}
