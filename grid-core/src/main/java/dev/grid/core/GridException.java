package dev.grid.core;

/**
 * Base class of every exception grid throws on its own account.
 *
 * @since 0.1
 */
public class GridException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public GridException(String message) {
        super(message);
    }

    public GridException(String message, Throwable cause) {
        super(message, cause);
    }
}
