package dev.grid.perf.bench.targets;

import dev.grid.perf.bench.ycsb.Workload;

import java.util.List;

/** {@code chm}: nothing to start. */
final class InProcessDeployment implements Deployment {
    private final long records;

    InProcessDeployment(long records) {
        this.records = records;
    }

    @Override
    public String mode() {
        return "in-process";
    }

    @Override
    public int members() {
        return 1;
    }

    @Override
    public BenchTarget open(Workload workload) {
        return ChmTarget.forRecords(records);
    }

    @Override
    public List<Long> childPids() {
        return List.of();
    }

    @Override
    public void close() {
        // nothing started
    }
}
