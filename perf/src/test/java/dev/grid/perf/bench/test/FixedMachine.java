package dev.grid.perf.bench.test;

import java.util.LinkedHashMap;
import java.util.Map;

/** A machine description with fixed values, for golden files (the real one describes the machine the test runs on). */
public final class FixedMachine {
    private FixedMachine() {
    }

    /** @return the machine as results.json and lock.json describe it */
    public static Map<String, Object> describe() {
        Map<String, Object> machine = new LinkedHashMap<>();
        machine.put("cores", 2);
        machine.put("memory", "8.3 GB");
        machine.put("memory_bytes", 8_300_000_000L);
        machine.put("java", "17.0.12 (OpenJDK 64-Bit Server VM, Eclipse Adoptium)");
        machine.put("os", "Linux 6.1.0-28-cloud-amd64 amd64");
        machine.put("cpu", "Intel(R) Xeon(R) CPU @ 2.20GHz");
        machine.put("load_average", 1.25);
        return machine;
    }
}
