package dev.grid.core.config;

import dev.grid.core.config.StructureNames;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * Settings of one GridMap ({@code grid.maps.<name>.*} in {@code grid.yaml}). They size the
 * off-heap stores the map reserves on each member at first (stores grow as they fill), and may
 * override the cluster's backup counts.
 *
 * @since 0.1
 */
public final class GridMapConfig {
    /** Default expected number of entries across the cluster. */
    public static final long DEFAULT_ENTRIES = 100_000;
    /** Default average serialized key size, in bytes. */
    public static final int DEFAULT_AVERAGE_KEY_SIZE = 32;
    /** Default average serialized value size, in bytes. */
    public static final int DEFAULT_AVERAGE_VALUE_SIZE = 256;
    /** Default largest serialized value accepted, in bytes (1 MiB). */
    public static final int DEFAULT_MAX_VALUE_SIZE = 1 << 20;

    private final String name;
    private long entries = DEFAULT_ENTRIES;
    private int averageKeySize = DEFAULT_AVERAGE_KEY_SIZE;
    private int averageValueSize = DEFAULT_AVERAGE_VALUE_SIZE;
    private int maxValueSize = DEFAULT_MAX_VALUE_SIZE;
    private Integer backupCount;
    private Integer asyncBackupCount;

    /**
     * @param name the map's name: 1 to 256 characters, each a letter, digit, '.', '_' or '-'
     * @throws GridConfigException naming the name (truncated) and the rule it breaks
     */
    public GridMapConfig(String name) {
        String problem = StructureNames.problem("grid.maps name", name);
        if (problem != null) {
            throw new GridConfigException("grid.maps", problem);
        }
        this.name = name;
    }

    public String getName() {
        return name;
    }

    /**
     * @return the expected number of entries across the cluster (default 100000): the initial sizing of
     *         the map's partition stores, which grow past it as they fill, while {@code grid.offHeapBudget}
     *         allows
     */
    public long getEntries() {
        return entries;
    }

    public GridMapConfig setEntries(long entries) {
        this.entries = Require.positive(key("entries"), entries);
        return this;
    }

    /** @return the average serialized key size in bytes (default 32) */
    public int getAverageKeySize() {
        return averageKeySize;
    }

    public GridMapConfig setAverageKeySize(int averageKeySize) {
        this.averageKeySize = (int) Require.positive(key("averageKeySize"), averageKeySize);
        return this;
    }

    /** @return the average serialized value size in bytes (default 256) */
    public int getAverageValueSize() {
        return averageValueSize;
    }

    public GridMapConfig setAverageValueSize(int averageValueSize) {
        this.averageValueSize = (int) Require.positive(key("averageValueSize"), averageValueSize);
        return this;
    }

    /** @return the largest serialized value accepted, in bytes (default 1048576) */
    public int getMaxValueSize() {
        return maxValueSize;
    }

    public GridMapConfig setMaxValueSize(int maxValueSize) {
        this.maxValueSize = (int) Require.positive(key("maxValueSize"), maxValueSize);
        return this;
    }

    /** @return the map's own synchronous backup count, or empty to use {@code grid.backupCount} */
    public OptionalInt getBackupCount() {
        return backupCount == null ? OptionalInt.empty() : OptionalInt.of(backupCount);
    }

    public GridMapConfig setBackupCount(int backupCount) {
        this.backupCount = Require.between(key("backupCount"), backupCount, 0, GridConfig.MAX_BACKUP_COUNT);
        return this;
    }

    /** @return the map's own asynchronous backup count, or empty to use {@code grid.asyncBackupCount} */
    public OptionalInt getAsyncBackupCount() {
        return asyncBackupCount == null ? OptionalInt.empty() : OptionalInt.of(asyncBackupCount);
    }

    public GridMapConfig setAsyncBackupCount(int asyncBackupCount) {
        this.asyncBackupCount = Require.between(key("asyncBackupCount"), asyncBackupCount, 0, GridConfig.MAX_BACKUP_COUNT);
        return this;
    }

    void validate(GridConfig cluster) {
        if (maxValueSize < averageValueSize) {
            throw new GridConfigException(key("maxValueSize"), key("maxValueSize") + " must be >= " + key("averageValueSize")
                    + " (" + averageValueSize + "), was " + maxValueSize);
        }
        int sync = backupCount == null ? cluster.getBackupCount() : backupCount;
        int async = asyncBackupCount == null ? cluster.getAsyncBackupCount() : asyncBackupCount;
        GridConfig.checkBackupSum(key("backupCount"), sync, async);
    }

    private String key(String field) {
        return "grid.maps." + name + "." + field;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof GridMapConfig)) {
            return false;
        }
        GridMapConfig that = (GridMapConfig) o;
        return name.equals(that.name) && entries == that.entries && averageKeySize == that.averageKeySize
                && averageValueSize == that.averageValueSize && maxValueSize == that.maxValueSize
                && Objects.equals(backupCount, that.backupCount) && Objects.equals(asyncBackupCount, that.asyncBackupCount);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, entries, averageKeySize, averageValueSize, maxValueSize, backupCount, asyncBackupCount);
    }
}
