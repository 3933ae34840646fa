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
import java.util.Locale;

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
    private final List<ExportManifest.Partition> partitions = new ArrayList<>();
    private ChunkWriter writer;
    private List<ExportManifest.Column> columns;
    private long rows;
    private long partitionRows;
    private List<String> partitionFiles = new ArrayList<>();

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

    /** @return whether {@link #columns} was called */
    boolean hasColumns() {
        return writer != null;
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

    /** Ends the row begun; writes a file when it holds {@link ExportOptions#getRowsPerFile()} rows. */
    void endRow(int partition) throws SQLException {
        writer.endRow();
        rows++;
        partitionRows++;
        if (writer.rows() >= options.getRowsPerFile()) {
            writeFile(partition);
        }
    }

    private void writeFile(int partition) throws SQLException {
        String file = String.format(Locale.ROOT, "%s-p%05d-%04d.%s", name, partition, partitionFiles.size(), options.getFormat().extension());
        writer.write(file);
        partitionFiles.add(file);
    }

    /** Ends a partition: writes its last file, if it has rows left; tells the listener. */
    void endPartition(int partition, long fromOffset, long toOffset) throws SQLException {
        if (writer != null && writer.rows() > 0) {
            writeFile(partition);
        }
        partitions.add(new ExportManifest.Partition(partition, partitionRows, fromOffset, toOffset, List.copyOf(partitionFiles)));
        partitionRows = 0;
        partitionFiles = new ArrayList<>();
        progress();
    }

    /** Tells the listener how far the export is. */
    void progress() {
        options.getListener().progress(new ExportProgress(rows, partitions.size(), partitionCount, Duration.ofNanos(System.nanoTime() - startNanos)));
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
        List<ExportManifest.Partition> written = new ArrayList<>(partitions);
        if (rows == 0) {
            String file = name + "-empty." + options.getFormat().extension();
            writer.write(file);
            ExportManifest.Partition first = written.isEmpty() ? new ExportManifest.Partition(0, 0, -1, -1, List.of()) : written.get(0);
            ExportManifest.Partition withFile = new ExportManifest.Partition(first.partition(), 0, first.fromOffset(), first.toOffset(),
                    List.of(file));
            if (written.isEmpty()) {
                written.add(withFile);
            } else {
                written.set(0, withFile);
            }
        }
        ExportManifest manifest = new ExportManifest(kind, name, cluster, options.getFormat(), startedAt, options.getClock().instant(), rows,
                columns, range, List.copyOf(written));
        OutputDirectory.writeManifest(options.getOut(), manifest);
        return manifest;
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
