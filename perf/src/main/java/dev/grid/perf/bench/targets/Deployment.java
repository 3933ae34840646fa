package dev.grid.perf.bench.targets;

import dev.grid.perf.bench.ycsb.Workload;

import java.util.List;

/** A target's servers, up for the whole run: each workload opens a fresh map on them. */
public interface Deployment extends AutoCloseable {
    /** @return how the harness reaches the target: {@code embedded}, {@code client}, {@code in-process} or {@code server} */
    String mode();

    /** @return members (or servers) serving the target */
    int members();

    /**
     * @param workload the workload about to be loaded
     * @return an empty map (or keyspace) for it
     */
    BenchTarget open(Workload workload);

    /** @return the pids of the processes this deployment started */
    List<Long> childPids();

    /** Stops every process and member this deployment started. */
    @Override
    void close();
}
