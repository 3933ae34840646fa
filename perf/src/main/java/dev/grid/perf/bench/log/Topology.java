package dev.grid.perf.bench.log;

import java.util.Locale;

/** How many servers hold each record before it is acknowledged. */
public enum Topology {
    /** Every record on 2 of 3 servers before it is acknowledged. */
    REPLICATED(3, "3 servers; a record is acknowledged once 2 hold it: grid 3 members with 1 synchronous backup (acks ALL), "
            + "Kafka 3 brokers with replication factor 2, min.insync.replicas 2, acks=all; Redis not measured (no synchronous replica)"),
    /** One server, no replica. */
    SINGLE(1, "1 server, no replica: grid 1 member with 0 backups, Kafka 1 broker with replication factor 1, Redis 1 server");

    private final int servers;
    private final String description;

    Topology(int servers, String description) {
        this.servers = servers;
        this.description = description;
    }

    /** @return the lower-case name used on the command line and in results */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @return servers (grid members, Kafka brokers) deployed */
    public int servers() {
        return servers;
    }

    /** @return servers that hold each record before it is acknowledged */
    public int copies() {
        return this == REPLICATED ? 2 : 1;
    }

    /** @return what it means for each system */
    public String description() {
        return description;
    }

    /** @throws IllegalArgumentException naming the value and the choices */
    public static Topology parse(String text) {
        for (Topology t : values()) {
            if (t.label().equals(text.trim().toLowerCase(Locale.ROOT))) {
                return t;
            }
        }
        throw new IllegalArgumentException("must be replicated or single, was '" + text + "'");
    }
}
