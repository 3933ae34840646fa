package dev.grid.query.export;

import dev.grid.core.Grid;
import dev.grid.core.GridModules;

/**
 * Exports a GridMap or a topic of grid's log to Parquet or CSV files in a directory, with a {@value ExportManifest#FILE_NAME}
 * that {@code grid sql --offline} and {@link dev.grid.query.offline.OfflineSql} read.
 *
 * <p>A map is read partition by partition through the public API (one partition's entries in one read on its owner,
 * so memory is bounded by the largest partition): every entry present for the whole export is written exactly once,
 * each partition is a consistent snapshot at the moment it is read, and the partitions are read one after the other
 * (not one snapshot of the whole map). A topic is read partition by partition from the range's start up to its end or
 * the high watermark when the export starts, whichever is lower: every record in that range exactly once, in offset
 * order.
 *
 * <pre>{@code
 * GridExport export = GridExport.of(grid);
 * export.exportMap("orders", new ExportOptions(Path.of("out/orders")));
 * export.exportTopic("clicks", new TopicRange(TopicBound.offset(100), null),
 *         new ExportOptions(Path.of("out/clicks")).setFormat(ExportFormat.CSV));
 * }</pre>
 *
 * @since 0.1
 */
public interface GridExport {

    /**
     * @param grid a client or an embedded member
     * @return the exporter of that grid's cluster
     */
    static GridExport of(Grid grid) {
        return GridModules.provider(Provider.class).export(grid);
    }

    /**
     * Exports every entry of a map: columns {@code partition INTEGER, key, value}, typed by the first entry (see
     * {@code docs/query-export.md}).
     *
     * @return what was written, as the manifest says
     * @throws ExportException naming the map if no member knows it, the directory if it is not empty (and not
     *                         {@link ExportOptions#setOverwrite overwrite}) or cannot be written, the key whose value
     *                         does not fit its column
     */
    ExportManifest exportMap(String map, ExportOptions options);

    /**
     * Exports a topic's records in a range: columns {@code partition INTEGER, offset BIGINT, timestamp TIMESTAMP,
     * key BLOB, value BLOB, headers VARCHAR} (JSON; key and value VARCHAR with
     * {@link ExportOptions#setTextKeysAndValues text}).
     *
     * @return what was written
     * @throws dev.grid.log.UnknownTopicException naming the topic
     * @throws ExportException                    naming the directory if it is not empty or cannot be written
     */
    ExportManifest exportTopic(String topic, TopicRange range, ExportOptions options);

    /** How a grid gives its exporter; implemented by grid-query's implementation. */
    interface Provider {
        GridExport export(Grid grid);
    }
}
