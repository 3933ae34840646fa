package dev.grid.core.config;

/**
 * A configuration value is missing, unknown, of the wrong type or out of range.
 * The message names the key (as written in {@code grid.yaml}, for example
 * {@code grid.partitionCount}) and the offending value.
 *
 * <p>An {@link IllegalArgumentException}: the value passed is wrong. (Unlike grid's other exceptions it is not a
 * {@code dev.grid.core.GridException}: configuration is the layer below the API and knows nothing of it.)
 *
 * @since 0.1
 */
public class GridConfigException extends IllegalArgumentException {
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
