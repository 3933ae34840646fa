package dev.grid.query.export;

import dev.grid.core.Grid;
import dev.grid.core.GridMap;
import dev.grid.core.test.GridCluster;
import dev.grid.log.GridLog;
import dev.grid.log.Header;
import dev.grid.log.LogProducer;
import dev.grid.log.ProducerRecord;
import dev.grid.log.UnknownTopicException;
import dev.grid.query.offline.OfflineSql;
import dev.grid.query.offline.OfflineSqlException;
import dev.grid.query.QueryResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Export of GridMaps and topics from a client of a two-member cluster, read back with DuckDB through offline SQL: every
 * entry and record exactly once with its value, ranges, CSV, the manifest, and the errors naming what is wrong.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ExportTest {
    @RegisterExtension
    static final GridCluster CLUSTER = GridCluster.withMembers(2).upTo(3).partitions(31)
            .configure(config -> config.getLog().setDirectory(temporaryDirectory()));

    @TempDir
    Path dir;

    private static Path temporaryDirectory() {
        try {
            Path log = Files.createTempDirectory("grid-query-export-test");
            log.toFile().deleteOnExit();
            return log;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A value that is neither a primitive nor a string: exported as JSON text. */
    record Order(String customer, long cents, Instant at) implements Serializable {
    }

    private static GridExport export() {
        return GridExport.of(CLUSTER.client());
    }

    @Test
    void mapExportHasEveryEntryOnceWithItsValue() throws IOException {
        GridMap<String, Long> orders = CLUSTER.member(0).map("export-orders");
        Map<String, Long> expected = new HashMap<>();
        for (int i = 0; i < 3000; i++) {
            expected.put("order-" + i, (long) i * 7);
        }
        orders.putAll(expected);
        List<ExportProgress> progress = new ArrayList<>();
        ExportManifest manifest = export().exportMap("export-orders", new ExportOptions(dir).setRowsPerFile(50).setListener(progress::add));

        assertEquals(3000, manifest.rows());
        assertEquals(31, manifest.partitions().size());
        assertEquals(3000, manifest.partitions().stream().mapToLong(ExportManifest.Partition::rows).sum());
        assertEquals(List.of("partition", "key", "value"), manifest.columns().stream().map(ExportManifest.Column::name).toList());
        assertEquals(List.of("INTEGER", "VARCHAR", "BIGINT"), manifest.columns().stream().map(ExportManifest.Column::type).toList());
        assertTrue(manifest.partitions().get(0).files().size() > 1, "a partition of ~97 rows in files of 50: " + manifest.partitions().get(0));
        try (java.util.stream.Stream<Path> files = Files.list(dir)) {
            assertEquals(3000 / 50 + 1, files.count(), "files of 50 rows each, and the manifest");
        }
        assertEquals(31, progress.get(progress.size() - 1).partitionsDone());
        assertEquals(3000, progress.get(progress.size() - 1).rows());
        assertTrue(Files.isRegularFile(dir.resolve(ExportManifest.FILE_NAME)));

        try (OfflineSql sql = OfflineSql.open(dir)) {
            assertEquals(List.of("export-orders"), sql.views());
            assertEquals(List.of(List.of(3000L, 3000L)), sql.query("SELECT count(*), count(DISTINCT key) FROM \"export-orders\"").rows());
            Map<String, Long> read = new HashMap<>();
            Map<String, Integer> partitionOf = new HashMap<>();
            for (List<Object> row : sql.query("SELECT key, value, partition FROM \"export-orders\"").rows()) {
                read.put((String) row.get(0), (Long) row.get(1));
                partitionOf.put((String) row.get(0), (Integer) row.get(2));
            }
            assertEquals(expected, read);
            partitionOf.forEach((key, p) -> assertEquals(CLUSTER.client().partitions().partitionOf(key), p, key));
            long sum = expected.values().stream().mapToLong(Long::longValue).sum();
            assertEquals(List.of(List.of(sum)),
                    sql.query("SELECT sum(value)::BIGINT FROM \"export-orders\"").rows());
        }
    }

    @Test
    void everyEntryOnceWhenAMemberJoinsDuringTheExport() {
        GridMap<Integer, String> moving = CLUSTER.member(0).map("export-moving");
        Map<Integer, String> expected = new HashMap<>();
        for (int i = 0; i < 5000; i++) {
            expected.put(i, "v" + i);
        }
        moving.putAll(expected);
        // a third member joins once the first partitions are read: partitions move to it while the export goes on (how many
        // of the remaining reads overlap a migration depends on timing; each read is one operation on the current owner)
        ExportListener joinOnce = progress -> {
            if (progress.partitionsDone() == 3 && CLUSTER.members().size() == 2) {
                CLUSTER.startMember();
            }
        };
        ExportManifest manifest = export().exportMap("export-moving", new ExportOptions(dir).setListener(joinOnce));
        assertEquals(3, CLUSTER.members().size());
        assertEquals(5000, manifest.rows());
        try (OfflineSql sql = OfflineSql.open(dir)) {
            Map<Integer, String> read = new HashMap<>();
            for (List<Object> row : sql.query("SELECT key, value FROM \"export-moving\"").rows()) {
                assertEquals(null, read.put(((Long) row.get(0)).intValue(), (String) row.get(1)), "each key once: " + row);
            }
            assertEquals(expected, read);
        }
        CLUSTER.awaitSafe(3);
    }

    @Test
    void bytesAreBlobsAndObjectsAreJsonAndCsvWorks() {
        GridMap<Integer, byte[]> blobs = CLUSTER.member(1).map("export-blobs");
        GridMap<Long, Order> objects = CLUSTER.member(1).map("export-objects");
        for (int i = 0; i < 100; i++) {
            blobs.set(i, new byte[] {(byte) i, 0, (byte) 255, 10, 44});
            objects.set((long) i, new Order("c" + (i % 3), i * 100L, Instant.ofEpochSecond(1_700_000_000L + i)));
        }
        export().exportMap("export-blobs", new ExportOptions(dir.resolve("blobs")).setFormat(ExportFormat.CSV));
        ExportManifest json = export().exportMap("export-objects", new ExportOptions(dir.resolve("objects")));
        assertEquals("json", json.columns().get(2).encoding());
        assertTrue(Files.isRegularFile(dir.resolve("blobs").resolve(ExportManifest.FILE_NAME)));

        try (OfflineSql sql = OfflineSql.open(dir)) {
            assertEquals(List.of("export-blobs", "export-objects"), sql.views());
            List<List<Object>> rows = sql.query("SELECT key, value FROM \"export-blobs\" ORDER BY key").rows();
            assertEquals(100, rows.size());
            for (List<Object> row : rows) {
                int i = ((Number) row.get(0)).intValue();
                assertArrayEquals(blobs.get(i), bytes(row.get(1)), "key " + i);
            }
            Map<String, List<Long>> live = new TreeMap<>();
            for (Map.Entry<Long, Order> entry : objects) {
                live.merge(entry.getValue().customer(), List.of(1L, entry.getValue().cents()), (a, b) -> List.of(a.get(0) + b.get(0), a.get(1) + b.get(1)));
            }
            assertEquals(live.entrySet().stream().map(e -> List.<Object>of(e.getKey(), e.getValue().get(0), e.getValue().get(1))).toList(),
                    sql.query("SELECT value->>'$.customer' AS c, count(*), sum((value->>'$.cents')::BIGINT)::BIGINT FROM \"export-objects\""
                            + " GROUP BY c ORDER BY c").rows());
            assertEquals(List.of(List.of("2023-11-14T22:13:25Z")),
                    sql.query("SELECT value->>'$.at' FROM \"export-objects\" WHERE key = 5").rows());
        }
    }

    private static byte[] bytes(Object blob) {
        try {
            if (blob instanceof java.sql.Blob b) {
                return b.getBytes(1, (int) b.length());
            }
            return (byte[]) blob;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void topicExportHonoursItsRangeAndKeepsHeaders() throws Exception {
        GridLog log = GridLog.of(CLUSTER.client());
        log.createTopic("export-clicks", 3);
        try (LogProducer producer = log.producer()) {
            List<CompletableFuture<?>> sent = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                ProducerRecord record = ProducerRecord.of("export-clicks", "user-" + (i % 10), "click " + i);
                if (i == 0) {
                    record = record.withHeaders(List.of(new Header("trace", "abc".getBytes(StandardCharsets.UTF_8)),
                            new Header("raw", new byte[] {(byte) 0xff})));
                }
                sent.add(producer.send(record));
            }
            CompletableFuture.allOf(sent.toArray(CompletableFuture<?>[]::new)).get();
        }
        Map<Integer, Long> ends = new TreeMap<>();
        for (int p = 0; p < 3; p++) {
            ends.put(p, log.endOffset("export-clicks", p));
        }
        assertEquals(300, ends.values().stream().mapToLong(Long::longValue).sum());

        ExportManifest all = export().exportTopic("export-clicks", TopicRange.ALL, new ExportOptions(dir.resolve("all")).setTextKeysAndValues(true));
        assertEquals(300, all.rows());
        ExportManifest range = export().exportTopic("export-clicks", new TopicRange(TopicBound.offset(10), TopicBound.offset(20)),
                new ExportOptions(dir.resolve("range")).setFormat(ExportFormat.CSV));
        assertEquals(30, range.rows());
        range.partitions().forEach(p -> assertEquals(List.of(10L, 20L), List.of(p.fromOffset(), p.toOffset()), p.toString()));
        ExportManifest future = export().exportTopic("export-clicks", new TopicRange(TopicBound.time(Instant.now().plusSeconds(3600)), null),
                new ExportOptions(dir.resolve("future")));
        assertEquals(0, future.rows());

        try (OfflineSql sql = OfflineSql.open(dir.resolve("all"))) {
            assertEquals(List.of(List.of(300L, 300L)), sql.query("SELECT count(*), count(DISTINCT value) FROM \"export-clicks\"").rows());
            List<List<Object>> perPartition = sql.query("SELECT partition, min(\"offset\"), max(\"offset\"), count(*) FROM \"export-clicks\""
                    + " GROUP BY partition ORDER BY partition").rows();
            for (List<Object> row : perPartition) {
                long end = ends.get((Integer) row.get(0));
                assertEquals(List.of(0L, end - 1, end), row.subList(1, 4), "dense offsets, each once: " + row);
            }
            assertEquals(List.of(List.of("[{\"key\":\"trace\",\"value\":\"abc\"},{\"key\":\"raw\",\"base64\":\"/w==\"}]")),
                    sql.query("SELECT headers FROM \"export-clicks\" WHERE value = 'click 0'").rows());
            assertEquals(List.of(List.of(0L)), sql.query("SELECT count(*) FROM \"export-clicks\" WHERE timestamp > now() + INTERVAL 1 HOUR"
                    + " OR timestamp < now() - INTERVAL 1 HOUR").rows());
        }
        try (OfflineSql sql = OfflineSql.open(dir.resolve("range"))) {
            assertEquals(List.of(List.of(30L, 10L, 19L)), sql.query("SELECT count(*), min(\"offset\"), max(\"offset\") FROM \"export-clicks\"").rows());
            assertEquals("user-", new String(bytes(sql.query("SELECT key FROM \"export-clicks\" LIMIT 1").rows().get(0).get(0)),
                    StandardCharsets.UTF_8).substring(0, 5));
        }
        try (OfflineSql sql = OfflineSql.open(dir.resolve("future"))) {
            assertEquals(List.of(List.of(0L)), sql.query("SELECT count(*) FROM \"export-clicks\"").rows());
        }
    }

    @Test
    void errorsNameWhatIsWrong() throws IOException {
        ExportException unknown = assertThrows(ExportException.class,
                () -> export().exportMap("no-such-map", new ExportOptions(dir.resolve("x"))));
        assertTrue(unknown.getMessage().startsWith("GridMap 'no-such-map' does not exist in cluster"), unknown.getMessage());
        assertTrue(Files.notExists(dir.resolve("x")), "nothing written for an unknown map");
        assertThrows(UnknownTopicException.class, () -> export().exportTopic("no-such-topic", TopicRange.ALL, new ExportOptions(dir.resolve("y"))));

        GridMap<String, Object> mixed = CLUSTER.member(0).map("export-mixed");
        for (int i = 0; i < 50; i++) {
            mixed.set("k" + i, i % 2 == 0 ? (Object) (long) i : "text " + i);
        }
        ExportException types = assertThrows(ExportException.class, () -> export().exportMap("export-mixed", new ExportOptions(dir.resolve("m"))));
        assertTrue(types.getMessage().contains("an export needs one type per column"), types.getMessage());
        assertTrue(types.getMessage().startsWith("GridMap 'export-mixed', partition "), types.getMessage());

        Path full = Files.createDirectories(dir.resolve("full"));
        Files.writeString(full.resolve("notes.txt"), "mine");
        CLUSTER.member(0).map("export-small").set("a", "b");
        ExportException notEmpty = assertThrows(ExportException.class, () -> export().exportMap("export-small", new ExportOptions(full)));
        assertEquals("output directory " + full + " exists and is not empty (1 entry: notes.txt); name another directory, or overwrite"
                + " (--overwrite) to replace the export in it", notEmpty.getMessage());
        export().exportMap("export-small", new ExportOptions(full).setOverwrite(true));
        export().exportMap("export-small", new ExportOptions(full).setOverwrite(true).setFormat(ExportFormat.CSV));
        try (java.util.stream.Stream<Path> files = Files.list(full)) {
            assertEquals(List.of("export-small-00000.csv", "manifest.json", "notes.txt"), files.map(f -> f.getFileName().toString()).sorted().toList());
        }

        OfflineSqlException noManifest = assertThrows(OfflineSqlException.class, () -> OfflineSql.open(dir.resolve("m")));
        assertTrue(noManifest.getMessage().startsWith("offline directory " + dir.resolve("m") + " holds no export: no manifest.json"),
                noManifest.getMessage());
        try (OfflineSql sql = OfflineSql.open(full)) {
            OfflineSqlException syntax = assertThrows(OfflineSqlException.class, () -> sql.query("SELECT count(*)\nFROM \"export-small\"\nWHERE WHERE"));
            assertTrue(syntax.getMessage().contains("syntax error at or near \"WHERE\""), syntax.getMessage());
            assertTrue(syntax.getMessage().contains("LINE 3"), syntax.getMessage());
            OfflineSqlException table = assertThrows(OfflineSqlException.class, () -> sql.query("SELECT * FROM orders"));
            assertTrue(table.getMessage().contains("Table with name orders does not exist"), table.getMessage());
        }
    }
}
