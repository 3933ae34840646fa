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
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Exports a GridMap: each cluster partition read in one request to its owner ({@link PartitionScan#partitionEntries}),
 * so a partition is a snapshot and every entry is read once; then appended and written as that partition's files.
 */
final class MapExporter {
    /** Entries of one partition read at once: all of them (the partition is one snapshot). */
    private static final int WHOLE_PARTITION = Integer.MAX_VALUE;
    private static final int SHOWN_NAMES = 10;

    private MapExporter() {
    }

    static ExportManifest export(Grid grid, String name, ExportOptions options) {
        TreeSet<String> maps = mapNames(grid);
        if (!maps.contains(name)) {
            throw new ExportException("GridMap '" + name + "' does not exist in cluster '" + grid.clusterName() + "' (maps: "
                    + (maps.isEmpty() ? "none" : String.join(", ", maps.stream().limit(SHOWN_NAMES).toList())
                    + (maps.size() > SHOWN_NAMES ? ", ..." : "")) + ")");
        }
        GridMap<Object, Object> map = grid.map(name);
        PartitionScan<Object, Object> scan = PartitionScan.of(map);
        int partitions = grid.partitions().count();
        try (ExportRun run = new ExportRun(ExportManifest.MAP, name, options, partitions)) {
            ColumnKind keyKind = null;
            ColumnKind valueKind = null;
            for (int p = 0; p < partitions; p++) {
                List<Map.Entry<Object, Object>> entries = scan.partitionEntries(p, WHOLE_PARTITION);
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
                    run.endRow(p);
                }
                run.endPartition(p, -1, -1);
            }
            return run.finish(grid.clusterName(), List.of(new ExportManifest.Column("partition", "INTEGER", "native"),
                    ColumnKind.VARCHAR.column("key"), ColumnKind.VARCHAR.column("value")), null);
        } catch (SQLException e) {
            throw new ExportException("export of GridMap '" + name + "' to " + options.getOut() + " failed: " + e.getMessage(), e);
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
