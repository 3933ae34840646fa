package dev.grid.core.config;

import dev.grid.core.config.GridConfigYaml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Configuration of an embedded or standalone grid member. Build it in code, or load it from a
 * {@code grid.yaml} file with {@link #load(Path)}; every key, its default and meaning is listed in
 * {@code docs/config.md}. The defaults run a cluster on one machine out of the box.
 *
 * <p>Values are checked as they are set, and cross-field rules by {@link #validate()} (which
 * {@link Grid#embedded(GridConfig)} calls): a bad value fails at once with a
 * {@link GridConfigException} naming the key and the value, for example
 * {@code grid.partitionCount must be between 1 and 65536, was 0}.
 *
 * @since 0.1
 */
public final class GridConfig {
    /** Default number of partitions (a prime, as in Hazelcast). */
    public static final int DEFAULT_PARTITION_COUNT = 271;
    /** The most backups a partition may have, synchronous and asynchronous together. */
    public static final int MAX_BACKUP_COUNT = 6;
    /** The most partitions a cluster may have. */
    public static final int MAX_PARTITION_COUNT = 65536;

    private String clusterName = "grid";
    private int partitionCount = DEFAULT_PARTITION_COUNT;
    private int backupCount = 1;
    private int asyncBackupCount;
    private Path dataDirectory = Path.of("grid-data");
    private long offHeapBudget;
    private Boolean jetEnabled;
    private boolean jetResourceUploadEnabled = true;
    private final GridNetworkConfig network = new GridNetworkConfig();
    private final GridCpConfig cp = new GridCpConfig();
    private final GridMonitorConfig monitor = new GridMonitorConfig();
    private final GridLogConfig log = new GridLogConfig();
    private final GridJvmConfig jvm = new GridJvmConfig();
    private final GridSecurityConfig security = new GridSecurityConfig();
    private final Map<String, GridMapConfig> maps = new LinkedHashMap<>();
    private final Map<String, String> hazelcastProperties = new LinkedHashMap<>();
    private GridClock clock = GridClock.SYSTEM;

    /**
     * Reads a {@code grid.yaml} file.
     *
     * @param file the YAML file
     * @return the validated configuration
     * @throws GridConfigException naming the key and value at fault, or the file if it cannot be read
     */
    public static GridConfig load(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new GridConfigException("file", "cannot read config file " + file + ": " + e, e);
        }
        return GridConfigYaml.read(text, file.toString());
    }

    /**
     * Parses YAML text in the {@code grid.yaml} format.
     *
     * @param yaml the YAML text, with {@code grid:} as its single top-level key
     * @return the validated configuration
     * @throws GridConfigException naming the key and value at fault
     */
    public static GridConfig fromYaml(String yaml) {
        return GridConfigYaml.read(yaml, "<yaml>");
    }

    /** @return the name members use to recognise their cluster (default {@code grid}) */
    public String getClusterName() {
        return clusterName;
    }

    public GridConfig setClusterName(String clusterName) {
        Require.nonBlank("grid.clusterName", clusterName);
        if (!clusterName.matches("[A-Za-z0-9._\\-]+")) {
            throw new GridConfigException("grid.clusterName",
                    "grid.clusterName must use only letters, digits, '.', '_' and '-', was " + Require.quote(clusterName));
        }
        this.clusterName = clusterName;
        return this;
    }

    /** @return the number of partitions keys are hashed into (default 271); the same on every member */
    public int getPartitionCount() {
        return partitionCount;
    }

    public GridConfig setPartitionCount(int partitionCount) {
        this.partitionCount = Require.between("grid.partitionCount", partitionCount, 1, MAX_PARTITION_COUNT);
        return this;
    }

    /** @return synchronous backups per partition (default 1): a write returns once they have it */
    public int getBackupCount() {
        return backupCount;
    }

    public GridConfig setBackupCount(int backupCount) {
        this.backupCount = Require.between("grid.backupCount", backupCount, 0, MAX_BACKUP_COUNT);
        return this;
    }

    /** @return asynchronous backups per partition (default 0) */
    public int getAsyncBackupCount() {
        return asyncBackupCount;
    }

    public GridConfig setAsyncBackupCount(int asyncBackupCount) {
        this.asyncBackupCount = Require.between("grid.asyncBackupCount", asyncBackupCount, 0, MAX_BACKUP_COUNT);
        return this;
    }

    /** @return the directory for this member's files: counters, transaction logs (default {@code grid-data}) */
    public Path getDataDirectory() {
        return dataDirectory;
    }

    public GridConfig setDataDirectory(Path dataDirectory) {
        Require.nonNull("grid.dataDirectory", dataDirectory);
        Require.nonBlank("grid.dataDirectory", dataDirectory.toString());
        this.dataDirectory = dataDirectory;
        return this;
    }

    /**
     * @return whether the member runs Hazelcast's Jet engine, which SQL (grid-query) and pipelines need: {@code true},
     *         {@code false}, or null for {@code auto} (the default: on when Hazelcast's SQL engine,
     *         {@code hazelcast-sql}, is on the class path, as it is wherever grid-query is)
     */
    public Boolean getJetEnabled() {
        return jetEnabled;
    }

    /**
     * Sets {@code grid.jetEnabled}.
     *
     * @param jetEnabled true, false, or null for auto (on when Hazelcast's SQL engine is on the class path)
     */
    public GridConfig setJetEnabled(Boolean jetEnabled) {
        this.jetEnabled = jetEnabled;
        return this;
    }

    /**
     * @return whether the member accepts jars and classes that a job brings ({@code JobConfig.addJar}, {@code grid job
     *         submit JAR}), Jet's {@code resourceUploadEnabled}; on by default (Hazelcast's own default is off): whoever may
     *         connect a client (who has {@code grid.security.secret}) may run code on the members
     */
    public boolean isJetResourceUploadEnabled() {
        return jetResourceUploadEnabled;
    }

    /**
     * Sets {@code grid.jetResourceUploadEnabled}.
     *
     * @param jetResourceUploadEnabled whether jobs may bring their own jars and classes
     */
    public GridConfig setJetResourceUploadEnabled(boolean jetResourceUploadEnabled) {
        this.jetResourceUploadEnabled = jetResourceUploadEnabled;
        return this;
    }

    /** @return the first HTTP port of the member's monitor; the same as {@code getMonitor().getPort()} */
    public int getMonitorPort() {
        return monitor.getPort();
    }

    /** Sets {@code grid.monitor.port}: the same as {@code getMonitor().setPort(port)}. */
    public GridConfig setMonitorPort(int monitorPort) {
        monitor.setPort(monitorPort);
        return this;
    }

    /** @return the monitor's settings: HTTP server, alert rules, distributed log (module grid-monitor) */
    public GridMonitorConfig getMonitor() {
        return monitor;
    }

    /**
     * @return the most off-heap memory this member's GridMap stores may reserve, in bytes (their first
     *         tables and every larger table they grow into, old and new while a store grows); 0 means no
     *         limit (default 0)
     */
    public long getOffHeapBudget() {
        return offHeapBudget;
    }

    public GridConfig setOffHeapBudget(long bytes) {
        if (bytes < 0) {
            throw new GridConfigException("grid.offHeapBudget", "grid.offHeapBudget must be >= 0 (0 = no limit), was " + bytes);
        }
        this.offHeapBudget = bytes;
        return this;
    }

    /** @return the settings of the JVM {@code grid start} runs the member in (heap bound) */
    public GridJvmConfig getJvm() {
        return jvm;
    }

    /** @return the CP subsystem's settings (the Raft group behind FencedLock) */
    /** @return grid-log's settings on this member: segment files, disk budget, topics created at start */
    public GridLogConfig getLog() {
        return log;
    }

    public GridCpConfig getCp() {
        return cp;
    }

    /** @return what the member accepts from the network: shared secret, largest client message, deserialization allowlist */
    public GridSecurityConfig getSecurity() {
        return security;
    }

    /** @return the network settings (join, port, host) */
    public GridNetworkConfig getNetwork() {
        return network;
    }

    /**
     * Adds or replaces the settings of one map.
     *
     * @param map the map's settings
     * @return this
     */
    public GridConfig addMap(GridMapConfig map) {
        Require.nonNull("grid.maps", map);
        maps.put(map.getName(), map);
        return this;
    }

    /** @return the maps configured by name, in the order they were added */
    public Map<String, GridMapConfig> getMaps() {
        return Collections.unmodifiableMap(maps);
    }

    /**
     * @param name a map name
     * @return the map's configured settings, or the defaults for that name
     */
    public GridMapConfig mapConfig(String name) {
        GridMapConfig configured = maps.get(name);
        return configured != null ? configured : new GridMapConfig(name);
    }

    /**
     * Sets a raw Hazelcast property (an escape hatch, for example
     * {@code hazelcast.heartbeat.interval.seconds}). Keys must start with {@code hazelcast.}.
     *
     * @param key   the Hazelcast property name
     * @param value its value
     * @return this
     */
    public GridConfig setHazelcastProperty(String key, String value) {
        Require.hazelcastProperty("grid.hazelcastProperties", hazelcastProperties, key, value);
        return this;
    }

    /** @return the raw Hazelcast properties set, in order */
    public Map<String, String> getHazelcastProperties() {
        return Collections.unmodifiableMap(hazelcastProperties);
    }

    /** @return the clock the member's logic decides by (default {@link GridClock#SYSTEM}) */
    public GridClock getClock() {
        return clock;
    }

    /**
     * Sets the clock the member's logic decides by: GridMap's transactional lock leases, CP session
     * expiry and lock wait timeouts (on the CP leader), the CP group's membership timeouts, and the
     * monitor's alert durations, retention and staleness. Not a {@code grid.yaml} key: tests and
     * simulations pass a clock they advance by hand. Members of one cluster need clocks that agree
     * (the system clocks of synchronised machines, or one fake clock shared by members in one JVM).
     *
     * @param clock the clock
     * @return this
     */
    public GridConfig setClock(GridClock clock) {
        this.clock = Require.nonNull("clock", clock);
        return this;
    }

    /**
     * Checks the rules that span several keys.
     *
     * @return this
     * @throws GridConfigException naming the key and value at fault
     */
    public GridConfig validate() {
        checkBackupSum("grid.backupCount", backupCount, asyncBackupCount);
        network.validate();
        cp.validate();
        monitor.validate();
        log.validate();
        for (GridMapConfig map : maps.values()) {
            map.validate(this);
            if (map.getMaxValueSize() >= security.getMaxMessageBytes()) {
                String key = "grid.maps." + map.getName() + ".maxValueSize";
                throw new GridConfigException(key, key + " must be below grid.security.maxMessageBytes (" + security.getMaxMessageBytes()
                        + "), was " + map.getMaxValueSize() + ": a client could not send such a value");
            }
        }
        return this;
    }

    static void checkBackupSum(String key, int sync, int async) {
        if (sync + async > MAX_BACKUP_COUNT) {
            throw new GridConfigException(key, key + " plus asyncBackupCount must be at most " + MAX_BACKUP_COUNT
                    + ", was " + sync + " + " + async);
        }
    }
}
