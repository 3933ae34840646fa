package dev.grid.txn.impl;

import java.nio.file.Path;

/**
 * The settings that Narayana holds JVM-wide: equal settings may be applied again, different ones conflict.
 */
record NarayanaSettings(Path objectStoreDirectory, String nodeIdentifier, int defaultTimeoutSeconds,
                        int recoveryPeriodSeconds, int recoveryBackoffSeconds, int orphanSafetyMillis, boolean recoveryEnabled) {

    String describe() {
        return "objectStoreDirectory=" + objectStoreDirectory + ", nodeIdentifier=" + nodeIdentifier
                + ", defaultTimeout=" + defaultTimeoutSeconds + "s, recoveryPeriod=" + recoveryPeriodSeconds
                + "s, recoveryBackoff=" + recoveryBackoffSeconds + "s, orphanSafetyInterval=" + orphanSafetyMillis + "ms, recoveryEnabled=" + recoveryEnabled;
    }
}
