package dev.grid.query.impl.export;

import com.hazelcast.core.DistributedObject;
import dev.grid.core.Grid;
import dev.grid.core.GridMap;
import dev.grid.core.spi.PartitionScan;
import dev.grid.query.export.ExportException;
import dev.grid.query.export.ExportManifest;
import dev.grid.query.export.ExportOptions;

import org.duckdb.DuckDBAppender;

import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.locks.LockSupport;

/**
 * Exports a GridMap: each cluster partition read in one request to its owner ({@link PartitionScan#partitionEntries}),
 * so a partition is a snapshot and every entry is read once; the next partition is read while one is appended.
 */
final class MapExporter {
    /** Entries of one partition read at once: all of them (the partition is one snapshot). */
    private static final int WHOLE_PARTITION = Integer.MAX_VALUE;
    private static final int SHOWN_NAMES = 10;
    /** How long a map name missing from the cluster's list is looked up again before the export fails. */
    private static final Duration NAME_PROPAGATION = Duration.ofSeconds(2);

    private MapExporter() {
    }

    static ExportManifest export(Grid grid, String name, ExportOptions options) {
        TreeSet<String> maps = mapNamesIncluding(grid, name);
        if (!maps.contains(name)) {
            throw new ExportException("GridMap '" + name + "' does not exist in cluster '" + grid.clusterName() + "' (maps: "
                    + (maps.isEmpty() ? "none" : String.join(", ", maps.stream().limit(SHOWN_NAMES).toList())
                    + (maps.size() > SHOWN_NAMES ? ", ..." : "")) + ")");
        }
        GridMap<Object, Object> map = grid.map(name);
        PartitionScan<Object, Object> scan = PartitionScan.of(map);
        int partitions = grid.partitions().count();
        ExecutorService prefetch = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "grid-export-prefetch-" + name);
            thread.setDaemon(true);
            return thread;
        });
        try (ExportRun run = new ExportRun(ExportManifest.MAP, name, options, partitions)) {
            ColumnKind keyKind = null;
            ColumnKind valueKind = null;
            Future<List<Map.Entry<Object, Object>>> next = prefetch.submit(() -> scan.partitionEntries(0, WHOLE_PARTITION));
            for (int p = 0; p < partitions; p++) {
                List<Map.Entry<Object, Object>> entries = take(next);
                int following = p + 1;
                // the next partition is read while this one is appended and written
                next = following < partitions ? prefetch.submit(() -> scan.partitionEntries(following, WHOLE_PARTITION)) : null;
                run.startPartition(p);
                for (Map.Entry<Object, Object> entry : entries) {
                    if (keyKind == null) {
                        keyKind = ColumnKind.of(entry.getKey());
                        valueKind = ColumnKind.of(entry.getValue());
                        run.columns(List.of(new ExportManifest.Column("partition", "INTEGER", "native"), keyKind.column("key"),
                                valueKind.column("value")));
                    }
                    check(name, p, "key", entry.getKey(), entry.getKey(), keyKind);
                    check(name, p, "value", entry.getKey(), entry.getValue(), valueKind);
                    DuckDBAppender row = run.row().append(p);
                    keyKind.append(row, entry.getKey());
                    valueKind.append(row, entry.getValue());
                    run.endRow();
                }
                run.endPartition(-1, -1);
            }
            return run.finish(grid.clusterName(), List.of(new ExportManifest.Column("partition", "INTEGER", "native"),
                    ColumnKind.VARCHAR.column("key"), ColumnKind.VARCHAR.column("value")), null);
        } catch (SQLException e) {
            throw new ExportException("export of GridMap '" + name + "' to " + options.getOut() + " failed: " + e.getMessage(), e);
        } finally {
            prefetch.shutdownNow();
        }
    }

    private static <T> T take(Future<T> read) {
        try {
            return read.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExportException("interrupted while reading a partition", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new ExportException(String.valueOf(e.getCause()), e.getCause());
        }
    }

    private static void check(String map, int partition, String column, Object key, Object value, ColumnKind kind) {
        if (value != null && !kind.fits(value)) {
            String shown = String.valueOf(key);
            throw new ExportException("GridMap '" + map + "', partition " + partition + ": the " + column + " of key "
                    + (shown.length() > 80 ? shown.substring(0, 80) + "..." : shown) + " is a " + value.getClass().getName()
                    + ", but the column '" + column + "' is " + kind.column(column).type() + " (" + kind.name().toLowerCase(java.util.Locale.ROOT)
                    + ", from the first entry exported): an export needs one type per column");
        }
    }

    /** @return the GridMaps the cluster knows: every one a member or client created and did not destroy */
    /**
     * The cluster's map names, looked up again for up to {@link #NAME_PROPAGATION} while {@code name} is not among them: a
     * map created on another member a moment ago reaches the member this one asks asynchronously (an export right after
     * a member's first write to a new map was once told the map did not exist).
     */
    private static TreeSet<String> mapNamesIncluding(Grid grid, String name) {
        long deadline = System.nanoTime() + NAME_PROPAGATION.toNanos();
        TreeSet<String> names = mapNames(grid);
        while (!names.contains(name) && System.nanoTime() - deadline < 0) {
            LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
            names = mapNames(grid);
        }
        return names;
    }

    static TreeSet<String> mapNames(Grid grid) {
        TreeSet<String> names = new TreeSet<>();
        for (DistributedObject object : grid.hazelcast().getDistributedObjects()) {
            if (object instanceof GridMap<?, ?> map) {
                names.add(map.name());
            }
        }
        return names;
    }
}
