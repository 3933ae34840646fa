package dev.grid.perf;

import dev.grid.core.Grid;
import dev.grid.core.config.GridMapConfig;
import dev.grid.perf.bench.targets.BenchTarget;
import dev.grid.perf.bench.targets.ChmTarget;
import dev.grid.perf.bench.targets.GridMapTarget;
import dev.grid.perf.bench.targets.IMapTarget;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Everything a map benchmark sets up before measuring: the members (if the map needs any), the
 * map, populated with every key of the keyspace and a 100-byte value each, the keys as
 * {@code String} objects, the precomputed order in which keys are visited, and a pool of values to
 * write.
 */
final class MapWorkload implements AutoCloseable {
    static final String GRID_MAP = "GridMap";
    static final String IMAP = "IMap";
    static final String CONCURRENT_HASH_MAP = "ConcurrentHashMap";
    static final String CHRONICLE_MAP = "ChronicleMap";

    static final String GRID_MAP_NAME = "bench-gridmap";
    private static final String IMAP_NAME = "bench-imap";

    /** Bytes in every value. */
    static final int VALUE_SIZE = 100;
    /** Distinct values written by write benchmarks (a power of two). */
    static final int VALUE_POOL = 1024;
    /** Keyspaces at least this large print their population progress. */
    private static final int PROGRESS_FROM = 100_000;
    private static final int BATCH = 10_000;
    private static final long SEED = 42;

    final BenchTarget map;
    final String[] keys;
    final KeySequence sequence;
    final byte[][] values;
    private final EmbeddedMembers members;

    private MapWorkload(BenchTarget map, String[] keys, KeySequence sequence, byte[][] values, EmbeddedMembers members) {
        this.map = map;
        this.keys = keys;
        this.sequence = sequence;
        this.values = values;
        this.members = members;
    }

    /**
     * @param kind         {@value #GRID_MAP}, {@value #IMAP}, {@value #CONCURRENT_HASH_MAP} or {@value #CHRONICLE_MAP}
     * @param memberCount  members to start for GridMap and IMap (the benchmark calls from the first)
     * @param keyCount     the keyspace size
     * @param distribution {@code zipf} or {@code uniform}
     * @param partitions   the cluster's partition count (GridMap keeps one off-heap store per partition)
     * @return the workload, its map populated
     */
    static MapWorkload start(String kind, int memberCount, int keyCount, String distribution, int partitions) {
        return start(kind, memberCount, keyCount, distribution, partitions, keyCount);
    }

    /**
     * Like {@link #start(String, int, int, String, int)}, with the GridMap configured for
     * {@code configuredEntries} (its stores' initial sizing) instead of the keyspace: fewer, and its
     * stores grow while it is populated.
     */
    static MapWorkload start(String kind, int memberCount, int keyCount, String distribution, int partitions,
                             long configuredEntries) {
        String[] keys = keys(keyCount);
        KeySequence sequence = KeySequence.of(distribution, keyCount, SEED);
        byte[][] values = values(VALUE_POOL, new SplittableRandom(SEED));
        EmbeddedMembers members = null;
        BenchTarget map = null;
        try {
            switch (kind) {
                case GRID_MAP:
                    members = EmbeddedMembers.start(memberCount, partitions, gridMapConfig(configuredEntries));
                    map = new GridMapTarget(members.caller(), GRID_MAP_NAME);
                    break;
                case IMAP:
                    members = EmbeddedMembers.start(memberCount, partitions, gridMapConfig(keyCount));
                    map = new IMapTarget(members.caller(), IMAP_NAME);
                    break;
                case CONCURRENT_HASH_MAP:
                    map = new ChmTarget(keyCount);
                    break;
                case CHRONICLE_MAP:
                    map = new ChronicleMapTarget(keyCount, keys[keyCount - 1], VALUE_SIZE);
                    break;
                default:
                    throw new IllegalArgumentException("map must be " + GRID_MAP + ", " + IMAP + ", " + CONCURRENT_HASH_MAP
                            + " or " + CHRONICLE_MAP + ", was '" + kind + "'");
            }
            populate(kind, map, keys, values);
            if (members != null) {
                members.awaitSafe();
            }
        } catch (RuntimeException e) {
            if (map != null) {
                map.close();
            }
            if (members != null) {
                members.close();
            }
            throw e;
        }
        if (keyCount >= PROGRESS_FROM) {
            log(kind + ": " + distribution + " keys, " + String.format("%.1f%%", 100 * sequence.shareOfTop(keyCount, keyCount / 100))
                    + " of draws hit the hottest 1% of keys");
        }
        return new MapWorkload(map, keys, sequence, values, members);
    }

    /** @return the member the benchmark calls from (GridMap and IMap only) */
    Grid caller() {
        return members.caller();
    }

    /** The GridMap sized for {@code entries} (the keyspace, unless a benchmark lets it grow): String keys of up to 11 characters, 100-byte values. */
    static GridMapConfig gridMapConfig(long entries) {
        return new GridMapConfig(GRID_MAP_NAME)
                .setEntries(entries)
                .setAverageKeySize(16)                // UTF-8 length + up to 11 characters
                .setAverageValueSize(VALUE_SIZE + 4); // array length + bytes
    }

    static String[] keys(int count) {
        String[] keys = new String[count];
        for (int i = 0; i < count; i++) {
            keys[i] = "key:" + i;
        }
        return keys;
    }

    static byte[][] values(int count, SplittableRandom random) {
        byte[][] values = new byte[count][VALUE_SIZE];
        for (byte[] value : values) {
            random.nextBytes(value);
        }
        return values;
    }

    /** Writes every key, in batches, each key with its own copy of a value; checks a sample reads back. */
    private static void populate(String kind, BenchTarget map, String[] keys, byte[][] values) {
        boolean progress = keys.length >= PROGRESS_FROM;
        long start = System.nanoTime();
        int nextReport = keys.length / 10;
        Map<String, byte[]> batch = new HashMap<>(BATCH * 2);
        for (int i = 0; i < keys.length; i++) {
            batch.put(keys[i], values[i & (VALUE_POOL - 1)].clone());
            if (batch.size() == BATCH || i == keys.length - 1) {
                map.load(batch);
                batch.clear();
            }
            if (progress && i + 1 >= nextReport && nextReport > 0) {
                log(String.format("populating %s: %,d of %,d keys (%d%%), %.1f s", kind, i + 1, keys.length,
                        100L * (i + 1) / keys.length, (System.nanoTime() - start) / 1e9));
                nextReport += keys.length / 10;
            }
        }
        for (int i = 0; i < keys.length; i += Math.max(1, keys.length / 100)) {
            byte[] value = map.read(keys[i]);
            if (value == null || value.length != VALUE_SIZE) {
                throw new IllegalStateException(kind + " lost key " + keys[i] + " while populating: read back " + value);
            }
        }
    }

    static void log(String line) {
        System.out.println("[perf] " + line);
    }

    @Override
    public void close() {
        String stats = map.stats();
        if (stats != null) {
            log(stats);
        }
        map.close();
        if (members != null) {
            members.close();
        }
    }
}
