package dev.grid.perf.bench.targets;

/** The cluster named by {@code --address} did not answer: a usage error (exit code 2). */
public final class ClusterUnreachableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ClusterUnreachableException(String message, Throwable cause) {
        super(message, cause);
    }
}
