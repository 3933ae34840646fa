package dev.grid.server.impl;

import com.sun.management.HotSpotDiagnosticMXBean;
import dev.grid.core.config.GridJvmConfig;

import java.lang.management.ManagementFactory;

/** The line {@code grid start} prints about the member's heap bound, and whether it is the configured one. */
final class HeapReport {
    private HeapReport() {
    }

    /** @return e.g. {@code jvm: heap max 1024 MB (grid.jvm.heap)} */
    static String line(GridJvmConfig config) {
        return line(config.getHeap(), maxHeapBytes());
    }

    static String line(long configured, long actual) {
        String line = "jvm: heap max " + mb(actual) + " MB";
        if (actual == configured) {
            return line + " (grid.jvm.heap)";
        }
        return line + " (this JVM's -Xmx, not grid.jvm.heap " + mb(configured) + " MB: GRID_JAVA_OPTS or the java command line set it"
                + ", or the member was not started by ./grid)";
    }

    /** @return the JVM's heap bound: its MaxHeapSize flag, else what the runtime reports */
    static long maxHeapBytes() {
        try {
            return Long.parseLong(ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class).getVMOption("MaxHeapSize").getValue());
        } catch (RuntimeException notHotSpot) {
            return Runtime.getRuntime().maxMemory();
        }
    }

    private static long mb(long bytes) {
        return Math.round(bytes / (double) (1L << 20));
    }
}
