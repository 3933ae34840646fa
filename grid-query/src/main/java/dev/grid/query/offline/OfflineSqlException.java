package dev.grid.query.offline;

import dev.grid.core.GridException;

/**
 * A directory offline SQL cannot open (no manifest, a manifest it cannot read, two exports of one name) or a
 * statement DuckDB refused; the message is DuckDB's own for the latter (a syntax error names its line and position).
 *
 * @since 0.1
 */
public class OfflineSqlException extends GridException {
    private static final long serialVersionUID = 1L;

    public OfflineSqlException(String message) {
        super(message);
    }

    public OfflineSqlException(String message, Throwable cause) {
        super(message, cause);
    }
}
