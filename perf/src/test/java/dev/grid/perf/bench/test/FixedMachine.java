package dev.grid.perf.bench.test;

import dev.grid.perf.bench.report.Machine;

/** A machine description with fixed values, for golden files (the real one describes the machine the test runs on). */
public final class FixedMachine {
    private FixedMachine() {
    }

    /** @return the machine as results.json and lock.json describe it */
    public static Machine describe() {
        return new Machine(2, "8.3 GB", 8_300_000_000L, "17.0.12 (OpenJDK 64-Bit Server VM, Eclipse Adoptium)", "Linux 6.1.0-28-cloud-amd64 amd64",
                "Intel(R) Xeon(R) CPU @ 2.20GHz", 1.25);
    }
}
