package dev.grid.server.impl.query;

import dev.grid.core.GridMap;
import dev.grid.core.test.GridCluster;
import dev.grid.log.GridLog;
import dev.grid.log.LogProducer;
import dev.grid.log.ProducerRecord;
import dev.grid.server.impl.GridCommand;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code grid export map|topic} as a client of a running member (the --config file names its cluster and address),
 * then {@code grid sql --offline} over what it wrote: the aggregate equals the live data's, ranges are honoured, CSV
 * works, and every error names what is wrong with the exit code it promises. {@code grid sql} without {@code --offline}
 * runs on the cluster itself.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class QueryCommandsTest {
    @RegisterExtension
    static final GridCluster CLUSTER = GridCluster.withMembers(1).partitions(31)
            .configure(config -> config.getLog().setDirectory(temporaryDirectory("grid-query-cli-log")));

    @TempDir
    static Path dir;
    private static Path config;

    private static Path temporaryDirectory(String prefix) {
        try {
            Path log = Files.createTempDirectory(prefix);
            log.toFile().deleteOnExit();
            return log;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @BeforeAll
    static void writeConfig() throws IOException {
        config = dir.resolve("grid.yaml");
        Files.writeString(config, "grid:\n  clusterName: " + CLUSTER.configs().clusterName() + "\n  network:\n    members: ["
                + String.join(", ", CLUSTER.configs().memberAddresses()) + "]\n");
    }

    private record Run(int code, String out, String err) {
        @Override
        public String toString() {
            return "exit " + code + "\nout:\n" + out + "\nerr:\n" + err;
        }
    }

    private static Run grid(String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new GridCommand(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static Run expect(int code, String... args) {
        Run run = grid("", args);
        assertEquals(code, run.code, String.join(" ", args) + ": " + run);
        assertFalse(run.err.contains("\tat "), "no stack trace without --verbose: " + run);
        return run;
    }

    @Test
    void offlineAggregateOfAnExportedMapEqualsTheLiveOne() {
        GridMap<String, Long> orders = CLUSTER.member(0).map("orders");
        for (int i = 0; i < 700; i++) {
            orders.set("customer-" + (i % 7) + ":" + i, (long) i * 3 + 1);
        }
        Path out = dir.resolve("orders");
        Run export = expect(GridCommand.OK, "export", "map", "orders", "--config", config.toString(), "--out", out.toString());
        assertTrue(export.out.matches("exported map orders: 700 rows from 31 partitions to " + out + " \\(\\d+ parquet files and manifest.json\\) "
                + "in \\d+\\.\\d\\d s, \\d+ rows/s\n"), export.toString());

        Map<String, Long> live = new TreeMap<>();
        for (Map.Entry<String, Long> entry : CLUSTER.client().<String, Long>map("orders")) {
            live.merge(entry.getKey().split(":")[0], entry.getValue(), Long::sum);
        }
        StringBuilder expected = new StringBuilder("customer     total\n----------  ------\n");
        live.forEach((customer, total) -> expected.append(String.format("%-10s  %6d%n", customer, total)));
        expected.append("(7 rows)\n");
        Run sql = expect(GridCommand.OK, "sql", "--offline", out.toString(), "-e",
                "SELECT split_part(key, ':', 1) AS customer, sum(value)::BIGINT AS total FROM orders GROUP BY customer ORDER BY customer");
        assertEquals(expected.toString(), sql.out);

        Run stdin = grid("CREATE VIEW big AS SELECT * FROM orders WHERE value > 1000;\nSELECT count(*) AS n FROM big;\n",
                "sql", "--offline", out.toString());
        assertEquals(GridCommand.OK, stdin.code, stdin.toString());
        long big = CLUSTER.client().<String, Long>map("orders").keys().stream().filter(k -> orders.get(k) > 1000).count();
        assertEquals("  n\n---\n" + String.format("%3d", big) + "\n(1 row)\n", stdin.out);
    }

    @Test
    void topicExportHonoursOffsetsAndTimesInCsv() throws Exception {
        GridLog log = GridLog.of(CLUSTER.client());
        log.createTopic("clicks", 3);
        send(log, "early", 30);
        Instant afterEarly = Instant.now(); // the early records are stamped at or before this millisecond
        await().atMost(Duration.ofSeconds(5)).until(() -> Instant.now().isAfter(afterEarly.plusMillis(5)));
        Instant between = Instant.now();
        await().atMost(Duration.ofSeconds(5)).until(() -> Instant.now().isAfter(between.plusMillis(5)));
        send(log, "late", 30);

        Path range = dir.resolve("clicks-range");
        expect(GridCommand.OK, "export", "topic", "clicks", "--config", config.toString(), "--out", range.toString(), "--from", "5", "--to", "25",
                "--format", "csv", "--text");
        assertEquals(" n  low  high  early\n--  ---  ----  -----\n60    5    24     60\n(1 row)\n", expect(GridCommand.OK, "sql", "--offline",
                range.toString(), "-e", "SELECT count(*) AS n, min(\"offset\") AS low, max(\"offset\") AS high, "
                        + "count(*) FILTER (WHERE value LIKE 'early%') AS early FROM clicks").out);

        Path recent = dir.resolve("clicks-recent");
        Run export = expect(GridCommand.OK, "export", "topic", "clicks", "--config", config.toString(), "--out", recent.toString(),
                "--from", between.toString());
        assertTrue(export.out.startsWith("exported topic clicks: 90 rows from 3 partitions"), export.toString());
        assertEquals(" n  late\n--  ----\n90    90\n(1 row)\n", expect(GridCommand.OK, "sql", "--offline", recent.toString(), "-e",
                "SELECT count(*) AS n, count(*) FILTER (WHERE decode(value) LIKE 'late%') AS late FROM clicks").out);
    }

    private static void send(GridLog log, String prefix, int perPartition) throws Exception {
        try (LogProducer producer = log.producer()) {
            List<CompletableFuture<?>> sent = new ArrayList<>();
            for (int p = 0; p < 3; p++) {
                for (int i = 0; i < perPartition; i++) {
                    sent.add(producer.send(ProducerRecord.of("clicks", "user-" + i, prefix + " " + i).toPartition(p)));
                }
            }
            CompletableFuture.allOf(sent.toArray(CompletableFuture<?>[]::new)).get();
        }
    }

    @Test
    void theShellRunsStatementsOfSeveralLinesAndGoesOnAfterAnError() {
        GridMap<String, Long> totals = CLUSTER.member(0).map("totals");
        totals.set("a", 1L);
        totals.set("b", 2L);
        Path out = dir.resolve("totals");
        expect(GridCommand.OK, "export", "map", "totals", "--config", config.toString(), "--out", out.toString());
        Run shell = grid("SELECT sum(value) AS s\nFROM totals;\nSELECT nope FROM totals;\n\nSELECT count(*) AS n FROM totals;\nquit\nSELECT 1;\n",
                "sql", "--offline", out.toString(), "--shell");
        assertEquals(GridCommand.OK, shell.code, shell.toString());
        assertTrue(shell.out.startsWith("views: totals. End a statement with ';'; 'quit' or Ctrl-D leaves.\n"), shell.toString());
        assertTrue(shell.out.contains("s\n-\n3\n(1 row)\n"), shell.toString());
        assertTrue(shell.out.contains("Binder Error: Referenced column \"nope\" not found"), shell.toString());
        assertTrue(shell.out.contains("n\n-\n2\n(1 row)\n"), shell.toString());
        assertFalse(shell.out.contains("1\n(1 row)\n" + SqlShell.PROMPT), "nothing after quit: " + shell);
    }

    @Test
    void errorsNameWhatIsWrong() throws IOException {
        String cfg = config.toString();
        assertTrue(expect(GridCommand.FAILED, "export", "map", "nothing-here", "--config", cfg, "--out", dir.resolve("n").toString()).err
                .startsWith("grid export map: GridMap 'nothing-here' does not exist in cluster '"));
        assertTrue(expect(GridCommand.FAILED, "export", "topic", "no-topic", "--config", cfg, "--out", dir.resolve("n").toString()).err
                .startsWith("grid export topic: topic no-topic does not exist"));
        Path full = Files.createDirectories(dir.resolve("full"));
        Files.writeString(full.resolve("keep.txt"), "x");
        CLUSTER.member(0).map("small").set("k", 1L);
        assertEquals("grid export map: output directory " + full + " exists and is not empty (1 entry: keep.txt); name another directory, or "
                + "overwrite (--overwrite) to replace the export in it\n",
                expect(GridCommand.FAILED, "export", "map", "small", "--config", cfg, "--out", full.toString()).err);
        expect(GridCommand.OK, "export", "map", "small", "--config", cfg, "--out", full.toString(), "--overwrite");

        assertTrue(expect(GridCommand.USAGE, "export", "topic", "t", "--config", cfg, "--out", "x", "--from", "yesterday").err
                .startsWith("grid export topic: --from must be an offset (a number >= 0), an ISO-8601 instant such as 2024-05-01T10:00:00Z or "
                        + "a duration ago such as 10m or 2h, was \"yesterday\""));
        assertTrue(expect(GridCommand.USAGE, "export", "topic", "t", "--config", cfg, "--out", "x", "--from", "50", "--to", "20").err
                .startsWith("grid export topic: --from 50 is after --to 20: the range would be empty"));
        assertTrue(expect(GridCommand.USAGE, "export", "map", "small", "--config", cfg, "--out", "x", "--format", "orc").err
                .startsWith("grid export map: --format must be parquet or csv, was \"orc\""));

        Path empty = Files.createDirectories(dir.resolve("empty"));
        assertEquals("grid sql: offline directory " + empty + " holds no export: no manifest.json in it or in its subdirectories "
                + "(grid export writes one when it has written every file)\n", expect(GridCommand.FAILED, "sql", "--offline", empty.toString(),
                "-e", "SELECT 1").err);
        Run syntax = expect(GridCommand.FAILED, "sql", "--offline", full.toString(), "-e", "SELECT key\nFROM small\nWHERE WHERE");
        assertTrue(syntax.err.startsWith("grid sql: Parser Error: syntax error at or near \"WHERE\""), syntax.toString());
        assertTrue(syntax.err.contains("LINE 3: WHERE WHERE"), syntax.toString());
        assertTrue(expect(GridCommand.FAILED, "sql", "--offline", full.toString(), "-e", "SELECT nope FROM small").err
                .contains("Referenced column \"nope\" not found"));
    }

    @Test
    void liveSqlRunsOnTheClusterAndNamesWhatItRefuses() {
        GridMap<String, Long> scores = CLUSTER.member(0).map("scores");
        for (int i = 0; i < 50; i++) {
            scores.set("player-" + i, (long) i);
        }
        String cfg = config.toString();
        Run run = expect(GridCommand.OK, "sql", "--config", cfg,
                "-e", "CREATE MAPPING scores (__key VARCHAR, this BIGINT) TYPE GridMap OPTIONS ('keyFormat'='varchar', 'valueFormat'='bigint')",
                "-e", "SELECT count(*) AS n, sum(this) AS total FROM scores WHERE this >= 10");
        List<String> lines = run.out.lines().toList();
        assertEquals("OK", lines.get(0), run.toString());
        assertEquals(List.of("n", "total"), List.of(lines.get(1).trim().split("\\s+")), run.toString());
        assertEquals(List.of("40", "1180"), List.of(lines.get(3).trim().split("\\s+")), "10 + ... + 49 = 1180: " + run);
        assertEquals("(1 row)", lines.get(4));

        Run script = grid("SELECT count(*) AS n FROM scores;\nSELECT max(this) AS m\n  FROM scores;\n", "sql", "--config", cfg);
        assertEquals(GridCommand.OK, script.code, script.toString());
        assertEquals(List.of("n", "50", "(1 row)", "m", "49", "(1 row)"),
                script.out.lines().map(String::strip).filter(l -> !l.matches("-+")).toList(), "each statement's result: " + script);

        Run limited = expect(GridCommand.OK, "sql", "--config", cfg, "--max-rows", "5", "-e", "SELECT __key FROM scores");
        assertTrue(limited.out.endsWith("(5 rows; the query was stopped there (--max-rows), it may have had more)\n"), limited.toString());

        Run syntax = expect(GridCommand.FAILED, "sql", "--config", cfg, "-e", "SELECT FROM WHERE");
        assertTrue(syntax.err.startsWith("grid sql: ") && syntax.err.contains("line 1, column 8"), syntax.toString());
        assertTrue(expect(GridCommand.FAILED, "sql", "--config", cfg, "-e", "SELECT * FROM nothing_here").err.contains("nothing_here"));
        Run column = expect(GridCommand.FAILED, "sql", "--config", cfg, "-e", "SELECT nope FROM scores");
        assertTrue(column.err.contains("Column 'nope' not found"), column.toString());
    }
}
