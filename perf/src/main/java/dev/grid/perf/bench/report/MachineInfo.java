package dev.grid.perf.bench.report;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/** The machine a run was measured on, for results.json and the report. */
public final class MachineInfo {
    private MachineInfo() {
    }

    /** @return cores, memory, java, os, cpu model and load average of this machine */
    public static Machine describe() {
        long memory = totalMemory();
        String java = System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ", " + System.getProperty("java.vendor")
                + ")";
        String os = System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch");
        double load = Math.round(ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage() * 100) / 100.0;
        return new Machine(Runtime.getRuntime().availableProcessors(), memory > 0 ? String.format("%.1f GB", memory / 1e9) : "unknown",
                memory, java, os, cpuModel(), load);
    }

    private static long totalMemory() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getTotalMemorySize();
        }
        return -1;
    }

    private static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: the model stays unknown
        }
        return "unknown";
    }
}
