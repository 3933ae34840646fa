package dev.grid.query.impl.export;

import dev.grid.query.export.ExportException;
import dev.grid.query.export.ExportManifest;
import dev.grid.query.export.ExportOptions;
import dev.grid.query.export.ExportProgress;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * One export as it runs: DuckDB's in-memory database, the writer of the current partition's files, the rows and files
 * so far, the progress told to the listener, and the manifest at the end.
 */
final class ExportRun implements AutoCloseable {
    private final String kind;
    private final String name;
    private final ExportOptions options;
    private final int partitionCount;
    private final Instant startedAt;
    private final long startNanos = System.nanoTime();
    private final DuckDBConnection connection;
    /** Partitions ended or under way, in order, each with its files so far. */
    private final List<PartitionFiles> partitions = new ArrayList<>();
    /** Partitions with rows in the chunk not yet written. */
    private final Set<PartitionFiles> inChunk = new LinkedHashSet<>();
    private ChunkWriter writer;
    private List<ExportManifest.Column> columns;
    private long rows;
    private int files;
    private int partitionsDone;
    private PartitionFiles current;

    ExportRun(String kind, String name, ExportOptions options, int partitionCount) {
        this.kind = kind;
        this.name = name;
        this.options = options;
        this.partitionCount = partitionCount;
        this.startedAt = options.getClock().instant();
        OutputDirectory.prepare(options.getOut(), options.isOverwrite());
        try {
            connection = DriverManager.getConnection("jdbc:duckdb:").unwrap(DuckDBConnection.class);
        } catch (SQLException e) {
            throw new ExportException("DuckDB cannot start for the export of " + kind + " " + name + ": " + e.getMessage(), e);
        }
    }

    /** Sets the columns of every file; call once, before the first row. */
    void columns(List<ExportManifest.Column> columns) throws SQLException {
        this.columns = List.copyOf(columns);
        writer = new ChunkWriter(connection, this.columns, options.getOut(), options.getFormat());
    }

    /** @return the appender, a row begun: append every column, then call {@link #endRow} */
    DuckDBAppender row() throws SQLException {
        return writer.beginRow();
    }

    /** Starts a partition: its rows are the next ones. */
    void startPartition(int partition) {
        current = new PartitionFiles(partition);
        partitions.add(current);
    }

    /** Ends the row begun; writes a file when the chunk holds {@link ExportOptions#getRowsPerFile()} rows. */
    void endRow() throws SQLException {
        writer.endRow();
        rows++;
        current.rows++;
        inChunk.add(current);
        if (writer.rows() >= options.getRowsPerFile()) {
            writeFile();
        }
    }

    private void writeFile() throws SQLException {
        String file = String.format(Locale.ROOT, "%s-%05d.%s", name, files++, options.getFormat().extension());
        writer.write(file);
        for (PartitionFiles partition : inChunk) {
            partition.files.add(file);
        }
        inChunk.clear();
    }

    /** Ends the current partition and tells the listener. */
    void endPartition(long fromOffset, long toOffset) {
        current.fromOffset = fromOffset;
        current.toOffset = toOffset;
        partitionsDone++;
        progress();
    }

    /** Tells the listener how far the export is. */
    void progress() {
        options.getListener().progress(new ExportProgress(rows, partitionsDone, partitionCount, Duration.ofNanos(System.nanoTime() - startNanos)));
    }

    /**
     * Writes the manifest; with no row at all, one empty file with the columns first, so the export reads as an empty table.
     *
     * @param defaultColumns the columns when none were set (an empty map)
     * @param range          the topic's range as asked, or null
     * @return the manifest written
     */
    ExportManifest finish(String cluster, List<ExportManifest.Column> defaultColumns, ExportManifest.Range range) throws SQLException {
        if (writer == null) {
            columns(defaultColumns);
        }
        if (rows == 0) {
            // no row at all: one empty file with the columns, so the export reads as an empty table
            if (partitions.isEmpty()) {
                startPartition(0);
                endPartition(-1, -1);
            }
            inChunk.add(partitions.get(0));
        }
        if (!inChunk.isEmpty()) {
            writeFile();
        }
        List<ExportManifest.Partition> written = partitions.stream().map(PartitionFiles::manifest).toList();
        ExportManifest manifest = new ExportManifest(kind, name, cluster, options.getFormat(), startedAt, options.getClock().instant(), rows,
                columns, range, written);
        OutputDirectory.writeManifest(options.getOut(), manifest);
        return manifest;
    }

    /** A partition's rows, offsets and files as the export goes. */
    private static final class PartitionFiles {
        final int partition;
        final List<String> files = new ArrayList<>();
        long rows;
        long fromOffset = -1;
        long toOffset = -1;

        PartitionFiles(int partition) {
            this.partition = partition;
        }

        ExportManifest.Partition manifest() {
            return new ExportManifest.Partition(partition, rows, fromOffset, toOffset, List.copyOf(files));
        }
    }

    @Override
    public void close() {
        try {
            if (writer != null) {
                writer.close();
            }
            connection.close();
        } catch (SQLException e) {
            // nothing left to write
        }
    }
}
