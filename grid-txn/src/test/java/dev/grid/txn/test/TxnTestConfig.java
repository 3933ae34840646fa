package dev.grid.txn.test;

import dev.grid.txn.GridTxnConfig;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Narayana is configured once per JVM, so every test class of a surefire fork must ask for the same settings:
 * this JVM's object store under {@code target/}, a node identifier of its own, quick recovery.
 */
public final class TxnTestConfig {
    private static final long PID = ProcessHandle.current().pid();

    private TxnTestConfig() {
    }

    /** @return a fresh config with this JVM's settings (add data sources to it) */
    public static GridTxnConfig forThisJvm() {
        return new GridTxnConfig()
                .setObjectStoreDirectory(Path.of("target", "txn-object-store", "jvm-" + PID))
                .setNodeIdentifier("test-" + PID)
                .setDefaultTimeout(Duration.ofSeconds(30))
                .setRecoveryPeriod(Duration.ofSeconds(5))
                .setRecoveryBackoff(Duration.ofSeconds(1))
                .setOrphanSafetyInterval(Duration.ofSeconds(2));
    }
}
