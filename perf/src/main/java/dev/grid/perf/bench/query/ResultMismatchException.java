package dev.grid.perf.bench.query;

/** A system answered a query with other results than the data holds: the run that saw it fails, naming the difference. */
public final class ResultMismatchException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ResultMismatchException(String message) {
        super(message);
    }
}
