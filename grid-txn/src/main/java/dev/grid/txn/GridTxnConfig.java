package dev.grid.txn;

import dev.grid.core.GridConfigException;
import dev.grid.core.impl.RequireDuration;

import javax.sql.CommonDataSource;
import javax.sql.XADataSource;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Configuration of {@link GridTransactions}: where the transaction log lives, the node identifier,
 * timeouts, recovery pace and the JDBC databases that take part. Every key, its default and its
 * meaning is listed in {@code docs/transactions.md}.
 *
 * <p>Values are checked as they are set; a bad one fails at once with a {@link GridConfigException}
 * naming the key and the value ({@code txn.defaultTimeout must be > 0, was 0s}).
 *
 * <pre>{@code
 * GridTxnConfig config = new GridTxnConfig()
 *         .setNodeIdentifier("orders-app-1")
 *         .setObjectStoreDirectory(Path.of("/var/lib/orders/txn"))
 *         .addDataSource("orders", pgXaDataSource);
 * }</pre>
 *
 * @since 0.1
 */
public final class GridTxnConfig {
    /** The longest node identifier Narayana accepts, in UTF-8 bytes. */
    public static final int MAX_NODE_IDENTIFIER_BYTES = 28;

    private Path objectStoreDirectory;
    private String nodeIdentifier;
    private Duration defaultTimeout = Duration.ofSeconds(60);
    private Duration recoveryPeriod = Duration.ofSeconds(30);
    private Duration recoveryBackoff = Duration.ofSeconds(10);
    private Duration orphanSafetyInterval = Duration.ofSeconds(20);
    private Duration gridXaTimeout;
    private boolean recoveryEnabled = true;
    private int connectionPoolSize = 32;
    private final Map<String, XADataSource> dataSources = new LinkedHashMap<>();

    /**
     * @return the transaction log directory, if set; by default {@code <grid.dataDirectory>/txn} on an
     *         embedded member and {@code grid-data/txn} (relative to the working directory) on a client
     */
    public Optional<Path> getObjectStoreDirectory() {
        return Optional.ofNullable(objectStoreDirectory);
    }

    /**
     * @param directory where Narayana keeps its transaction log (created if missing; must be writable
     *                  and used by one JVM at a time)
     * @return this
     */
    public GridTxnConfig setObjectStoreDirectory(Path directory) {
        this.objectStoreDirectory = nonNull("txn.objectStoreDirectory", directory);
        return this;
    }

    /** @return the node identifier, if set; by default the one recorded in the object store, else derived from the member or client UUID */
    public Optional<String> getNodeIdentifier() {
        return Optional.ofNullable(nodeIdentifier);
    }

    /**
     * @param nodeIdentifier this transaction manager's identity in every Xid it writes: recovery rolls back only
     *                       in-doubt branches carrying it. Unique per JVM, stable across restarts with the same
     *                       object store. 1..28 bytes of letters, digits, '.', '_' or '-'.
     * @return this
     */
    public GridTxnConfig setNodeIdentifier(String nodeIdentifier) {
        this.nodeIdentifier = checkNodeIdentifier("txn.nodeIdentifier", nodeIdentifier);
        return this;
    }

    /** @return how long a transaction may run before it is rolled back (default 60 s) */
    public Duration getDefaultTimeout() {
        return defaultTimeout;
    }

    /**
     * @param timeout how long a transaction may run before the transaction reaper rolls it back; whole seconds, > 0
     * @return this
     */
    public GridTxnConfig setDefaultTimeout(Duration timeout) {
        this.defaultTimeout = RequireDuration.wholeSeconds("txn.defaultTimeout", timeout);
        return this;
    }

    /** @return how often the recovery manager scans for in-doubt transactions (default 30 s) */
    public Duration getRecoveryPeriod() {
        return recoveryPeriod;
    }

    /**
     * @param period how often the recovery manager scans; whole seconds, > 0
     * @return this
     */
    public GridTxnConfig setRecoveryPeriod(Duration period) {
        this.recoveryPeriod = RequireDuration.wholeSeconds("txn.recoveryPeriod", period);
        return this;
    }

    /** @return the pause between a recovery scan's two passes (default 10 s) */
    public Duration getRecoveryBackoff() {
        return recoveryBackoff;
    }

    /**
     * @param backoff the pause between the two passes of a recovery scan; whole seconds, > 0
     * @return this
     */
    public GridTxnConfig setRecoveryBackoff(Duration backoff) {
        this.recoveryBackoff = RequireDuration.wholeSeconds("txn.recoveryBackoff", backoff);
        return this;
    }

    /** @return how long a prepared branch without a log record must be seen before recovery rolls it back (default 20 s) */
    public Duration getOrphanSafetyInterval() {
        return orphanSafetyInterval;
    }

    /**
     * @param interval how long recovery waits after first seeing a prepared branch of this node that has no
     *                 transaction log record before it rolls it back (presumed abort); > 0
     * @return this
     */
    public GridTxnConfig setOrphanSafetyInterval(Duration interval) {
        this.orphanSafetyInterval = RequireDuration.positive("txn.orphanSafetyInterval", interval);
        return this;
    }

    /** @return whether this JVM runs periodic recovery scans (default true) */
    public boolean isRecoveryEnabled() {
        return recoveryEnabled;
    }

    /**
     * @param enabled false turns periodic recovery off (in-doubt transactions then stay in doubt until a JVM with
     *                this node identifier and object store recovers them); for tools and tests only
     * @return this
     */
    public GridTxnConfig setRecoveryEnabled(boolean enabled) {
        this.recoveryEnabled = enabled;
        return this;
    }

    /** @return how many idle XA connections each data source keeps for the next transactions (0: none) */
    public int getConnectionPoolSize() {
        return connectionPoolSize;
    }

    /**
     * @param size how many idle XA connections each data source keeps open between transactions, 0..1024 (default
     *             32); 0 opens a connection per transaction and closes it at completion. A connection is reused
     *             only after its transaction completed normally on the work's thread; one idle for more than 10 s is
     *             checked before reuse.
     * @return this
     */
    public GridTxnConfig setConnectionPoolSize(int size) {
        if (size < 0 || size > 1024) {
            throw new GridConfigException("txn.connectionPoolSize", "txn.connectionPoolSize must be 0..1024, was " + size);
        }
        this.connectionPoolSize = size;
        return this;
    }

    /**
     * @return the lowest Hazelcast XA branch timeout that covers the worst commit delay recovery allows:
     *         {@code defaultTimeout + 2 × recoveryPeriod + recoveryBackoff}
     */
    public Duration minimumGridXaTimeout() {
        return defaultTimeout.plus(recoveryPeriod.multipliedBy(2)).plus(recoveryBackoff);
    }

    /**
     * @return the timeout given to the grid's XA branches: the configured one, else
     *         {@link #minimumGridXaTimeout()} plus one minute
     */
    public Duration getGridXaTimeout() {
        return gridXaTimeout != null ? gridXaTimeout : minimumGridXaTimeout().plusMinutes(1);
    }

    /**
     * @param timeout the timeout of the grid's XA branches (Hazelcast refuses to commit a prepared branch older
     *                than this, and keeps its keys locked); whole seconds, at least {@link #minimumGridXaTimeout()}
     *                (checked by {@link #validate()})
     * @return this
     */
    public GridTxnConfig setGridXaTimeout(Duration timeout) {
        this.gridXaTimeout = RequireDuration.wholeSeconds("txn.gridXaTimeout", timeout);
        return this;
    }

    /**
     * Registers a database that transactions may use through {@link TransactionScope#connection(String)}, and that
     * recovery scans for in-doubt branches.
     *
     * @param name       the name work uses to reach it: letters, digits, '.', '_' and '-'; unique
     * @param dataSource an {@link XADataSource} (for PostgreSQL {@code org.postgresql.xa.PGXADataSource}, for H2
     *                   {@code org.h2.jdbcx.JdbcDataSource}); a plain {@code DataSource} is refused
     * @return this
     */
    public GridTxnConfig addDataSource(String name, CommonDataSource dataSource) {
        String key = "txn.dataSources." + name;
        if (name == null || !name.matches("[A-Za-z0-9._\\-]+")) {
            throw new GridConfigException("txn.dataSources", "txn.dataSources name must be letters, digits, '.', '_' or '-', was "
                    + (name == null ? "null" : "\"" + name + "\""));
        }
        nonNull(key, dataSource);
        if (!(dataSource instanceof XADataSource xa)) {
            throw new GridConfigException(key, key + " is not XA-capable: " + dataSource.getClass().getName()
                    + " does not implement javax.sql.XADataSource, so its work could not commit or roll back with the grid's;"
                    + " give the driver's XADataSource (PostgreSQL: org.postgresql.xa.PGXADataSource, H2: org.h2.jdbcx.JdbcDataSource)");
        }
        if (dataSources.containsKey(name)) {
            throw new GridConfigException(key, key + " is registered twice");
        }
        dataSources.put(name, xa);
        return this;
    }

    /** @return the registered databases by name, in registration order */
    public Map<String, XADataSource> getDataSources() {
        return Collections.unmodifiableMap(dataSources);
    }

    /**
     * Checks the rules between fields.
     *
     * @return this
     * @throws GridConfigException naming the key at fault
     */
    public GridTxnConfig validate() {
        if (gridXaTimeout != null && gridXaTimeout.compareTo(minimumGridXaTimeout()) < 0) {
            throw new GridConfigException("txn.gridXaTimeout", "txn.gridXaTimeout must be at least txn.defaultTimeout + 2 x "
                    + "txn.recoveryPeriod + txn.recoveryBackoff = " + minimumGridXaTimeout().toSeconds() + "s, was "
                    + gridXaTimeout.toSeconds() + "s: a prepared grid branch older than it can no longer commit");
        }
        return this;
    }

    static String checkNodeIdentifier(String key, String value) {
        if (value == null || !value.matches("[A-Za-z0-9._\\-]+")) {
            throw new GridConfigException(key, key + " must be letters, digits, '.', '_' or '-', was "
                    + (value == null ? "null" : "\"" + value + "\""));
        }
        if (value.length() > MAX_NODE_IDENTIFIER_BYTES) {
            throw new GridConfigException(key, key + " must be at most " + MAX_NODE_IDENTIFIER_BYTES
                    + " characters (Narayana stores it in every Xid), was \"" + value + "\" (" + value.length() + ")");
        }
        return value;
    }

    private static <T> T nonNull(String key, T value) {
        if (value == null) {
            throw new GridConfigException(key, key + " must not be null");
        }
        return value;
    }

    @Override
    public String toString() {
        return "GridTxnConfig{objectStoreDirectory=" + objectStoreDirectory + ", nodeIdentifier=" + nodeIdentifier
                + ", defaultTimeout=" + defaultTimeout + ", recoveryPeriod=" + recoveryPeriod + ", recoveryBackoff="
                + recoveryBackoff + ", orphanSafetyInterval=" + orphanSafetyInterval + ", gridXaTimeout=" + getGridXaTimeout()
                + ", recoveryEnabled=" + recoveryEnabled + ", connectionPoolSize=" + connectionPoolSize + ", dataSources=" + dataSources.keySet() + '}';
    }

}
