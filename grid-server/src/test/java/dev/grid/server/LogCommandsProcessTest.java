package dev.grid.server;

import dev.grid.core.Grid;
import dev.grid.core.config.GridClientConfig;
import dev.grid.core.spi.FreePorts;
import dev.grid.log.ConsumerConfig;
import dev.grid.log.GridLog;
import dev.grid.log.LogConsumer;
import dev.grid.server.impl.GridCommand;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The log's commands end to end against a real {@code grid start} member (its own JVM, over TCP): a topic created,
 * lines with keys produced through a {@code grid produce} process's standard input, consumed back, described, read
 * by a consumer group whose lag and commits show, deleted; bad input exits 1 naming the topic, partition or offset;
 * Ctrl-C on a {@code grid consume --group} process makes the group hand its partitions to another member at once.
 * The other commands run in this JVM ({@link GridCommand#run}), each as a client of its own, as from a shell.
 */
@Tag("processes")
@Timeout(value = 5, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class LogCommandsProcessTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(90);

    @TempDir
    static Path dir;

    private static MemberProcess member;
    private static Path config;
    private static String clusterName;
    private static int port;

    @BeforeAll
    static void start() throws IOException {
        clusterName = "log-cli-" + UUID.randomUUID().toString().substring(0, 8);
        port = FreePorts.loopback(1).get(0);
        config = dir.resolve("grid.yaml");
        Files.writeString(config, MemberProcess.singleMemberYaml(clusterName, port, dir.resolve("data"))
                + "  log:\n    retentionCheckInterval: 200ms\n");
        member = MemberProcess.start(dir, "start", "--config", config.toString());
        member.awaitOutput(TIMEOUT, out -> out.contains("counters: "));
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (member != null) {
            try {
                assertEquals(GridCommand.OK, member.terminate(TIMEOUT), member.out() + member.err());
            } finally {
                member.close();
            }
        }
    }

    /** One {@code grid} command in this JVM: exit code, standard output, standard error. */
    private record Run(int code, String out, String err) {
        @Override
        public String toString() {
            return "exit " + code + "\nout:\n" + out + "\nerr:\n" + err;
        }
    }

    private static Run grid(String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> withConfig = new ArrayList<>(List.of(args));
        withConfig.addAll(List.of("--config", config.toString()));
        GridCommand grid = new GridCommand(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        int code;
        try {
            code = CompletableFuture.supplyAsync(() -> grid.run(withConfig.toArray(String[]::new))).get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new AssertionError("grid " + String.join(" ", args) + " did not finish within " + TIMEOUT + "; out:\n" + out + "\nerr:\n" + err, e);
        }
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static Run ok(String stdin, String... args) {
        Run run = grid(stdin, args);
        assertEquals(GridCommand.OK, run.code, String.join(" ", args) + ": " + run);
        return run;
    }

    @Test
    void createProduceConsumeDescribeAndDelete() throws Exception {
        assertTrue(ok("", "topic", "create", "orders", "--partitions", "3").out.startsWith("created topic orders: partitions=3 "));
        assertTrue(ok("", "topic", "list").out.lines().toList().contains("orders"));

        List<String> lines = IntStream.range(0, 60).mapToObj(i -> "customer-" + (i % 7) + ":order " + i).toList();
        Path input = dir.resolve("orders.txt");
        Files.write(input, lines);
        try (MemberProcess produce = MemberProcess.startWithInput(dir, input, "produce", "orders", "--key-separator", ":",
                "--config", config.toString())) {
            assertEquals(GridCommand.OK, produce.waitForExit(TIMEOUT), produce.out() + produce.err());
            assertTrue(produce.err().contains("grid produce: produced 60 records, "), produce.err());
            assertTrue(produce.err().contains(" to orders in "), produce.err());
            assertTrue(produce.err().contains("; first-last offset by partition: 0: 0-"), produce.err());
        }

        List<String> consumed = ok("", "consume", "orders", "--from-beginning", "--max", "60", "--timeout", "30s", "--print-key",
                "--key-separator", ":").out.lines().toList();
        assertEquals(lines.stream().sorted().toList(), consumed.stream().sorted().toList());
        assertEquals(byKey(lines), byKey(consumed), "one key's records in the order they were produced");

        Run describe = ok("", "topic", "describe", "orders");
        assertTrue(describe.out.startsWith("topic orders: 3 partitions, 60 records, "), describe.toString());
        assertTrue(describe.out.contains("settings: partitions=3 retention=7d retention-bytes=none segment-bytes=64m "), describe.toString());
        assertTrue(describe.out.contains(":" + port + " "), "the owner:\n" + describe);
        assertEquals(1 + 2 + 3, describe.out.lines().count(), describe.toString());

        // Ctrl-C on a consumer that runs until stopped: it reports and exits 0
        try (MemberProcess consume = MemberProcess.start(dir, "consume", "orders", "--from-beginning", "--print-offset", "--config",
                config.toString())) {
            await().atMost(TIMEOUT).until(() -> consume.out().lines().count() == 60);
            assertEquals(GridCommand.OK, consume.terminate(TIMEOUT), consume.out() + consume.err());
            assertTrue(consume.err().contains("grid consume: consumed 60 records (stopped by a signal)"), consume.err());
        }

        assertEquals("deleted topic orders\n", ok("", "topic", "delete", "orders").out);
        assertTrue(!ok("", "topic", "list").out.lines().toList().contains("orders"));
    }

    @Test
    void aGroupCommitsWhatItPrintedAndLagShowsIt() {
        ok("", "topic", "create", "payments", "--partitions", "3");
        ok(IntStream.range(0, 60).mapToObj(i -> "p" + i).collect(Collectors.joining("\n", "", "\n")), "produce", "payments");
        assertTrue(ok("", "topic", "lag", "billing", "payments").out.startsWith("group billing on topic payments: lag 60\n"));
        assertEquals(20, ok("", "consume", "payments", "--group", "billing", "--from-beginning", "--max", "20", "--timeout", "30s").out
                .lines().count());
        Run lag = ok("", "topic", "lag", "billing", "payments");
        assertTrue(lag.out.startsWith("group billing on topic payments: lag 40\n"), lag.toString());
        // --from-beginning: a partition none of the 20 came from has no commit, and would otherwise start at its end
        assertEquals(40, ok("", "consume", "payments", "--group", "billing", "--from-beginning", "--timeout", "3s").out.lines().count(),
                "the rest, from the group's commits");
        assertTrue(ok("", "topic", "lag", "billing", "payments").out.startsWith("group billing on topic payments: lag 0\n"));
        ok("", "topic", "delete", "payments");
    }

    @Test
    void badInputExitsNonZeroNamingTheTopicPartitionOrOffset() {
        Run unknown = grid("", "consume", "nope", "--from-beginning", "--max", "1");
        assertEquals(GridCommand.FAILED, unknown.code, unknown.toString());
        assertTrue(unknown.err.startsWith("grid consume: topic nope does not exist"), unknown.toString());
        assertTrue(!unknown.err.contains("\tat "), "no stack trace without --verbose: " + unknown);
        Run produce = grid("x\n", "produce", "nope");
        assertEquals(GridCommand.FAILED, produce.code, produce.toString());
        assertTrue(produce.err.contains("topic nope does not exist"), produce.toString());
        Run describe = grid("", "topic", "describe", "nope");
        assertEquals(GridCommand.FAILED, describe.code, describe.toString());
        assertTrue(describe.err.startsWith("grid topic describe: topic nope does not exist"), describe.toString());

        ok("", "topic", "create", "small", "--partitions", "1", "--segment-bytes", "4k", "--max-record-bytes", "1k",
                "--retention-bytes", "4k");
        // a segment holds whole batches: four runs, four batches of 6 KB, so that segments roll and retention deletes the oldest
        for (int run = 0; run < 4; run++) {
            ok(IntStream.range(0, 50).mapToObj(i -> "record " + i + " " + "x".repeat(120)).collect(Collectors.joining("\n", "", "\n")),
                    "produce", "small");
        }
        await().atMost(TIMEOUT).until(() -> startOffset(ok("", "topic", "describe", "small").out) > 0);
        long start = startOffset(ok("", "topic", "describe", "small").out);

        Run below = grid("", "consume", "small", "--partition", "0", "--offset", "0", "--max", "1");
        assertEquals(GridCommand.FAILED, below.code, below.toString());
        assertTrue(below.err.startsWith("grid consume: offset 0 of small-0 is below the offsets it has: the earliest available offset is "),
                below.toString());
        assertTrue(startOffset(ok("", "topic", "describe", "small").out) >= start);
        Run partition = grid("", "consume", "small", "--partition", "1", "--from-beginning");
        assertEquals(GridCommand.FAILED, partition.code, partition.toString());
        assertEquals("grid consume: partition 1 of topic small does not exist: the topic has partitions 0 to 0\n", partition.err);
        ok("", "topic", "delete", "small");
    }

    @Test
    void ctrlCOnAGroupsConsumerHandsItsPartitionsOverAtOnce() throws Exception {
        ok("", "topic", "create", "events", "--partitions", "4");
        ok("a\nb\nc\nd\ne\nf\ng\nh\n", "produce", "events");
        ExecutorService polling = Executors.newSingleThreadExecutor();
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger assigned = new AtomicInteger();
        try (Grid client = Grid.client(new GridClientConfig().setClusterName(clusterName).setAddresses(List.of("127.0.0.1:" + port)));
             MemberProcess consume = MemberProcess.start(dir, "consume", "events", "--group", "g", "--from-beginning", "--config",
                     config.toString())) {
            await().atMost(TIMEOUT).until(() -> consume.out().lines().count() == 8);
            Future<?> other = polling.submit(() -> {
                try (LogConsumer consumer = GridLog.of(client).consumer(new ConsumerConfig("events").setGroup("g"))) {
                    while (running.get()) {
                        consumer.poll(Duration.ofMillis(100));
                        assigned.set(consumer.assignment().size());
                    }
                }
                return null;
            });
            await().atMost(TIMEOUT).until(() -> assigned.get() > 0 && assigned.get() < 4);

            assertEquals(GridCommand.OK, consume.terminate(TIMEOUT), consume.out() + consume.err());
            assertTrue(consume.err().contains("grid consume: consumed 8 records (stopped by a signal)"), consume.err());
            long stopped = System.nanoTime();
            // Had it not left, its partitions would move only when its session (10 s) timed out.
            await().atMost(Duration.ofSeconds(8)).until(() -> assigned.get() == 4);
            System.out.println("LogCommandsProcessTest: the other member had every partition " + TimeUnit.NANOSECONDS.toMillis(System.nanoTime()
                    - stopped) + " ms after the consumer process exited");
            running.set(false);
            other.get(30, TimeUnit.SECONDS);
        } finally {
            running.set(false);
            polling.shutdownNow();
        }
        assertTrue(ok("", "topic", "lag", "g", "events").out.startsWith("group g on topic events: lag 0\n"), "the process committed on Ctrl-C");
        ok("", "topic", "delete", "events");
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
