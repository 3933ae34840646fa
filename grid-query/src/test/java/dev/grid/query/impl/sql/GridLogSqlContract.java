package dev.grid.query.impl.sql;

import com.hazelcast.sql.SqlResult;
import com.hazelcast.sql.SqlRow;
import com.hazelcast.sql.SqlService;
import dev.grid.core.Grid;
import dev.grid.core.config.GridTopicConfig;
import dev.grid.core.test.GridCluster;
import dev.grid.log.GridLog;
import dev.grid.log.LogProducer;
import dev.grid.log.ProducerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SQL over grid-log, written once and run on every topology (one member, three members, a client): a historical query
 * returns every record once with its partition, offset and timestamp; filters, projections and aggregates; bounds on
 * offsets and time start the reads where they should; a stream emits records appended after it started.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 2, unit = TimeUnit.MINUTES)
public abstract class GridLogSqlContract {
    static final int ORDERS = 200;
    static final int PARTITIONS = 4;
    static final long T0 = 1_700_000_000_000L;

    /** @return the grid the test writes and queries through: a member or a client */
    protected abstract Grid grid();

    /**
     * @return whether the members run in this JVM, so their scan counters can be read here (false for {@code grid start}
     *         processes: the checks of what was read are then skipped, the results are still checked)
     */
    protected boolean membersInThisJvm() {
        return true;
    }

    static GridCluster members(int count) {
        Path dir;
        try {
            dir = Files.createTempDirectory("grid-log-sql");
            dir.toFile().deleteOnExit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return GridCluster.withMembers(count).partitions(31).configure(config -> config.getLog().setDirectory(dir));
    }

    SqlService sql() {
        return grid().hazelcast().getSql();
    }

    static String customer(int id) {
        return "c" + id % 10;
    }

    static int amount(int id) {
        return id % 7 + 1;
    }

    static String order(int id) {
        return "{\"id\":" + id + ",\"amount\":" + amount(id) + ",\"customer\":\"" + customer(id) + "\"}";
    }

    @BeforeAll
    void load() {
        GridLog log = GridLog.of(grid());
        log.createTopic(new GridTopicConfig("orders").setPartitions(PARTITIONS));
        log.createTopic(new GridTopicConfig("notes").setPartitions(2));
        log.createTopic(new GridTopicConfig("ticks").setPartitions(PARTITIONS));
        log.createTopic(new GridTopicConfig("clicks").setPartitions(PARTITIONS));
        try (LogProducer producer = log.producer()) {
            List<CompletableFuture<?>> sent = new ArrayList<>();
            for (int id = 0; id < ORDERS; id++) {
                // order id goes to partition id % 4 at offset id / 4, with timestamp T0 + id seconds
                sent.add(producer.send(ProducerRecord.of("orders", customer(id), order(id)).toPartition(id % PARTITIONS)
                        .withTimestamp(T0 + id * 1000L)));
            }
            // clicks: 10 in the second from T0 and 6 in the next, then one 10 s later on every partition (moves the watermarks on)
            for (int i = 0; i < 16; i++) {
                long at = T0 + (i < 10 ? i * 90L : 1000 + (i - 10) * 150L);
                sent.add(producer.send(ProducerRecord.of("clicks", null, "{\"id\":" + i + ",\"amount\":1}").toPartition(i % PARTITIONS)
                        .withTimestamp(at)));
            }
            for (int p = 0; p < PARTITIONS; p++) {
                sent.add(producer.send(ProducerRecord.of("clicks", null, "{\"id\":" + (100 + p) + ",\"amount\":1}").toPartition(p)
                        .withTimestamp(T0 + 10_000)));
            }
            sent.add(producer.send(ProducerRecord.of("notes", "k1", "hello").toPartition(0)));
            sent.add(producer.send(ProducerRecord.of("notes", null, "world".getBytes(StandardCharsets.UTF_8)).toPartition(1)));
            sent.forEach(CompletableFuture::join);
        }
        execute("CREATE OR REPLACE MAPPING orders (__partition INT, __offset BIGINT, __timestamp TIMESTAMP WITH TIME ZONE, "
                + "__key VARCHAR, id INT, amount INT, customer VARCHAR) TYPE GridLog OPTIONS ('valueFormat'='json-flat')");
        execute("CREATE OR REPLACE MAPPING notes TYPE GridLog OPTIONS ('keyFormat'='varchar', 'valueFormat'='varchar')");
        execute("CREATE OR REPLACE MAPPING note_bytes EXTERNAL NAME notes TYPE GridLog OPTIONS ('keyFormat'='bytes', 'valueFormat'='bytes')");
        execute("CREATE OR REPLACE MAPPING ticks (id INT, amount INT) TYPE GridLog OPTIONS ('valueFormat'='json-flat', 'stream'='true')");
        execute("CREATE OR REPLACE MAPPING clicks (id INT, amount INT) TYPE GridLog "
                + "OPTIONS ('valueFormat'='json-flat', 'stream'='true', 'startFrom'='earliest')");
    }

    void execute(String statement) {
        try (SqlResult result = sql().execute(statement)) {
            assertFalse(result.isRowSet(), statement);
        }
    }

    List<List<Object>> rows(String query, Object... arguments) {
        List<List<Object>> rows = new ArrayList<>();
        try (SqlResult result = sql().execute(query, arguments)) {
            int columns = result.getRowMetadata().getColumnCount();
            for (SqlRow row : result) {
                List<Object> values = new ArrayList<>(columns);
                for (int i = 0; i < columns; i++) {
                    values.add(row.getObject(i));
                }
                rows.add(values);
            }
        }
        return rows;
    }

    static OffsetDateTime time(int id) {
        return OffsetDateTime.ofInstant(Instant.ofEpochMilli(T0 + id * 1000L), ZoneOffset.UTC);
    }

    /** Checks the change of a members' scan counter, when the members run in this JVM ({@link #membersInThisJvm()}). */
    private void assertCounted(long expected, long actual, String message) {
        if (membersInThisJvm()) {
            assertEquals(expected, actual, message);
        }
    }

    @Test
    void shouldReturnEveryRecordOnceWithItsPartitionOffsetAndTimestamp() {
        List<List<Object>> rows = rows("SELECT id, __partition, __offset, __timestamp, __key FROM orders");
        assertEquals(ORDERS, rows.size());
        rows.sort((a, b) -> Integer.compare((Integer) a.get(0), (Integer) b.get(0)));
        for (int id = 0; id < ORDERS; id++) {
            List<Object> row = rows.get(id);
            assertEquals(List.of(id, id % PARTITIONS, (long) (id / PARTITIONS), time(id), customer(id)), row, "order " + id);
        }
    }

    @Test
    void shouldReadEveryPartitionOnItsOwner() {
        long local = LogScanCounters.LOCAL_PARTITIONS.sum();
        long remote = LogScanCounters.REMOTE_PARTITIONS.sum();
        assertEquals(List.of(List.of((long) ORDERS)), rows("SELECT COUNT(*) FROM orders"));
        assertCounted(PARTITIONS, LogScanCounters.LOCAL_PARTITIONS.sum() - local, "log partitions read on their owner");
        assertCounted(0, LogScanCounters.REMOTE_PARTITIONS.sum() - remote, "log partitions read from another member");
    }

    @Test
    void shouldFilterAndProject() {
        List<List<Object>> expected = IntStream.range(0, ORDERS).filter(id -> amount(id) > 5 && customer(id).equals("c3"))
                .mapToObj(id -> List.<Object>of(id, (long) amount(id) * 2)).toList();
        assertEquals(expected, rows("SELECT id, amount * 2 FROM orders WHERE amount > ? AND customer = 'c3' ORDER BY id", 5));
        assertEquals(List.of(List.of((long) ORDERS / 10)), rows("SELECT COUNT(*) FROM orders WHERE __key = 'c3'"));
    }

    @Test
    void shouldAggregate() {
        long sum = IntStream.range(0, ORDERS).map(GridLogSqlContract::amount).sum();
        assertEquals(List.of(List.of((long) ORDERS, sum)), rows("SELECT COUNT(*), SUM(amount) FROM orders"));
        List<List<Object>> byPartition = new ArrayList<>();
        for (int p = 0; p < PARTITIONS; p++) {
            int partition = p;
            long partitionSum = IntStream.range(0, ORDERS).filter(id -> id % PARTITIONS == partition).map(GridLogSqlContract::amount).sum();
            byPartition.add(List.of(p, (long) ORDERS / PARTITIONS, partitionSum, (long) ORDERS / PARTITIONS - 1));
        }
        assertEquals(byPartition, rows("SELECT __partition, COUNT(*), SUM(amount), MAX(__offset) FROM orders "
                + "GROUP BY __partition ORDER BY __partition"));
    }

    @Test
    void shouldStartAtTheOffsetBound() {
        long read = LogScanCounters.RECORDS_READ.sum();
        List<List<Object>> rows = rows("SELECT id FROM orders WHERE __partition = 1 AND __offset >= ? ORDER BY id", 40);
        assertEquals(IntStream.range(40, 50).mapToObj(o -> List.<Object>of(o * PARTITIONS + 1)).toList(), rows);
        assertCounted(10, LogScanCounters.RECORDS_READ.sum() - read, "records read: partition 1 from offset 40 only");

        read = LogScanCounters.RECORDS_READ.sum();
        assertEquals(List.of(List.of(4L)), rows("SELECT COUNT(*) FROM orders WHERE __offset > 2 AND __offset <= 3"));
        assertCounted(PARTITIONS, LogScanCounters.RECORDS_READ.sum() - read, "records read: offset 3 of each partition");
    }

    @Test
    void shouldSeekByTime() {
        long read = LogScanCounters.RECORDS_READ.sum();
        long seeks = LogScanCounters.TIME_SEEKS.sum();
        List<List<Object>> rows = rows("SELECT id FROM orders WHERE __timestamp >= ? ORDER BY id", time(180));
        assertEquals(IntStream.range(180, ORDERS).mapToObj(id -> List.<Object>of(id)).toList(), rows);
        assertCounted(ORDERS - 180, LogScanCounters.RECORDS_READ.sum() - read, "records read: from the seek by time on");
        assertCounted(PARTITIONS, LogScanCounters.TIME_SEEKS.sum() - seeks, "seeks by time: one per partition");
        assertEquals(List.of(List.of(0L)), rows("SELECT COUNT(*) FROM orders WHERE __timestamp > ?", time(ORDERS)));
    }

    @Test
    void shouldReadVarcharAndBytes() {
        assertEquals(List.of(List.of(0, 0L, "k1", "hello"), List.of(1, 0L, "world")).get(0),
                rows("SELECT __partition, __offset, __key, this FROM notes ORDER BY __partition").get(0));
        List<List<Object>> all = rows("SELECT * FROM notes ORDER BY __partition");
        assertEquals(2, all.size());
        assertEquals(5, all.get(0).size(), "__partition, __offset, __timestamp, __key, this");
        assertEquals(Arrays.asList(1, null, "world"), List.of(all.get(1).get(0), all.get(1).get(3) == null ? "null" : "key", all.get(1).get(4))
                .stream().map(v -> "null".equals(v) ? null : v).collect(Collectors.toList()));
        List<List<Object>> bytes = rows("SELECT __key, this FROM note_bytes WHERE __partition = 0");
        assertTrue(java.util.Arrays.equals("k1".getBytes(StandardCharsets.UTF_8), (byte[]) bytes.get(0).get(0)));
        assertTrue(java.util.Arrays.equals("hello".getBytes(StandardCharsets.UTF_8), (byte[]) bytes.get(0).get(1)));
    }

    @Test
    void shouldStreamRecordsAppendedAfterTheQueryStarted() throws Exception {
        GridLog log = GridLog.of(grid());
        try (LogProducer producer = log.producer()) {
            producer.send(ProducerRecord.of("ticks", null, "{\"id\":-1,\"amount\":0}")).join(); // before the query: not emitted
            BlockingQueue<List<Object>> seen = new LinkedBlockingQueue<>();
            try (SqlResult result = sql().execute("SELECT id, amount FROM ticks WHERE amount > 0")) {
                Iterator<SqlRow> rows = result.iterator();
                Thread reader = new Thread(() -> {
                    try {
                        while (rows.hasNext()) {
                            SqlRow row = rows.next();
                            seen.add(List.of(row.getObject(0), row.getObject(1)));
                        }
                    } catch (RuntimeException closed) {
                        // the result was closed
                    }
                }, "ticks-reader");
                reader.setDaemon(true);
                reader.start();
                // the query starts reading at the end of each partition once its job runs: append until it sees one
                int[] probes = {0};
                await().atMost(Duration.ofSeconds(30)).until(() -> {
                    producer.send(ProducerRecord.of("ticks", null, "{\"id\":" + (1000 + probes[0]++) + ",\"amount\":1}")).join();
                    return !seen.isEmpty();
                });
                List<CompletableFuture<?>> sent = new ArrayList<>();
                for (int id = 0; id < 50; id++) {
                    sent.add(producer.send(ProducerRecord.of("ticks", null, "{\"id\":" + id + ",\"amount\":" + (id % 2) + "}")));
                }
                sent.forEach(CompletableFuture::join);
                Set<Integer> expected = IntStream.range(0, 50).filter(id -> id % 2 == 1).boxed().collect(Collectors.toSet());
                await().atMost(Duration.ofSeconds(30)).until(() -> seen.stream().map(row -> (Integer) row.get(0))
                        .collect(Collectors.toSet()).containsAll(expected));
            }
            List<Integer> ids = seen.stream().map(row -> (Integer) row.get(0)).toList();
            assertFalse(ids.contains(-1), "a record appended before the stream started is not emitted");
            assertEquals(ids.size(), Set.copyOf(ids).size(), "each record once: " + ids);
            assertTrue(ids.stream().noneMatch(id -> id >= 0 && id < 50 && id % 2 == 0), "the filter applies: " + ids);
        }
    }

    @Test
    void shouldAggregateTumblingWindowsOverEventTime() {
        BlockingQueue<List<Object>> windows = new LinkedBlockingQueue<>();
        try (SqlResult result = sql().execute("SELECT window_start, COUNT(*), SUM(amount) FROM TABLE(TUMBLE("
                + "(SELECT * FROM TABLE(IMPOSE_ORDER(TABLE clicks, DESCRIPTOR(__timestamp), INTERVAL '0.001' SECOND))), "
                + "DESCRIPTOR(__timestamp), INTERVAL '1' SECOND)) GROUP BY window_start")) {
            Iterator<SqlRow> rows = result.iterator();
            Thread reader = new Thread(() -> {
                try {
                    while (rows.hasNext()) {
                        SqlRow row = rows.next();
                        windows.add(List.of(row.getObject(0), row.getObject(1), row.getObject(2)));
                    }
                } catch (RuntimeException closed) {
                    // the result was closed
                }
            }, "clicks-reader");
            reader.setDaemon(true);
            reader.start();
            await().atMost(Duration.ofSeconds(30)).until(() -> windows.size() >= 2);
        }
        List<List<Object>> closed = new ArrayList<>(windows).subList(0, 2);
        closed.sort((a, b) -> ((OffsetDateTime) a.get(0)).compareTo((OffsetDateTime) b.get(0)));
        assertEquals(List.of(List.of(time(0), 10L, 10L), List.of(time(1), 6L, 6L)), closed);
    }
}
