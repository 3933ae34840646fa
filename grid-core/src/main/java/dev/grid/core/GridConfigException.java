package dev.grid.core;

/**
 * A configuration value is missing, unknown, of the wrong type or out of range.
 * The message names the key (as written in {@code grid.yaml}, for example
 * {@code grid.partitionCount}) and the offending value.
 *
 * @since 0.1
 */
public class GridConfigException extends GridException {
    private static final long serialVersionUID = 1L;

    private final String key;

    public GridConfigException(String key, String message) {
        super(message);
        this.key = key;
    }

    public GridConfigException(String key, String message, Throwable cause) {
        super(message, cause);
        this.key = key;
    }

    /** @return the configuration key at fault, for example {@code grid.network.port} */
    public String key() {
        return key;
    }
}
