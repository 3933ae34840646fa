package dev.grid.query;

import dev.grid.core.GridException;

/**
 * A query was cancelled ({@link QueryHandle#cancel(String)}, {@link GridSql#cancel(String)}, Ctrl-C in
 * {@code grid sql}, the dashboard): {@code query 3f2a9c81d04e was cancelled by Ctrl-C}.
 *
 * @since 0.1
 */
public class QueryCancelledException extends GridException {
    private static final long serialVersionUID = 1L;

    private final String queryId;
    private final String cancelledBy;

    public QueryCancelledException(String queryId, String cancelledBy, Throwable cause) {
        super("query " + queryId + " was cancelled by " + cancelledBy, cause);
        this.queryId = queryId;
        this.cancelledBy = cancelledBy;
    }

    /** @return the cancelled query's id */
    public String queryId() {
        return queryId;
    }

    /** @return who cancelled it */
    public String cancelledBy() {
        return cancelledBy;
    }
}
