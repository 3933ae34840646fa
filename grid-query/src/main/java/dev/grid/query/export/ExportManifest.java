package dev.grid.query.export;

import java.time.Instant;
import java.util.List;

/**
 * What an export wrote, as its {@value #FILE_NAME} says: which map or topic, when, in which format, the columns, and
 * per partition the rows, the files and (for a topic) the offsets exported. Offline SQL reads it to name and type
 * its views.
 *
 * @param kind        {@code map} or {@code topic}
 * @param name        the map's or topic's name
 * @param cluster     the name of the cluster it came from
 * @param format      the data files' format
 * @param startedAt   when the export started
 * @param finishedAt  when its last file was written
 * @param rows        rows written in all
 * @param columns     the columns of every data file, in order
 * @param range       for a topic, the range asked for ({@code from} and {@code to} as given, null when absent); null for a map
 * @param partitions  one entry per partition exported, in order
 * @since 0.1
 */
public record ExportManifest(String kind, String name, String cluster, ExportFormat format, Instant startedAt, Instant finishedAt,
                             long rows, List<Column> columns, Range range, List<Partition> partitions) {
    /** The manifest's file name in the output directory. */
    public static final String FILE_NAME = "manifest.json";
    /** {@link #kind()} of a GridMap export. */
    public static final String MAP = "map";
    /** {@link #kind()} of a topic export. */
    public static final String TOPIC = "topic";

    /**
     * A column of the data files.
     *
     * @param name     its name
     * @param type     its DuckDB type ({@code BIGINT}, {@code DOUBLE}, {@code BOOLEAN}, {@code VARCHAR}, {@code BLOB},
     *                 {@code INTEGER}, {@code TIMESTAMP})
     * @param encoding how a value became the column's: {@code native} (a Java primitive, string or byte[] as is),
     *                 {@code json} (another object as JSON text, by Jackson), {@code utf8} (a topic's bytes as text)
     */
    public record Column(String name, String type, String encoding) {
    }

    /**
     * A topic export's range as asked for.
     *
     * @param from the start, as given ({@code 120} or an ISO instant), or null
     * @param to   the end, excluded, as given, or null
     */
    public record Range(String from, String to) {
    }

    /**
     * One partition of the export.
     *
     * @param partition  the partition (the cluster partition for a map, the topic's partition for a topic)
     * @param rows       rows written from it
     * @param fromOffset for a topic, the first offset exported; -1 for a map
     * @param toOffset   for a topic, the offset after the last one exported (the end of the range, excluded); -1 for a map
     * @param files      the data files holding its rows, relative to the output directory (none when it had no row); consecutive
     *                   partitions share a file until it holds {@link ExportOptions#getRowsPerFile()} rows
     */
    public record Partition(int partition, long rows, long fromOffset, long toOffset, List<String> files) {
    }
}
