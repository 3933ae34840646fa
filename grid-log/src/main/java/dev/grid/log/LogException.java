package dev.grid.log;

import dev.grid.core.GridException;

/** Base class of grid-log's errors. */
public class LogException extends GridException {
    private static final long serialVersionUID = 1L;

    public LogException(String message) {
        super(message);
    }

    public LogException(String message, Throwable cause) {
        super(message, cause);
    }
}
