package dev.grid.perf.bench.targets;

/** A target that cannot run on this machine (reported as skipped, with this message as the reason). */
public final class TargetUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public TargetUnavailableException(String reason) {
        super(reason);
    }
}
