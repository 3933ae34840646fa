package dev.grid.txn;

import dev.grid.core.Grid;
import dev.grid.core.test.GridCluster;
import dev.grid.log.ConsumerRecord;
import dev.grid.log.FetchResult;
import dev.grid.log.GridLog;
import dev.grid.log.IsolationLevel;
import dev.grid.log.ProducerRecord;
import dev.grid.log.ReadOptions;
import dev.grid.log.TransactionalGridLog;
import dev.grid.txn.test.H2Databases;
import dev.grid.txn.test.TxnTestConfig;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * grid-log in an XA transaction through {@link TransactionScope#transactionContext()} on a member, with an H2 row:
 * the append is visible to read_committed readers exactly when the row is committed (two-phase: grid and H2).
 */
@Timeout(120)
class TxnGridLogTest {
    @RegisterExtension
    static final GridCluster CLUSTER = GridCluster.withMembers(1).partitions(7).configure(config -> config.getLog().setDirectory(logDirectory()));

    private static Grid grid;
    private static JdbcDataSource h2;
    private static GridTransactions txns;

    private static Path logDirectory() {
        try {
            Path dir = Files.createTempDirectory("grid-txn-log-test");
            dir.toFile().deleteOnExit();
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @BeforeAll
    static void start() {
        grid = CLUSTER.member(0);
        h2 = H2Databases.newDatabase();
        txns = GridTransactions.start(grid, TxnTestConfig.forThisJvm().addDataSource("h2", h2));
    }

    @AfterAll
    static void stop() {
        if (txns != null) {
            txns.close();
        }
    }

    private static void insert(TransactionScope scope, String id, int balance) throws SQLException {
        try (PreparedStatement insert = scope.connection("h2").prepareStatement("insert into accounts values (?, ?)")) {
            insert.setString(1, id);
            insert.setInt(2, balance);
            insert.executeUpdate();
        }
    }

    private static List<String> committed(String topic) {
        FetchResult page = GridLog.of(grid).readAsync(topic, 0, 0, 100, ReadOptions.DEFAULT_MAX_BYTES, Duration.ZERO,
                IsolationLevel.READ_COMMITTED).join();
        List<String> values = new ArrayList<>();
        for (ConsumerRecord r : page.records()) {
            values.add(new String(r.value(), StandardCharsets.UTF_8));
        }
        return values;
    }

    @Test
    void anAppendCommitsWithTheDatabaseRowOrNotAtAll() throws Exception {
        String topic = "xa-" + UUID.randomUUID().toString().substring(0, 8);
        GridLog.of(grid).createTopic(topic, 1);
        String kept = UUID.randomUUID().toString().substring(0, 8);
        String lost = UUID.randomUUID().toString().substring(0, 8);

        assertThrows(IOException.class, () -> txns.required(scope -> {
            TransactionalGridLog.in(scope.transactionContext()).send(ProducerRecord.of(topic, lost, lost));
            insert(scope, lost, 1);
            throw new IOException("the work fails on purpose");
        }));
        assertNull(H2Databases.balance(h2, lost));
        assertEquals(List.of(), committed(topic));

        txns.required(scope -> {
            TransactionalGridLog.in(scope.transactionContext()).send(ProducerRecord.of(topic, kept, kept));
            insert(scope, kept, 2);
            return null;
        });
        assertEquals(2, H2Databases.balance(h2, kept));
        assertEquals(List.of(kept), committed(topic));
    }
}
