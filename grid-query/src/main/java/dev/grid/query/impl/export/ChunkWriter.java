package dev.grid.query.impl.export;

import dev.grid.query.export.ExportFormat;
import dev.grid.query.export.ExportManifest;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Rows appended into an in-memory DuckDB table ({@link DuckDBAppender}), written to one file with
 * {@code COPY ... TO} (Parquet with zstd, or CSV with a header), then emptied for the next file.
 */
final class ChunkWriter implements AutoCloseable {
    static final String TABLE = "grid_export_chunk";

    private final DuckDBConnection connection;
    private final Path dir;
    private final ExportFormat format;
    private DuckDBAppender appender;
    private int rows;

    ChunkWriter(DuckDBConnection connection, List<ExportManifest.Column> columns, Path dir, ExportFormat format) throws SQLException {
        this.connection = connection;
        this.dir = dir;
        this.format = format;
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE OR REPLACE TABLE " + TABLE + " (" + columns.stream()
                    .map(c -> quote(c.name()) + " " + c.type()).collect(Collectors.joining(", ")) + ")");
        }
        appender = connection.createAppender(DuckDBConnection.DEFAULT_SCHEMA, TABLE);
    }

    /** @return the appender, a row begun: append every column, then call {@link #endRow()} */
    DuckDBAppender beginRow() throws SQLException {
        return appender.beginRow();
    }

    void endRow() throws SQLException {
        appender.endRow();
        rows++;
    }

    /** @return rows appended since the last file */
    int rows() {
        return rows;
    }

    /**
     * Writes the rows appended since the last file (possibly none) to a file in the output directory.
     *
     * @param fileName the file's name
     */
    void write(String fileName) throws SQLException {
        appender.flush();
        appender.close();
        String options = format == ExportFormat.PARQUET ? "(FORMAT parquet, COMPRESSION zstd)" : "(FORMAT csv, HEADER true)";
        try (Statement statement = connection.createStatement()) {
            statement.execute("COPY " + TABLE + " TO " + literal(dir.resolve(fileName).toString()) + " " + options);
            statement.execute("DELETE FROM " + TABLE);
        }
        appender = connection.createAppender(DuckDBConnection.DEFAULT_SCHEMA, TABLE);
        rows = 0;
    }

    @Override
    public void close() throws SQLException {
        appender.close();
    }

    static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    static String literal(String text) {
        return '\'' + text.replace("'", "''") + '\'';
    }
}
