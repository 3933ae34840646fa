package dev.grid.core.spi;

/**
 * The numbers each grid module claims in Hazelcast's shared spaces, in one place so no two modules (and
 * none of Hazelcast's own) take the same: the factory id of its {@code DataSerializerHook} (Hazelcast's own
 * are small negative numbers; grid's are from -7300 down) and the service byte of its
 * client message types (the top byte of a message type; Hazelcast 5.7.0 uses 0x00-0x24 and 0xFD-0xFF, grid's
 * are from 0xC1 up). Modules not built yet have theirs reserved.
 *
 * <p>A factory id can be moved with a system property ({@link #factoryIdProperty()}), as Hazelcast's own,
 * for the rare application whose own hook collides with grid's.
 */
public enum ModuleIds {
    /** grid-core: GridMap's operations and messages. */
    CORE("core", -7300, 0xC1),
    /** grid-lock: the CP group's operations, Raft messages and lock messages. */
    LOCK("lock", -7301, 0xC2),
    /** grid-log (reserved). */
    LOG("log", -7302, 0xC3),
    /** grid-query (reserved). */
    QUERY("query", -7303, 0xC4),
    /** grid-stream (reserved). */
    STREAM("stream", -7304, 0xC5);

    private final String module;
    private final int defaultFactoryId;
    private final int messageServiceByte;

    ModuleIds(String module, int defaultFactoryId, int messageServiceByte) {
        this.module = module;
        this.defaultFactoryId = defaultFactoryId;
        this.messageServiceByte = messageServiceByte;
    }

    /** @return the system property that moves the module's factory id: {@code grid.serialization.<module>.factory.id} */
    public String factoryIdProperty() {
        return "grid.serialization." + module + ".factory.id";
    }

    /**
     * @return the module's serialization factory id: {@link #factoryIdProperty()} if set, else the module's default
     * @throws IllegalArgumentException naming the property and its value, if it is not a whole number
     */
    public int factoryId() {
        String value = System.getProperty(factoryIdProperty());
        if (value == null || value.isBlank()) {
            return defaultFactoryId;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("system property " + factoryIdProperty() + " must be a whole number (a serialization "
                    + "factory id), was '" + value + "'", e);
        }
    }

    /** @return the factory id the module takes unless its property moves it */
    public int defaultFactoryId() {
        return defaultFactoryId;
    }

    /** @return the top byte of every client message type of the module */
    public int messageServiceByte() {
        return messageServiceByte;
    }
}
