package dev.grid.core.impl;

/**
 * JVM-wide settings grid needs whoever launched the JVM: applied once, before the first member or
 * client starts, and only where the user has not set them.
 */
final class SystemDefaults {
    private SystemDefaults() {
    }

    static void apply() {
        // Chronicle otherwise tries to reach an analytics host at start-up.
        setIfAbsent("chronicle.analytics.disable", "true");
        // Hazelcast's futures otherwise start a thread per callback where the common ForkJoinPool is single-threaded.
        AsyncCallbackExecutor.install();
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
