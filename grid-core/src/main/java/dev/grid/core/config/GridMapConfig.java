package dev.grid.core.config;

import dev.grid.core.config.StructureNames;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
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
    /** What a map's change topic is named: this prefix and the map's name ({@link #getChangeTopic()}). */
    public static final String CHANGE_TOPIC_PREFIX = "__changes.";
    private static final int MAX_TOPIC_NAME_LENGTH = 256;

    private final String name;
    private long entries = DEFAULT_ENTRIES;
    private int averageKeySize = DEFAULT_AVERAGE_KEY_SIZE;
    private int averageValueSize = DEFAULT_AVERAGE_VALUE_SIZE;
    private int maxValueSize = DEFAULT_MAX_VALUE_SIZE;
    private Integer backupCount;
    private Integer asyncBackupCount;
    private final List<GridIndexConfig> indexes = new ArrayList<>();
    private String valueClass;
    private boolean changeCapture;

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

    /**
     * @return whether every write of the map is appended to its change topic (default false): a grid-log topic named
     *         {@link #getChangeTopic()}, created when the map is first written on a member
     */
    public boolean isChangeCapture() {
        return changeCapture;
    }

    /**
     * Turns change capture on or off ({@code grid.maps.<name>.changeCapture}). With it on, a write is acknowledged only
     * once its change record is appended to the map's change topic and held by the topic's synchronous backups; the
     * members need grid-log on their class path.
     *
     * @throws GridConfigException if the change topic's name would be longer than a topic's name may be
     */
    public GridMapConfig setChangeCapture(boolean changeCapture) {
        if (changeCapture && getChangeTopic().length() > MAX_TOPIC_NAME_LENGTH) {
            throw new GridConfigException(key("changeCapture"), key("changeCapture") + " needs a map name of at most "
                    + (MAX_TOPIC_NAME_LENGTH - CHANGE_TOPIC_PREFIX.length()) + " characters (its change topic is '"
                    + CHANGE_TOPIC_PREFIX + "' and the name, at most " + MAX_TOPIC_NAME_LENGTH + "); the name has " + name.length());
        }
        this.changeCapture = changeCapture;
        return this;
    }

    /** @return the name of the map's change topic: {@code __changes.<map name>} */
    public String getChangeTopic() {
        return CHANGE_TOPIC_PREFIX + name;
    }

    /** @return the indexes declared for the map, in declaration order */
    public List<GridIndexConfig> getIndexes() {
        return List.copyOf(indexes);
    }

    /**
     * Declares an index: every member keeps it for every replica of the map's partitions it holds, from the
     * map's first use. With {@link #setValueClass(String)} the attribute is checked against that class when
     * the configuration is validated.
     *
     * @throws GridConfigException if the same index (attribute and type) is declared twice
     */
    public GridMapConfig addIndex(GridIndexConfig index) {
        Objects.requireNonNull(index, "index must not be null");
        if (indexes.contains(index)) {
            throw new GridConfigException(key("indexes"), key("indexes") + " declares the " + index + " twice");
        }
        indexes.add(index);
        return this;
    }

    /** @return the class the map's values are declared to be (for checking index attributes), if set */
    public Optional<String> getValueClass() {
        return Optional.ofNullable(valueClass);
    }

    /**
     * Declares the class of the map's values: an index whose attribute that class does not have (no field,
     * getter or record accessor along the path) is refused when the configuration is validated, and so is
     * one added later by API. Values of subclasses are fine; the map does not check what is stored.
     *
     * @param valueClass a fully qualified class name, loadable where the configuration is validated
     */
    public GridMapConfig setValueClass(String valueClass) {
        if (valueClass == null || valueClass.isBlank()) {
            throw new GridConfigException(key("valueClass"), key("valueClass") + " must be a class name, was '" + valueClass + "'");
        }
        this.valueClass = valueClass.trim();
        return this;
    }

    /**
     * Checks an index's attribute against {@link #getValueClass()}, if one is declared.
     *
     * @throws GridConfigException naming the map, the attribute, the class and the missing step
     */
    public void checkIndexAttribute(GridIndexConfig index) {
        if (valueClass == null) {
            return;
        }
        Class<?> type;
        try {
            type = Class.forName(valueClass, false, classLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            throw new GridConfigException(key("valueClass"), key("valueClass") + ": class " + valueClass + " not found", e);
        }
        String missing = AttributePaths.missingStep(type, index.getAttribute());
        if (missing != null) {
            throw new GridConfigException(key("indexes"), key("indexes") + ": cannot index '" + index.getAttribute() + "' of GridMap '"
                    + name + "' (" + key("valueClass") + " is " + valueClass + "): " + missing);
        }
    }

    private static ClassLoader classLoader() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : GridMapConfig.class.getClassLoader();
    }

    void validate(GridConfig cluster) {
        indexes.forEach(this::checkIndexAttribute);
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
                && Objects.equals(backupCount, that.backupCount) && Objects.equals(asyncBackupCount, that.asyncBackupCount)
                && indexes.equals(that.indexes) && Objects.equals(valueClass, that.valueClass) && changeCapture == that.changeCapture;
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, entries, averageKeySize, averageValueSize, maxValueSize, backupCount, asyncBackupCount, indexes,
                valueClass, changeCapture);
    }
}
