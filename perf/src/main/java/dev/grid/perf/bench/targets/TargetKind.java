package dev.grid.perf.bench.targets;

import java.util.Locale;

/** The targets {@code grid bench run} knows. */
public enum TargetKind {
    /** grid's off-heap GridMap. */
    GRIDMAP,
    /** Hazelcast's IMap (default settings), on the same grid members. */
    IMAP,
    /** A {@code ConcurrentHashMap} in the harness's JVM: the floor. */
    CHM,
    /** A {@code redis-server} on 127.0.0.1 (if the binary is on the PATH), through Jedis. */
    REDIS;

    /** @return the name used on the command line and in results */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @return whether {@code --mode} and {@code --members} apply (grid members serve the target) */
    public boolean onGridMembers() {
        return this == GRIDMAP || this == IMAP;
    }

    /**
     * @param text {@code gridmap}, {@code imap}, {@code chm} or {@code redis}
     * @throws IllegalArgumentException naming the text otherwise
     */
    public static TargetKind parse(String text) {
        for (TargetKind kind : values()) {
            if (kind.label().equalsIgnoreCase(text.trim())) {
                return kind;
            }
        }
        throw new IllegalArgumentException("must be gridmap, imap, chm or redis, was '" + text + "'");
    }
}
