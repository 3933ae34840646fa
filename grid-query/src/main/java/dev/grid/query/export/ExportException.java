package dev.grid.query.export;

import dev.grid.core.GridException;

/**
 * An export that cannot start or cannot finish: an unknown map, an output directory that is not empty, a value whose
 * type does not fit its column, a file that cannot be written. The message names the map, topic, directory or key.
 *
 * @since 0.1
 */
public class ExportException extends GridException {
    private static final long serialVersionUID = 1L;

    public ExportException(String message) {
        super(message);
    }

    public ExportException(String message, Throwable cause) {
        super(message, cause);
    }
}
