package dev.grid.monitor.impl.cluster;

import com.hazelcast.config.Config;
import com.hazelcast.config.MapConfig;
import com.hazelcast.config.RingbufferConfig;
import com.hazelcast.core.HazelcastInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cluster structures the monitor keeps its state in, all named {@code grid.monitor.*}: maps of
 * member views, transactions, heuristic outcomes and alerts (one backup at least, so they survive
 * the loss of a member), and the distributed log's ringbuffer.
 */
public final class Structures {
    public static final String MEMBERS = "grid.monitor.members";
    public static final String TRANSACTIONS = "grid.monitor.transactions";
    public static final String HEURISTICS = "grid.monitor.heuristics";
    public static final String ALERTS = "grid.monitor.alerts";
    public static final String LOG = "grid.monitor.log";

    private static final Logger LOGGER = LoggerFactory.getLogger(Structures.class);

    private Structures() {
    }

    /** Adds the structures' configuration to the running cluster (dynamic configuration; the same on every member). */
    public static void configure(HazelcastInstance hazelcast, int backupCount, int logCapacity) {
        Config config = hazelcast.getConfig();
        int backups = Math.max(1, backupCount);
        try {
            config.addMapConfig(new MapConfig("grid.monitor.*").setBackupCount(backups));
            config.addRingBufferConfig(new RingbufferConfig(LOG).setCapacity(logCapacity).setBackupCount(backups));
        } catch (RuntimeException e) {
            // another member configured them differently first (e.g. another grid.monitor.logCapacity): theirs stays
            LOGGER.warn("the monitor's cluster structures keep the configuration another member gave them: {}", e.getMessage());
        }
    }
}
