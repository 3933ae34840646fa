package dev.grid.perf.bench.targets;

/** Starts the deployment of a target. */
public final class Deployments {
    private Deployments() {
    }

    /**
     * @param kind     the target
     * @param mode     embedded or client (grid targets only)
     * @param settings members, heap, sizing
     * @param threads  benchmark threads (connection pool sizes)
     * @return the running deployment
     * @throws TargetUnavailableException   if the target cannot run on this machine
     * @throws ClusterUnreachableException if {@code --address} does not answer
     */
    public static Deployment start(TargetKind kind, Mode mode, ClusterSettings settings, int threads) {
        return switch (kind) {
            case CHM -> new InProcessDeployment(settings.records());
            case REDIS -> RedisDeployment.start(settings, threads);
            case GRIDMAP, IMAP -> GridDeployment.start(kind, mode, settings);
        };
    }
}
