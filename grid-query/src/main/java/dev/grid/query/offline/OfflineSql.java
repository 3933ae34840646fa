package dev.grid.query.offline;

import dev.grid.core.GridModules;
import dev.grid.query.QueryResult;
import dev.grid.query.SqlSession;

import java.nio.file.Path;
import java.util.List;

/**
 * SQL over exported files with DuckDB, in this JVM: a view per export, named after its map or topic.
 *
 * <pre>{@code
 * try (OfflineSql sql = OfflineSql.open(Path.of("out"))) {
 *     QueryResult total = sql.query("SELECT sum(value) FROM orders");
 * }
 * }</pre>
 *
 * <p>Not thread-safe: one statement at a time.
 *
 * @since 0.1
 */
public interface OfflineSql extends SqlSession {

    /**
     * Opens a directory an export wrote (it holds {@code manifest.json}), or a directory whose subdirectories export
     * wrote (a view for each).
     *
     * @param dir the directory
     * @return the open engine
     * @throws OfflineSqlException naming the directory if it holds no manifest, or the manifest that cannot be read
     */
    static OfflineSql open(Path dir) {
        return GridModules.provider(Provider.class).open(dir);
    }

    /** @return the views, one per export, sorted */
    List<String> views();

    /**
     * Runs one statement (the last one's rows when the text holds several, separated by {@code ;}).
     *
     * @return its rows
     * @throws OfflineSqlException with DuckDB's message (a syntax error names line and position)
     */
    @Override
    default QueryResult query(String sql) {
        return SqlSession.super.query(sql);
    }

    /** @return the views, as {@code views: a, b} */
    @Override
    default String describe() {
        return "views: " + String.join(", ", views());
    }

    /** Releases DuckDB's connection. */
    @Override
    void close();

    /** How the API opens the engine; implemented by grid-query's implementation. */
    interface Provider {
        OfflineSql open(Path dir);
    }
}
