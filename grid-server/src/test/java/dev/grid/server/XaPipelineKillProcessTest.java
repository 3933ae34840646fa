package dev.grid.server;

import dev.grid.core.Grid;
import dev.grid.core.GridMap;
import dev.grid.core.config.GridClientConfig;
import dev.grid.core.spi.FreePorts;
import dev.grid.log.ConsumerRecord;
import dev.grid.log.FetchResult;
import dev.grid.log.GridLog;
import dev.grid.log.IsolationLevel;
import dev.grid.log.LogProducer;
import dev.grid.log.ProducerRecord;
import dev.grid.log.ReadOptions;
import dev.grid.txn.test.PostgresServer;
import dev.grid.txn.test.TxnProcess;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Transactional consume → transform → produce with PostgreSQL through XA (issue 15), its processing JVM killed at
 * each point of a batch's transaction. Two {@code grid start} members, an embedded PostgreSQL and an input topic of
 * {@value #INPUT_RECORDS} keyed records; {@link XaPipelineApp} JVMs, one after another, each with the same node
 * identifier and object store, consume the topic in one consumer group and process each batch in one XA transaction
 * (GridMap counter per record, a PostgreSQL row per record, an output record per record, the group's offsets). Each
 * JVM recovers what its predecessor left, commits a batch, stops at its {@link PipelineCrashPoint} in the next batch it tries and
 * is killed with SIGKILL; a last JVM processes the rest. Then every input record's effect must be in the output topic
 * ({@code READ_COMMITTED}), in the GridMap and in PostgreSQL exactly once, also for the batch in flight at each kill.
 *
 * <p>{@code -Dgrid.test.xa.mutant=offsetsAfterTransaction|appendOutsideTransaction} runs the processing JVMs with a
 * deliberate break (see {@link XaPipelineApp}): the test must then fail. {@code -Dgrid.test.xa.points=A,B} runs only
 * those crash points.
 */
@Tag("faults")
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class XaPipelineKillProcessTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(90);
    private static final int INPUT_RECORDS = 300;
    private static final int PARTITIONS = 4;
    /** Each crashing JVM commits this many batches, then stops in the next one it tries. */
    private static final int COMMITS_BEFORE_CRASH = 1;
    private static final Pattern RECOVERED = Pattern.compile("COMMITTED \\[(.*)] ROLLED-BACK \\[(.*)]\\R+RECOVERED (\\d+) SCANS (\\d+)");
    private static final Pattern FIRST_COMMIT = Pattern.compile("COMMITTED \\d+ at (\\d+) ms");

    @Test
    void everyInputRecordsEffectIsInTheOutputTopicGridMapAndPostgresExactlyOnceWhereverTheProcessingJvmIsKilled(@TempDir Path dir)
            throws Exception {
        String mutant = System.getProperty("grid.test.xa.mutant", "none");
        List<PipelineCrashPoint> points = crashPoints();
        String clusterName = "xa-" + UUID.randomUUID().toString().substring(0, 8);
        List<Integer> ports = FreePorts.loopback(2);
        List<MemberProcess> members = new ArrayList<>();
        try (PostgresServer postgres = PostgresServer.start()) {
            try (Connection connection = postgres.connect(); Statement statement = connection.createStatement()) {
                // no unique constraint on record_id: a record processed twice shows as a second row, not as a stuck processor
                statement.execute("create table processed(row_id bigserial primary key, record_id varchar(16) not null,"
                        + " input_partition int not null, input_offset bigint not null, amount int not null)");
            }
            for (int i = 0; i < 2; i++) {
                members.add(MemberProcess.start(dir, "start", "--config", memberYaml(dir, clusterName, ports, i).toString()));
            }
            for (MemberProcess member : members) {
                member.awaitOutput(TIMEOUT, out -> out.contains("partitions safe:") && out.contains("across 2 members"));
            }
            String addresses = "127.0.0.1:" + ports.get(0) + ",127.0.0.1:" + ports.get(1);
            try (Grid client = Grid.client(new GridClientConfig().setClusterName(clusterName).setAddresses(List.of(addresses.split(","))))) {
                GridLog log = GridLog.of(client);
                log.createTopic("input", PARTITIONS);
                log.createTopic("output", PARTITIONS);
                GridMap<String, Integer> applied = client.map("applied");
                Map<String, Integer> amounts = produceInput(log);

                Path work = Files.createDirectories(dir.resolve("pipeline"));
                String[] args = {clusterName, addresses, postgres.jdbcUrl(), work.resolve("object-store").toString(), "xa-pipeline",
                        "input", "output", "billing", "applied", "processed", XaPipelineApp.NONE, Integer.toString(COMMITS_BEFORE_CRASH), mutant, "150"};
                List<Kill> kills = new ArrayList<>();
                long started = System.nanoTime();
                for (PipelineCrashPoint point : points) {
                    args[10] = point.name();
                    try (TxnProcess app = TxnProcess.start(work, XaPipelineApp.class, args)) {
                        app.awaitLines("AT " + point + " ", 1, TIMEOUT);
                        assertEquals(137, app.kill(), "SIGKILL");
                        kills.add(new Kill(point, app.out()));
                    }
                }
                args[10] = XaPipelineApp.NONE;
                String last;
                try (TxnProcess app = TxnProcess.start(work, XaPipelineApp.class, args)) {
                    int exit = app.waitForExit(Duration.ofSeconds(160));
                    last = app.out();
                    assertEquals(0, exit, "the last processing JVM; out:\n" + last + "\nerr:\n" + TxnProcess.tail(app.err()));
                }
                long processingMillis = (System.nanoTime() - started) / 1_000_000;

                Map<String, Integer> inOutput = outputCounts(log, amounts);
                Map<String, Integer> inGridMap = new HashMap<>();
                for (String id : amounts.keySet()) {
                    Integer times = applied.get(id);
                    if (times != null) {
                        inGridMap.put(id, times);
                    }
                }
                Map<String, Integer> inPostgres = postgresCounts(postgres, amounts);

                List<String> failures = new ArrayList<>();
                for (int i = 0; i < kills.size(); i++) {
                    Kill kill = kills.get(i);
                    String next = i + 1 < kills.size() ? kills.get(i + 1).out : last;
                    List<String> inFlight = kill.inFlightIds();
                    Effects output = Effects.of(inFlight, inOutput);
                    Effects gridMap = Effects.of(inFlight, inGridMap);
                    Effects sql = Effects.of(inFlight, inPostgres);
                    System.out.printf("XaPipelineKillProcessTest [%s]: killed in the batch after %d commit(s); its %d records: output topic %d, GridMap %d,"
                                    + " PostgreSQL %d, missing %d, duplicated %d; the next JVM %s%n",
                            kill.point, COMMITS_BEFORE_CRASH, inFlight.size(), output.once, gridMap.once, sql.once,
                            output.missing + gridMap.missing + sql.missing, output.duplicated + gridMap.duplicated + sql.duplicated,
                            recoveryOf(next));
                    if (!output.exact() || !gridMap.exact() || !sql.exact()) {
                        failures.add(kill.point + ": output " + output + ", GridMap " + gridMap + ", PostgreSQL " + sql);
                    }
                }
                Effects output = Effects.of(amounts.keySet(), inOutput);
                Effects gridMap = Effects.of(amounts.keySet(), inGridMap);
                Effects sql = Effects.of(amounts.keySet(), inPostgres);
                System.out.printf("XaPipelineKillProcessTest: input %d, output topic %d, GridMap %d, PostgreSQL %d, missing %d,"
                                + " duplicated %d (%d kills, %d processing JVMs in %d ms, mutant %s)%n",
                        amounts.size(), output.once, gridMap.once, sql.once, output.missing + gridMap.missing + sql.missing,
                        output.duplicated + gridMap.duplicated + sql.duplicated, kills.size(), kills.size() + 1, processingMillis, mutant);
                assertEquals(List.of(), failures, "the batches in flight at the kills");
                assertTrue(output.exact(), "output topic: " + output);
                assertTrue(gridMap.exact(), "GridMap: " + gridMap);
                assertTrue(sql.exact(), "PostgreSQL: " + sql);
                assertEquals(amounts.size(), applied.size(), "GridMap 'applied' holds only input record ids");
                assertEquals(0, preparedTransactions(postgres), "pg_prepared_xacts");
            }
        } finally {
            MemberProcess.stopAll(members, TIMEOUT);
        }
    }

    /** What one kill left: the crash point and the killed JVM's output. */
    private record Kill(PipelineCrashPoint point, String out) {
        /** @return the ids of the batch the JVM was processing when it was killed (its last BATCH line) */
        List<String> inFlightIds() {
            String batch = null;
            for (String line : out.split("\n")) {
                if (line.startsWith("BATCH ")) {
                    batch = line;
                }
            }
            assertTrue(batch != null, point + ": no batch printed before the kill:\n" + out);
            return Arrays.asList(batch.substring(batch.indexOf("ids=") + 4).split(","));
        }
    }

    /** How many of some records' effects one sink holds once, not at all, or more than once. */
    private record Effects(int once, int missing, int duplicated, List<String> examples) {
        static Effects of(Iterable<String> ids, Map<String, Integer> counts) {
            int once = 0;
            int missing = 0;
            int duplicated = 0;
            List<String> examples = new ArrayList<>();
            for (String id : ids) {
                int count = counts.getOrDefault(id, 0);
                if (count == 1) {
                    once++;
                } else {
                    if (count == 0) {
                        missing++;
                    } else {
                        duplicated++;
                    }
                    if (examples.size() < 5) {
                        examples.add(id + " x" + count);
                    }
                }
            }
            return new Effects(once, missing, duplicated, examples);
        }

        boolean exact() {
            return missing == 0 && duplicated == 0;
        }
    }

    private static List<PipelineCrashPoint> crashPoints() {
        String names = System.getProperty("grid.test.xa.points", "");
        if (names.isBlank()) {
            return List.of(PipelineCrashPoint.values());
        }
        List<PipelineCrashPoint> points = new ArrayList<>();
        for (String name : names.split(",")) {
            points.add(PipelineCrashPoint.valueOf(name.trim()));
        }
        return points;
    }

    /** @return record id → amount, as appended (ids r00000 …, keyed so that they spread over the partitions) */
    private static Map<String, Integer> produceInput(GridLog log) {
        Map<String, Integer> amounts = new LinkedHashMap<>();
        try (LogProducer producer = log.producer()) {
            List<CompletableFuture<?>> acks = new ArrayList<>();
            for (int i = 0; i < INPUT_RECORDS; i++) {
                String id = String.format("r%05d", i);
                int amount = 1 + i % 97;
                amounts.put(id, amount);
                acks.add(producer.send(ProducerRecord.of("input", id, Integer.toString(amount))).toCompletableFuture());
            }
            for (CompletableFuture<?> ack : acks) {
                ack.join();
            }
        }
        return amounts;
    }

    /** @return record id → output records of it ({@code READ_COMMITTED}); checks each one's transformed value */
    private static Map<String, Integer> outputCounts(GridLog log, Map<String, Integer> amounts) {
        Map<String, Integer> counts = new HashMap<>();
        for (int partition = 0; partition < PARTITIONS; partition++) {
            long end = log.endOffset("output", partition);
            long offset = log.startOffset("output", partition);
            for (int reads = 0; offset < end; reads++) {
                assertTrue(reads < 1_000, "output partition " + partition + " still unread at " + offset + " of " + end);
                FetchResult page = log.readAsync("output", partition, offset, 500, ReadOptions.DEFAULT_MAX_BYTES, Duration.ofMillis(100),
                        IsolationLevel.READ_COMMITTED).join();
                for (ConsumerRecord record : page.records()) {
                    String id = record.keyAsString();
                    String value = record.valueAsString();
                    assertTrue(value.startsWith(id + "=" + 2 * amounts.getOrDefault(id, 0) + "@"), "output record " + id + ": " + value);
                    counts.merge(id, 1, Integer::sum);
                }
                offset = page.nextOffset(offset);
            }
        }
        return counts;
    }

    private static Map<String, Integer> postgresCounts(PostgresServer postgres, Map<String, Integer> amounts) throws Exception {
        Map<String, Integer> counts = new HashMap<>();
        try (Connection connection = postgres.connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select record_id, amount from processed")) {
            while (rows.next()) {
                String id = rows.getString(1);
                assertEquals(amounts.get(id), rows.getInt(2), "PostgreSQL row of " + id);
                counts.merge(id, 1, Integer::sum);
            }
        }
        return counts;
    }

    private static int preparedTransactions(PostgresServer postgres) throws Exception {
        try (Connection connection = postgres.connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select count(*) from pg_prepared_xacts")) {
            rows.next();
            return rows.getInt(1);
        }
    }

    /** @return what the JVM after a kill did: its recovery and when its first batch committed */
    private static String recoveryOf(String out) {
        Matcher recovered = RECOVERED.matcher(out);
        Matcher firstCommit = FIRST_COMMIT.matcher(out);
        String recovery = recovered.find()
                ? "recovered in " + recovered.group(3) + " ms, " + recovered.group(4) + " scan(s), committed " + size(recovered.group(1))
                + ", rolled back " + size(recovered.group(2))
                : "printed no recovery";
        List<String> rolledBack = out.lines().filter(line -> line.startsWith("ROLLED BACK ")).toList();
        return recovery + "; first batch committed " + (firstCommit.find() ? firstCommit.group(1) + " ms after its start" : "never")
                + (rolledBack.isEmpty() ? "" : " (" + rolledBack.size() + " batch(es) rolled back and read again, the first: "
                + abbreviate(rolledBack.get(0)) + ")");
    }

    private static String abbreviate(String line) {
        return line.length() <= 200 ? line : line.substring(0, 200) + "...";
    }

    private static int size(String list) {
        return list.isBlank() ? 0 : list.split(",").length;
    }

    private static Path memberYaml(Path dir, String clusterName, List<Integer> ports, int i) throws Exception {
        Path file = dir.resolve("member-" + i + ".yaml");
        Files.writeString(file, String.join("\n",
                "grid:",
                "  clusterName: " + clusterName,
                "  partitionCount: 13",
                "  backupCount: 1",
                "  dataDirectory: " + dir.resolve("data-" + i),
                "  network:",
                "    port: " + ports.get(i),
                "    portAutoIncrement: false",
                "    members: ['127.0.0.1:" + ports.get(0) + "', '127.0.0.1:" + ports.get(1) + "']",
                "  cp:",
                "    memberCount: 0",
                "  monitor:",
                "    enabled: false",
                "  hazelcastProperties:",
                "    hazelcast.wait.seconds.before.join: 0",
                ""));
        return file;
    }
}
