package dev.grid.query.impl.offline;

import dev.grid.query.export.ExportFormat;
import dev.grid.query.export.ExportManifest;
import dev.grid.query.impl.export.OutputDirectory;
import dev.grid.query.offline.OfflineSql;
import dev.grid.query.offline.OfflineSqlException;
import dev.grid.query.QueryCancelledException;
import dev.grid.query.QueryHandle;
import dev.grid.query.QueryResult;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicLong;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** {@link OfflineSql} on DuckDB; registered for {@link OfflineSql.Provider}. */
public final class DuckOfflineSql implements OfflineSql, OfflineSql.Provider {
    private static final AtomicLong QUERIES = new AtomicLong();

    private final Connection connection;
    private final List<String> views;

    /** The provider ServiceLoader creates. */
    public DuckOfflineSql() {
        connection = null;
        views = List.of();
    }

    private DuckOfflineSql(Connection connection, List<String> views) {
        this.connection = connection;
        this.views = views;
    }

    @Override
    public OfflineSql open(Path dir) {
        Map<String, Path> exports = exports(dir);
        Connection opened;
        try {
            opened = DriverManager.getConnection("jdbc:duckdb:");
        } catch (SQLException e) {
            throw new OfflineSqlException("DuckDB cannot start: " + e.getMessage(), e);
        }
        try (Statement statement = opened.createStatement()) {
            for (Map.Entry<String, Path> export : exports.entrySet()) {
                ExportManifest manifest = read(export.getValue());
                statement.execute("CREATE VIEW " + quote(export.getKey()) + " AS SELECT * FROM " + source(export.getValue(), manifest));
            }
        } catch (SQLException | RuntimeException e) {
            close(opened);
            throw e instanceof OfflineSqlException offline ? offline
                    : new OfflineSqlException("the exports in " + dir + " cannot be opened: " + e.getMessage(), e);
        }
        return new DuckOfflineSql(opened, List.copyOf(exports.keySet()));
    }

    /** @return the view name of each export under the directory (itself, or its subdirectories), sorted */
    private static Map<String, Path> exports(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new OfflineSqlException("offline directory " + dir + " does not exist or is not a directory");
        }
        List<Path> dirs;
        if (Files.isRegularFile(dir.resolve(ExportManifest.FILE_NAME))) {
            dirs = List.of(dir);
        } else {
            try (Stream<Path> list = Files.list(dir)) {
                dirs = list.filter(d -> Files.isRegularFile(d.resolve(ExportManifest.FILE_NAME))).sorted().toList();
            } catch (IOException e) {
                throw new OfflineSqlException("offline directory " + dir + " cannot be read: " + e, e);
            }
        }
        if (dirs.isEmpty()) {
            throw new OfflineSqlException("offline directory " + dir + " holds no export: no " + ExportManifest.FILE_NAME
                    + " in it or in its subdirectories (grid export writes one when it has written every file)");
        }
        Map<String, Path> exports = new TreeMap<>();
        for (Path exportDir : dirs) {
            String name = read(exportDir).name();
            Path earlier = exports.put(name, exportDir);
            if (earlier != null) {
                throw new OfflineSqlException("offline directory " + dir + " holds two exports of '" + name + "': " + earlier + " and "
                        + exportDir + "; a view is named after its map or topic, so open one of them");
            }
        }
        return exports;
    }

    private static ExportManifest read(Path exportDir) {
        try {
            return OutputDirectory.readManifest(exportDir);
        } catch (IOException e) {
            throw new OfflineSqlException("cannot read the manifest " + exportDir.resolve(ExportManifest.FILE_NAME) + ": " + e.getMessage(), e);
        }
    }

    /** @return the table function reading the export's files with its columns' types */
    private static String source(Path exportDir, ExportManifest manifest) {
        // consecutive partitions share a file: each file once
        String files = manifest.partitions().stream().flatMap(p -> p.files().stream()).distinct()
                .map(f -> literal(exportDir.resolve(f).toAbsolutePath().toString())).collect(Collectors.joining(", ", "[", "]"));
        if (manifest.format() == ExportFormat.PARQUET) {
            return "read_parquet(" + files + ")";
        }
        String columns = manifest.columns().stream().map(c -> literal(c.name()) + ": " + literal(c.type()))
                .collect(Collectors.joining(", ", "{", "}"));
        return "read_csv(" + files + ", header = true, auto_detect = false, columns = " + columns + ")";
    }

    @Override
    public List<String> views() {
        return views;
    }

    @Override
    public QueryHandle start(String sql) {
        if (sql == null || sql.isBlank()) {
            throw new IllegalArgumentException("no SQL: the statement is empty");
        }
        return new DuckQuery(String.format("offline-%d", QUERIES.incrementAndGet()), sql);
    }

    /** A statement on DuckDB's connection; cancelled through JDBC's {@link Statement#cancel()}, which interrupts DuckDB. */
    private final class DuckQuery implements QueryHandle {
        private final String id;
        private final String sql;
        private Statement statement;
        private boolean started;
        private boolean ended;
        private String cancelledBy;

        DuckQuery(String id, String sql) {
            this.id = id;
            this.sql = sql;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public String sql() {
            return sql;
        }

        @Override
        public QueryResult result() {
            Statement running;
            synchronized (this) {
                if (started) {
                    throw new IllegalStateException("query " + id + " has already run: start it again");
                }
                started = true;
                if (cancelledBy != null) {
                    throw new QueryCancelledException(id, cancelledBy, null);
                }
                try {
                    statement = connection.createStatement();
                } catch (SQLException e) {
                    throw new OfflineSqlException(e.getMessage(), e);
                }
                running = statement;
            }
            try (running) {
                return read(running, sql);
            } catch (SQLException e) {
                String by = cancelledBy();
                if (by != null) {
                    throw new QueryCancelledException(id, by, e);
                }
                throw new OfflineSqlException(e.getMessage(), e);
            } finally {
                synchronized (this) {
                    ended = true;
                    statement = null;
                }
            }
        }

        private synchronized String cancelledBy() {
            return cancelledBy;
        }

        @Override
        public void cancel(String by) {
            Statement running;
            synchronized (this) {
                if (ended || cancelledBy != null) {
                    return;
                }
                cancelledBy = by == null || by.isBlank() ? "an unnamed caller" : by;
                running = statement;
            }
            if (running != null) {
                try {
                    running.cancel();
                } catch (SQLException e) {
                    throw new OfflineSqlException("query " + id + " could not be cancelled: " + e.getMessage(), e);
                }
            }
        }
    }

    private static QueryResult read(Statement statement, String sql) throws SQLException {
        if (!statement.execute(sql)) {
            return new QueryResult(List.of(), List.of(), List.of());
        }
        try (ResultSet rows = statement.getResultSet()) {
            ResultSetMetaData meta = rows.getMetaData();
            List<String> columns = new ArrayList<>();
            List<String> types = new ArrayList<>();
            for (int c = 1; c <= meta.getColumnCount(); c++) {
                columns.add(meta.getColumnLabel(c));
                types.add(meta.getColumnTypeName(c));
            }
            List<List<Object>> result = new ArrayList<>();
            while (rows.next()) {
                List<Object> row = new ArrayList<>(columns.size());
                for (int c = 1; c <= columns.size(); c++) {
                    row.add(rows.getObject(c));
                }
                result.add(Collections.unmodifiableList(row));
            }
            return new QueryResult(List.copyOf(columns), List.copyOf(types), Collections.unmodifiableList(result));
        }
    }

    @Override
    public void close() {
        close(connection);
    }

    private static void close(Connection connection) {
        try {
            if (connection != null) {
                connection.close();
            }
        } catch (SQLException e) {
            // nothing to release beyond it
        }
    }

    private static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    private static String literal(String text) {
        return '\'' + text.replace("'", "''") + '\'';
    }
}
