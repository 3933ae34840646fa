package dev.grid.monitor.test;

import com.arjuna.ats.jta.xa.XATxConverter;
import com.arjuna.ats.jta.xa.XidImple;
import dev.grid.core.Grid;
import dev.grid.core.TransactionalGridMap;
import dev.grid.core.config.GridClientConfig;
import dev.grid.monitor.GridMonitor;
import dev.grid.txn.GridTransactions;
import dev.grid.txn.GridTxnConfig;
import dev.grid.txn.RecoveryReport;
import org.h2.jdbcx.JdbcDataSource;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.XAConnection;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;

/**
 * An application JVM with a transaction manager: a grid client running {@link GridTransactions} over the
 * grid (GridMap {@code accounts}) and an H2 database served by the test's JVM, forwarding its events to the
 * cluster's monitor with {@link GridMonitor#forwardEvents(Grid)}. Modes:
 * <ul>
 *   <li>{@code prepare-and-block}: one transaction writes the key to both resources; every resource
 *       prepares, the commit decision is logged, and the commit blocks in a {@link CommitGate}: the
 *       transaction is in doubt. Prints {@code IN-DOUBT <txId>} and waits to be killed.</li>
 *   <li>{@code recover}: a transaction manager with the same node identifier and object store runs recovery
 *       until nothing of this node is in doubt anywhere, prints {@code RECOVERED <ms> COMMITTED [...]} and
 *       exits (its forwarder delivers the {@code txn.recovery-completed} event before it does).</li>
 * </ul>
 *
 * <p>Arguments: mode clusterName memberAddresses(comma-separated) h2TcpUrl objectStoreDir nodeId key
 */
public final class TransactionManagerApp {
    private TransactionManagerApp() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        GridClientConfig clientConfig = new GridClientConfig().setClusterName(args[1]).setAddresses(Arrays.asList(args[2].split(",")));
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL(args[3]);
        h2.setUser("sa");
        String nodeId = args[5];
        String key = args[6];
        GridTxnConfig config = new GridTxnConfig()
                .setObjectStoreDirectory(Path.of(args[4]))
                .setNodeIdentifier(nodeId)
                .setDefaultTimeout(Duration.ofSeconds(120))
                .setRecoveryPeriod(Duration.ofSeconds(2))
                .setRecoveryBackoff(Duration.ofSeconds(1))
                .setOrphanSafetyInterval(Duration.ofSeconds(1))
                .setRecoveryEnabled(false)
                .addDataSource("h2", h2);
        try (Grid grid = Grid.client(clientConfig)) {
            AutoCloseable forwarding = GridMonitor.forwardEvents(grid);
            try (GridTransactions txns = GridTransactions.start(grid, config)) {
                switch (mode) {
                    case "prepare-and-block" -> prepareAndBlock(txns, key);
                    case "recover" -> recover(grid, txns, h2, nodeId);
                    default -> throw new IllegalArgumentException("unknown mode " + mode);
                }
            } finally {
                forwarding.close(); // delivers the events still queued
            }
        }
        System.out.println("EXITED");
    }

    private static void prepareAndBlock(GridTransactions txns, String key) throws Exception {
        AtomicReference<String> txId = new AtomicReference<>();
        ExecutorService worker = Executors.newSingleThreadExecutor();
        worker.submit(() -> txns.required(scope -> {
            txId.set(scope.txId());
            scope.enlist("commit-gate", new CommitGate());
            TransactionalGridMap<String, String> accounts = TransactionalGridMap.in(scope.transactionContext(), "accounts");
            accounts.set(key, "committed");
            try (PreparedStatement insert = scope.connection("h2").prepareStatement("insert into accounts values (?, 1)")) {
                insert.setString(1, key);
                insert.executeUpdate();
            }
            return null;
        }));
        if (!CommitGate.awaitBlocked(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the transaction did not reach its commit within 60 s");
        }
        System.out.println("IN-DOUBT " + txId.get());
        System.out.flush();
        worker.awaitTermination(CommitGate.MAX_BLOCK_SECONDS, TimeUnit.SECONDS);
    }

    private static void recover(Grid grid, GridTransactions txns, JdbcDataSource h2, String nodeId) throws Exception {
        long start = System.nanoTime();
        long deadline = start + TimeUnit.SECONDS.toNanos(90);
        List<String> committed = new ArrayList<>();
        List<String> rolledBack = new ArrayList<>();
        System.out.println("IN-DOUBT AT START " + txns.inDoubt());
        while (true) {
            RecoveryReport report = txns.recoverNow();
            committed.addAll(report.committed());
            rolledBack.addAll(report.rolledBack());
            int gridBranches = branchesOf(grid.hazelcast().getXAResource(), nodeId);
            int h2Branches;
            XAConnection connection = h2.getXAConnection();
            try {
                h2Branches = branchesOf(connection.getXAResource(), nodeId);
            } finally {
                connection.close();
            }
            if (txns.inDoubt().isEmpty() && gridBranches == 0 && h2Branches == 0) {
                break;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("still in doubt after 90 s: log " + txns.inDoubt() + ", grid branches " + gridBranches
                        + ", H2 branches " + h2Branches);
            }
        }
        System.out.println("RECOVERED " + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) + " COMMITTED " + committed
                + " ROLLED-BACK " + rolledBack);
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
