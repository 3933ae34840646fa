package dev.grid.txn.test;

import dev.grid.core.Grid;
import dev.grid.core.TransactionalGridMap;
import dev.grid.core.config.GridClientConfig;
import dev.grid.txn.GridTransactions;
import dev.grid.txn.GridTxnConfig;
import dev.grid.txn.TransactionScope;
import org.postgresql.xa.PGXADataSource;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The application JVM of the crash and client-server tests: a grid client with its transaction manager. Every
 * transaction writes {@code key → "committed"} to GridMap {@value #GRID_MAP} and IMap {@value #IMAP} and inserts
 * {@code (key, 1)} into PostgreSQL's {@code accounts}. Modes:
 * <ul>
 *   <li>{@code crash POINT N}: N transactions on N threads (keys {@code key-0..key-N-1}), each stopping at the
 *       {@link CrashPoint}; the test kills the JVM once all N printed {@code AT POINT key-i};</li>
 *   <li>{@code commit}, {@code rollback}: one transaction that commits, or whose work fails;</li>
 *   <li>{@code recover}: a transaction manager with the same node identifier and object store runs recovery scans
 *       until no branch of this node is in doubt anywhere, prints {@code RECOVERED <ms> SCANS <n>} and exits.</li>
 * </ul>
 *
 * <p>Arguments: mode clusterName memberAddress jdbcUrl objectStoreDir nodeId key [point count]
 */
public final class TxnCrashApp {
    public static final String GRID_MAP = "ledger";
    public static final String IMAP = "accounts";
    public static final String VALUE = "committed";
    /**
     * The grid branches' XA timeout: a prepared branch must be committed by recovery within it (the recovery JVM
     * starts within seconds here), and a dead client's unprepared branch keeps its key locks until it expires.
     */
    public static final int GRID_XA_TIMEOUT_SECONDS = 30;
    private static final int MAX_SCANS = 10;

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
                .setDefaultTimeout(Duration.ofSeconds(10))
                .setRecoveryPeriod(Duration.ofSeconds(2))
                .setRecoveryBackoff(Duration.ofSeconds(1))
                .setOrphanSafetyInterval(Duration.ofSeconds(1))
                .setGridXaTimeout(Duration.ofSeconds(GRID_XA_TIMEOUT_SECONDS))
                // the recovery JVM drives its scans itself, so that the test can count them
                .setRecoveryEnabled(false)
                .addDataSource("pg", pg);
        try (Grid grid = Grid.client(clientConfig); GridTransactions txns = GridTransactions.start(grid, config)) {
            switch (mode) {
                case "crash" -> crash(txns, CrashPoint.valueOf(args[7]), key, Integer.parseInt(args[8]));
                case "commit" -> System.out.println("COMMITTED " + txns.required(scope -> work(grid, scope, key)));
                case "rollback" -> {
                    try {
                        txns.required(scope -> {
                            work(grid, scope, key);
                            throw new IllegalStateException("work failed on purpose");
                        });
                    } catch (IllegalStateException e) {
                        System.out.println("ROLLED BACK: " + e.getMessage());
                    }
                }
                case "recover" -> recover(grid, txns, pg, startNanos);
                default -> throw new IllegalArgumentException("unknown mode " + mode);
            }
        }
        System.out.println("EXITING");
    }

    /** The client-server transaction: GridMap, IMap and PostgreSQL, checking isolation on the way. @return its id */
    private static String work(Grid grid, TransactionScope scope, String key) throws Exception {
        TransactionalGridMap<String, String> ledger = scope.gridMap(GRID_MAP);
        check(ledger.put(key, VALUE) == null, "no previous value");
        check(VALUE.equals(ledger.get(key)), "the transaction reads its own write");
        check(grid.map(GRID_MAP).get(key) == null, "others do not see the write before commit");
        scope.imap(IMAP).put(key, VALUE);
        insert(scope.connection("pg"), key);
        return scope.txId();
    }

    private static void check(boolean condition, String what) {
        if (!condition) {
            throw new AssertionError(what);
        }
    }

    private static void crash(GridTransactions txns, CrashPoint point, String key, int count) throws InterruptedException {
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String k = key + "-" + i;
            Thread thread = new Thread(() -> {
                try {
                    txns.required(scope -> {
                        for (CrashPoint.Resource resource : point.order()) {
                            switch (resource) {
                                case GRID -> {
                                    scope.<String, String>gridMap(GRID_MAP).put(k, VALUE);
                                    scope.imap(IMAP).put(k, VALUE);
                                }
                                case PG -> insert(scope.connection("pg"), k);
                                case STOP -> scope.enlist("stop", new StopXAResource(point, k));
                                default -> throw new IllegalStateException(resource.toString());
                            }
                        }
                        return null;
                    });
                    System.out.println("NOT STOPPED " + k);
                } catch (Exception e) {
                    System.out.println("FAILED " + k + ": " + e);
                    e.printStackTrace();
                }
            }, "txn-" + k);
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join(); // never returns when the transactions stop: the test kills this JVM
        }
    }

    private static void insert(java.sql.Connection connection, String key) throws Exception {
        try (PreparedStatement insert = connection.prepareStatement("insert into accounts values (?, 1)")) {
            insert.setString(1, key);
            insert.executeUpdate();
        }
    }

    private static void recover(Grid grid, GridTransactions txns, PGXADataSource pg, long startNanos) throws Exception {
        System.out.println("IN-DOUBT AT START " + txns.inDoubt().size() + " (JVM up after "
                + (System.nanoTime() - startNanos) / 1_000_000 + " ms)");
        RecoveryScans.untilNothingInDoubt(grid, txns, pg, MAX_SCANS, System.out);
    }
}
