package dev.grid.server.impl.log;

import dev.grid.core.test.GridCluster;
import dev.grid.log.GridLog;
import dev.grid.server.impl.GridCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The log's commands on grid-log's implementation: an embedded member in this JVM, its log handed to the commands as
 * a client's would be. Offsets, retention, timestamps and the implementation's errors, as the commands print them;
 * {@code LogCommandsProcessTest} adds the client protocol and processes.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class LogCommandsMemberTest {
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(60);

    @RegisterExtension
    static final GridCluster CLUSTER = GridCluster.withMembers(1).partitions(31)
            .configure(config -> config.getLog().setDirectory(temporaryDirectory()).setRetentionCheckInterval(Duration.ofMillis(200)));

    private static Path temporaryDirectory() {
        try {
            Path dir = Files.createTempDirectory("grid-log-cli-test");
            dir.toFile().deleteOnExit();
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Run(int code, String out, String err) {
        @Override
        public String toString() {
            return "exit " + code + "\nout:\n" + out + "\nerr:\n" + err;
        }
    }

    /** Runs a command on the member's log; fails if it takes longer than {@link #COMMAND_TIMEOUT}. */
    private static Run grid(String stdin, String... args) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        GridLog log = GridLog.of(CLUSTER.member(0));
        LogConnector member = config -> new LogConnector.Session() {
            @Override
            public GridLog log() {
                return log;
            }

            @Override
            public void close() {
            }
        };
        LogCli cli = new LogCli(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), o, e, member, Clock.systemUTC(),
                onStop -> () -> { });
        int code = CompletableFuture.supplyAsync(() -> new GridCommand(o, e, cli).run(args))
                .get(COMMAND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static Run ok(String stdin, String... args) throws Exception {
        Run run = grid(stdin, args);
        assertEquals(GridCommand.OK, run.code, String.join(" ", args) + ": " + run);
        return run;
    }

    private static Run failed(String... args) throws Exception {
        Run run = grid("", args);
        assertEquals(GridCommand.FAILED, run.code, String.join(" ", args) + ": " + run);
        assertFalse(run.err.contains("\tat "), "no stack trace without --verbose: " + run);
        return run;
    }

    @Test
    void createProduceConsumeDescribeAndDelete() throws Exception {
        assertEquals("created topic orders: partitions=3 retention=7d retention-bytes=none segment-bytes=64m max-record-bytes=1m "
                + "timestamp-type=create_time\n", ok("", "topic", "create", "orders", "--partitions", "3").out);
        assertTrue(ok("", "topic", "list").out.lines().toList().contains("orders"));

        List<String> lines = IntStream.range(0, 60).mapToObj(i -> "customer-" + (i % 7) + ":order " + i).toList();
        Run produce = ok(String.join("\n", lines) + "\n", "produce", "orders", "--key-separator", ":");
        assertTrue(produce.err.matches("grid produce: produced 60 records, \\d+ bytes, to orders in \\d+\\.\\d\\d s; first-last offset by "
                + "partition: \\d: 0-\\d+(, \\d: 0-\\d+)*\n"), produce.toString());

        List<String> consumed = ok("", "consume", "orders", "--from-beginning", "--max", "60", "--timeout", "30s", "--print-key",
                "--key-separator", ":").out.lines().toList();
        assertEquals(lines.stream().sorted().toList(), consumed.stream().sorted().toList());
        assertEquals(byKey(lines), byKey(consumed), "one key's records in the order they were produced");

        Run describe = ok("", "topic", "describe", "orders");
        assertTrue(describe.out.startsWith("topic orders: 3 partitions, 60 records, "), describe.toString());
        assertTrue(describe.out.contains(String.valueOf(CLUSTER.member(0).localMember().orElseThrow().port())), "the owner: " + describe);
        assertEquals(1 + 2 + 3, describe.out.lines().count(), describe.toString());
        long highWatermarks = describe.out.lines().skip(3).mapToLong(row -> Long.parseLong(row.trim().split("\\s+")[4])).sum();
        assertEquals(60, highWatermarks, describe.toString());

        assertEquals("deleted topic orders\n", ok("", "topic", "delete", "orders").out);
        assertFalse(ok("", "topic", "list").out.lines().toList().contains("orders"));
        assertTrue(failed("topic", "delete", "orders").err.startsWith("grid topic delete: topic orders does not exist"));
    }

    @Test
    void consumeFromAnOffsetOrATimeAndStopAfterTheTimeout() throws Exception {
        ok("", "topic", "create", "clicks", "--partitions", "2");
        ok("a\nb\nc\nd\n", "produce", "clicks", "--partition", "1");
        // timestamps are in milliseconds: 'between' must not fall in the millisecond of the last record before it
        Instant produced = Instant.now();
        await().atMost(Duration.ofSeconds(5)).until(() -> Instant.now().isAfter(produced.plusMillis(5)));
        Instant between = Instant.now();
        await().atMost(Duration.ofSeconds(5)).until(() -> Instant.now().isAfter(between.plusMillis(5)));
        ok("e\nf\n", "produce", "clicks", "--partition", "1");
        assertEquals("1:2\tc\n1:3\td\n", ok("", "consume", "clicks", "--partition", "1", "--offset", "2", "--max", "2",
                "--print-offset").out);
        assertEquals("e\nf\n", ok("", "consume", "clicks", "--since", between.toString(), "--timeout", "1s").out);
        Run tail = ok("", "consume", "clicks", "--timeout", "500ms");
        assertEquals("", tail.out, "from the end by default");
        assertEquals("grid consume: consumed 0 records\n", tail.err);
        ok("", "topic", "delete", "clicks");
    }

    @Test
    void badInputExitsNonZeroNamingTheTopicPartitionOrOffset() throws Exception {
        assertTrue(failed("consume", "nope", "--from-beginning", "--max", "1").err.startsWith("grid consume: topic nope does not exist"));
        assertTrue(failed("topic", "describe", "nope").err.startsWith("grid topic describe: topic nope does not exist"));
        assertTrue(failed("topic", "lag", "billing", "nope").err.startsWith("grid topic lag: topic nope does not exist"));
        assertTrue(failed("consume", "nope", "--group", "billing").err.startsWith("grid consume: topic nope does not exist"));
        Run produce = grid("x\n", "produce", "nope");
        assertEquals(GridCommand.FAILED, produce.code, produce.toString());
        assertTrue(produce.err.startsWith("grid produce: topic nope does not exist"), produce.toString());

        ok("", "topic", "create", "small", "--partitions", "1", "--segment-bytes", "4k", "--max-record-bytes", "1k", "--retention-bytes",
                "4k");
        assertTrue(failed("topic", "create", "small").err.startsWith("grid topic create: topic small exists"));
        // a segment holds whole batches: four runs, four batches of 6 KB, so that segments roll and retention deletes the oldest
        for (int run = 0; run < 4; run++) {
            ok(IntStream.range(0, 50).mapToObj(i -> "record " + i + " " + "x".repeat(120)).collect(Collectors.joining("\n", "", "\n")),
                    "produce", "small");
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> startOffset(ok("", "topic", "describe", "small").out) > 0);
        long start = startOffset(ok("", "topic", "describe", "small").out);

        Run below = failed("consume", "small", "--partition", "0", "--offset", "0", "--max", "1");
        assertTrue(below.err.startsWith("grid consume: offset 0 of small-0 is below the offsets it has: the earliest available offset is "),
                below.toString());
        assertTrue(below.err.contains("earliest available offset is " + start) || startOffset(ok("", "topic", "describe", "small").out) > start,
                below.toString());
        assertEquals("grid consume: partition 1 of topic small does not exist: the topic has partitions 0 to 0\n",
                failed("consume", "small", "--partition", "1", "--from-beginning").err);
        Run wrongPartition = grid("x\n", "produce", "small", "--partition", "3");
        assertEquals(GridCommand.FAILED, wrongPartition.code, wrongPartition.toString());
        assertTrue(wrongPartition.err.contains("grid produce: the record of line 1 failed: partition 3 of topic small does not exist"),
                wrongPartition.toString());
        Run tooLarge = grid("x".repeat(2000) + "\n", "produce", "small");
        assertEquals(GridCommand.FAILED, tooLarge.code, tooLarge.toString());
        assertTrue(tooLarge.err.contains("grid produce: the record of line 1 failed: "), tooLarge.toString());
        ok("", "topic", "delete", "small");
    }

    @Test
    void aGroupCommitsWhatItPrintedAndLagShowsIt() throws Exception {
        ok("", "topic", "create", "payments", "--partitions", "3");
        ok(IntStream.range(0, 60).mapToObj(i -> "p" + i).collect(Collectors.joining("\n", "", "\n")), "produce", "payments");
        assertTrue(ok("", "topic", "lag", "billing", "payments").out.startsWith("group billing on topic payments: lag 60\n"));
        assertEquals(20, ok("", "consume", "payments", "--group", "billing", "--from-beginning", "--max", "20", "--timeout", "30s").out
                .lines().count());
        Run lag = ok("", "topic", "lag", "billing", "payments");
        assertTrue(lag.out.startsWith("group billing on topic payments: lag 40\n"), lag.toString());
        // --from-beginning: a partition none of the 20 came from has no commit, and would otherwise start at its end
        Run rest = ok("", "consume", "payments", "--group", "billing", "--from-beginning", "--timeout", "3s");
        assertEquals(40, rest.out.lines().count(), "the rest, from the group's commits");
        assertTrue(ok("", "topic", "lag", "billing", "payments").out.startsWith("group billing on topic payments: lag 0\n"));
        ok("", "topic", "delete", "payments");
    }

    private static Map<String, List<String>> byKey(List<String> lines) {
        return lines.stream().collect(Collectors.groupingBy(line -> line.substring(0, line.indexOf(':')), LinkedHashMap::new,
                Collectors.mapping(line -> line.substring(line.indexOf(':') + 1), Collectors.toList())));
    }

    /** @return the start offset of partition 0 in {@code grid topic describe}'s table */
    private static long startOffset(String describe) {
        String row = describe.lines().filter(line -> line.trim().startsWith("0 ")).findFirst().orElseThrow();
        return Long.parseLong(row.trim().split("\\s+")[3]);
    }
}
