package dev.grid.server.impl.log;

import dev.grid.core.config.GridClientConfig;
import dev.grid.core.config.GridTopicConfig;
import dev.grid.log.ConsumerConfig;
import dev.grid.log.ConsumerRecord;
import dev.grid.log.ProducerConfig;
import dev.grid.server.impl.GridCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The log's commands against a log in this JVM ({@link InMemoryLog}): parsing and checking their options (a bad one
 * is refused before any connection), what they print, their errors and exit codes, Ctrl-C. No cluster.
 */
@Timeout(value = 1, unit = TimeUnit.MINUTES)
class LogCommandsTest {
    private final InMemoryLog log = new InMemoryLog(Clock.systemUTC());
    private final List<GridClientConfig> connections = new CopyOnWriteArrayList<>();
    private final ManualSignal signal = new ManualSignal();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String stdin, String... args) {
        return run(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), args);
    }

    private int run(InputStream in, String... args) {
        PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        LogConnector connector = config -> {
            connections.add(config);
            return new LogConnector.Session() {
                @Override
                public dev.grid.log.GridLog log() {
                    return log;
                }

                @Override
                public void close() {
                }
            };
        };
        return new GridCommand(o, e, new LogCli(in, o, e, connector, Clock.systemUTC(), signal)).run(args);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private void reset() {
        out.reset();
        err.reset();
    }

    /** Runs the command, expects a usage error (exit 2) that starts with the text, and no connection. */
    private void assertUsage(String message, String... args) {
        reset();
        int connected = connections.size();
        assertEquals(GridCommand.USAGE, run("", args), out() + err());
        assertTrue(err().startsWith(message), "expected: " + message + "\nwas: " + err());
        assertEquals(connected, connections.size(), "a bad option is refused before connecting");
    }

    @Test
    void helpListsTheLogsCommands() {
        assertEquals(GridCommand.OK, run("", "--help"));
        for (String name : List.of("topic", "produce", "consume")) {
            assertTrue(out().contains("\n  " + name + " "), name + " missing from:\n" + out());
        }
        reset();
        assertEquals(GridCommand.OK, run("", "topic", "--help"));
        for (String name : List.of("create", "list", "describe", "delete", "lag")) {
            assertTrue(out().contains("\n  " + name + " "), name + " missing from:\n" + out());
        }
        reset();
        assertEquals(GridCommand.USAGE, run("", "topic"));
        assertTrue(err().contains("Usage: grid topic [-hV] COMMAND"), err());
        reset();
        assertEquals(GridCommand.OK, run("", "consume", "--help"));
        assertTrue(out().contains("--from-beginning") && out().contains("--since=TIME") && out().contains("--config=FILE"), out());
        assertTrue(out().replaceAll("\\s+", " ").contains("Ctrl-C closes the consumer, so the group gives its partitions"), out());
    }

    @Test
    void shouldConnectToTheClusterTheConfigDescribes(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("grid.yaml");
        Files.writeString(file, "grid:\n  clusterName: logs-east\n  network:\n    members: ['10.0.0.7:5801']\n");
        assertEquals(GridCommand.OK, run("", "topic", "list", "--config", file.toString()), err());
        GridClientConfig client = connections.get(0);
        assertEquals("logs-east", client.getClusterName());
        assertEquals(List.of("10.0.0.7:5801"), client.getAddresses());
        assertEquals("false", client.getHazelcastProperties().get("hazelcast.client.shutdownhook.enabled"),
                "Ctrl-C is the command's, not the client's");
        reset();
        Files.writeString(file, "grid:\n  partitionCount: 0\n");
        assertEquals(GridCommand.USAGE, run("", "topic", "list", "--config", file.toString()));
        assertEquals("grid topic list: grid.partitionCount must be between 1 and 65536, was 0\n", err());
    }

    @Test
    void createTakesEverySettingAndPrintsThem() {
        assertEquals(GridCommand.OK, run("", "topic", "create", "orders", "--partitions", "3", "--retention", "12h", "--retention-bytes",
                "1g", "--segment-bytes=8m", "--max-record-bytes", "512k", "--timestamp-type", "log_append_time"), err());
        assertEquals("created topic orders: partitions=3 retention=12h retention-bytes=1g segment-bytes=8m max-record-bytes=512k "
                + "timestamp-type=log_append_time\n", out());
        GridTopicConfig created = log.describeTopic("orders").config();
        assertEquals(3, created.getPartitions());
        assertEquals(Duration.ofHours(12), created.getRetention());
        assertEquals(1L << 30, created.getRetentionBytes());
        assertEquals(8 << 20, created.getSegmentBytes());
        assertEquals(512 << 10, created.getMaxRecordBytes());
        assertEquals(GridTopicConfig.TimestampType.LOG_APPEND_TIME, created.getTimestampType());
    }

    @Test
    void createTakesTheDefaultsOfTheConfigsGridLog(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("grid.yaml");
        Files.writeString(file, String.join("\n", "grid:", "  log:", "    defaultPartitions: 5", "    topics:", "      audit:",
                "        partitions: 2", "        retention: 30d", ""));
        assertEquals(GridCommand.OK, run("", "topic", "create", "clicks", "--config", file.toString()), err());
        assertEquals(GridCommand.OK, run("", "topic", "create", "audit", "--config", file.toString(), "--retention", "1d"), err());
        assertEquals(5, log.describeTopic("clicks").config().getPartitions());
        assertEquals(2, log.describeTopic("audit").config().getPartitions());
        assertEquals(Duration.ofDays(1), log.describeTopic("audit").config().getRetention(), "an option wins over the file");
        assertTrue(out().contains("created topic clicks: partitions=5 retention=7d retention-bytes=none segment-bytes=64m "
                + "max-record-bytes=1m timestamp-type=create_time"), out());
    }

    @Test
    void createRefusesBadSettingsNamingTheOptionAndTheValue() {
        assertUsage("grid topic create: --partitions must be between 1 and 10000, was 0", "topic", "create", "t", "--partitions", "0");
        assertUsage("grid topic create: Invalid value for option '--retention-bytes': must be a byte count such as 1048576, 512k, 64m "
                + "or 1g, was \"lots\"", "topic", "create", "t", "--retention-bytes", "lots");
        assertUsage("grid topic create: --retention must be > 0, was 0s", "topic", "create", "t", "--retention", "0s");
        assertUsage("grid topic create: Invalid value for option '--retention': must be a duration", "topic", "create", "t",
                "--retention", "7");
        assertUsage("grid topic create: --segment-bytes must be between 4096 and 1073741824, was 2147483648", "topic", "create", "t",
                "--segment-bytes", "2g");
        assertUsage("grid topic create: --max-record-bytes (2m) must be at most --segment-bytes (1m)", "topic", "create", "t",
                "--segment-bytes", "1m", "--max-record-bytes", "2m");
        assertUsage("grid topic create: Invalid value for option '--timestamp-type': must be create_time or log_append_time, was "
                + "\"now\"", "topic", "create", "t", "--timestamp-type", "now");
        assertUsage("grid topic create: topic name must use only letters, digits, '.', '_' and '-', was \"a/b\"", "topic", "create", "a/b");
        assertUsage("grid topic create: Missing required parameter: 'NAME'", "topic", "create");
        assertTrue(log.topicNames().isEmpty());
    }

    @Test
    void createOfATopicThatExistsFailsUnlessIfNotExists() {
        assertEquals(GridCommand.OK, run("", "topic", "create", "orders", "--partitions", "2"));
        reset();
        assertEquals(GridCommand.FAILED, run("", "topic", "create", "orders", "--partitions", "4"));
        assertTrue(err().startsWith("grid topic create: topic orders exists already"), err());
        assertFalse(err().contains("\tat "), "no stack trace without --verbose:\n" + err());
        reset();
        assertEquals(GridCommand.OK, run("", "topic", "create", "orders", "--if-not-exists"));
        assertEquals("topic orders exists already; left as it is (--if-not-exists)\n", out());
        assertEquals(2, log.describeTopic("orders").config().getPartitions());
    }

    @Test
    void verbosePrintsTheStackTrace() {
        assertEquals(GridCommand.FAILED, run("", "topic", "describe", "nope", "--verbose"));
        assertTrue(err().startsWith("grid topic describe: topic nope does not exist"), err());
        assertTrue(err().contains("dev.grid.log.UnknownTopicException") && err().contains("\tat "), err());
    }

    @Test
    void listDescribeAndDelete() {
        run("", "topic", "create", "orders", "--partitions", "2");
        run("", "topic", "create", "audit", "--partitions", "1");
        log.append("orders", 1, "k", "v1", 1);
        log.append("orders", 1, "k", "v2", 2);
        log.append("orders", 1, "k", "v3", 3);
        log.deleteBelow("orders", 1, 1);
        reset();
        assertEquals(GridCommand.OK, run("", "topic", "list"));
        assertEquals("audit\norders\n", out());

        reset();
        assertEquals(GridCommand.OK, run("", "topic", "describe", "orders"));
        assertEquals(String.join("\n",
                "topic orders: 2 partitions, 2 records, 36 bytes on the owners",
                "settings: partitions=2 retention=7d retention-bytes=none segment-bytes=64m max-record-bytes=1m timestamp-type=create_time",
                "partition  cluster partition  owner           start offset  high watermark  end offset  size  segments",
                "        0                100  127.0.0.1:5701             0               0           0     0         1",
                "        1                101  127.0.0.1:5701             1               3           3    36         1",
                ""), out());

        reset();
        assertEquals(GridCommand.FAILED, run("", "topic", "describe", "ordres"));
        assertTrue(err().startsWith("grid topic describe: topic ordres does not exist"), err());

        reset();
        assertEquals(GridCommand.OK, run("", "topic", "delete", "audit"));
        assertEquals("deleted topic audit\n", out());
        assertEquals(List.of("orders"), log.topicNames());
        reset();
        assertEquals(GridCommand.FAILED, run("", "topic", "delete", "audit"));
        assertEquals("grid topic delete: topic audit does not exist ('grid topic list' lists the topics)\n", err());
        reset();
        assertEquals(GridCommand.OK, run("", "topic", "delete", "audit", "--if-exists"));
    }

    @Test
    void produceSendsALineARecordKeyBeforeTheSeparatorAndSummarizes() {
        run("", "topic", "create", "orders", "--partitions", "4");
        reset();
        assertEquals(GridCommand.OK, run("c1:one\nc2:two\nc1:three\nc3:a:b\n\n", "produce", "orders", "--key-separator", ":",
                "--allow-missing-key"), err());
        assertTrue(err().matches("grid produce: produced 5 records, 22 bytes, to orders in \\d+\\.\\d\\d s; first-last offset by "
                + "partition: .*\n"), err());
        List<ConsumerRecord> all = records("orders", 4);
        assertEquals(5, all.size());
        ConsumerRecord three = all.stream().filter(r -> r.valueAsString().equals("three")).findFirst().orElseThrow();
        ConsumerRecord one = all.stream().filter(r -> r.valueAsString().equals("one")).findFirst().orElseThrow();
        assertEquals(one.partition(), three.partition(), "one key, one partition");
        assertTrue(three.offset() > one.offset(), "in order");
        assertEquals("c3", all.stream().filter(r -> r.valueAsString().equals("a:b")).findFirst().orElseThrow().keyAsString(),
                "split at the first separator");
        ConsumerRecord empty = all.stream().filter(r -> r.value().length == 0).findFirst().orElseThrow();
        assertNull(empty.key(), "--allow-missing-key: a line without the separator has no key");
        assertEquals(List.of(new ProducerConfig().getAcks()), log.producers.stream().map(ProducerConfig::getAcks).toList());
    }

    @Test
    void produceNamesTheLineWithoutASeparatorAndStopsThere() {
        run("", "topic", "create", "orders", "--partitions", "1");
        reset();
        assertEquals(GridCommand.FAILED, run("a:1\nb:2\nthree\nd:4\n", "produce", "orders", "--key-separator", ":"));
        assertEquals(List.of("1", "2"), records("orders", 1).stream().map(ConsumerRecord::valueAsString).toList());
        String[] lines = err().split("\n");
        assertTrue(lines[0].startsWith("grid produce: produced 2 records, 4 bytes, to orders in "), err());
        assertTrue(lines[0].endsWith("; first-last offset by partition: 0: 0-1"), err());
        assertEquals("grid produce: line 3 has no key separator \":\"; stopped there, nothing of it sent (--allow-missing-key sends such "
                + "a line with no key)", lines[1]);
    }

    @Test
    void produceNamesTheFirstRecordThatFailed() {
        run("", "topic", "create", "orders", "--partitions", "2");
        reset();
        assertEquals(GridCommand.FAILED, run("x\ny\n", "produce", "orders", "--partition", "5"));
        assertTrue(err().contains("grid produce: produced 0 of "), err());
        assertTrue(err().contains("grid produce: the record of line 1 failed: partition 5 of topic orders does not exist: the topic has "
                + "partitions 0 to 1\n"), err());
        reset();
        assertEquals(GridCommand.FAILED, run("x\n", "produce", "nope"));
        assertEquals("grid produce: topic nope does not exist (create it with GridLog.createTopic or `grid topic create`, or set "
                + "grid.log.autoCreateTopics)\n", err());
    }

    @Test
    void produceOptionsReachTheProducerAndBadOnesAreRefused() {
        run("", "topic", "create", "orders", "--partitions", "2");
        reset();
        assertEquals(GridCommand.OK, run("v\n", "produce", "orders", "--acks", "owner", "--linger", "5ms", "--partition", "1"), err());
        ProducerConfig config = log.producers.get(0);
        assertEquals(ProducerConfig.Acks.OWNER, config.getAcks());
        assertEquals(Duration.ofMillis(5), config.getLinger());
        assertEquals(1, records("orders", 2).get(0).partition());

        assertUsage("grid produce: Invalid value for option '--acks': must be all or owner, was \"one\"", "produce", "orders", "--acks", "one");
        assertUsage("grid produce: --linger must be at most 10s, was 11s", "produce", "orders", "--linger", "11s");
        assertUsage("grid produce: --linger must be >= 0, was -1s", "produce", "orders", "--linger=-1s");
        assertUsage("grid produce: --allow-missing-key needs --key-separator", "produce", "orders", "--allow-missing-key");
        assertUsage("grid produce: --key-separator must not be empty", "produce", "orders", "--key-separator", "");
        assertUsage("grid produce: --partition must be between 0 and 9999, was -1", "produce", "orders", "--partition=-1");
        assertUsage("grid produce: Missing required parameter: 'TOPIC'", "produce");
    }

    @Test
    void consumeFromTheBeginningPrintsKeysAndOffsetsAndStopsAtMax() {
        run("", "topic", "create", "orders", "--partitions", "1");
        run("k1:a\nk2:b\nk3:c\n", "produce", "orders", "--key-separator", ":");
        reset();
        assertEquals(GridCommand.OK, run("", "consume", "orders", "--from-beginning", "--max", "2", "--print-key", "--key-separator", ":"));
        assertEquals("k1:a\nk2:b\n", out());
        assertEquals("grid consume: consumed 2 records\n", err());
        reset();
        assertEquals(GridCommand.OK, run("", "consume", "orders", "--from-beginning", "--max", "3", "--print-offset", "--print-key"));
        assertEquals("0:0\tk1\ta\n0:1\tk2\tb\n0:2\tk3\tc\n", out());
    }

    @Test
    void consumeFromAnOffsetOrATime() {
        run("", "topic", "create", "orders", "--partitions", "2");
        Instant now = Instant.now();
        log.append("orders", 1, null, "old", now.minus(Duration.ofHours(2)).toEpochMilli());
        log.append("orders", 1, null, "recent", now.minus(Duration.ofMinutes(5)).toEpochMilli());
        log.append("orders", 1, null, "new", now.toEpochMilli());
        log.append("orders", 0, null, "zero", now.toEpochMilli());
        reset();
        assertEquals(GridCommand.OK, run("", "consume", "orders", "--partition", "1", "--offset", "1", "--max", "2"), err());
        assertEquals("recent\nnew\n", out());
        reset();
        assertEquals(GridCommand.OK, run("", "consume", "orders", "--partition", "1", "--since", "10m", "--max", "2"), err());
        assertEquals("recent\nnew\n", out());
        reset();
        assertEquals(GridCommand.OK, run("", "consume", "orders", "--since", now.minus(Duration.ofMinutes(1)).toString(), "--max", "2",
                "--print-offset"), err());
        assertEquals(List.of("0:0\tzero", "1:2\tnew"), out().lines().sorted().toList());
    }

    @Test
    void consumeRefusesAnOffsetOutsideThePartitionNamingTheEarliest() {
        run("", "topic", "create", "orders", "--partitions", "2");
        for (int i = 0; i < 10; i++) {
            log.append("orders", 1, null, "v" + i, 1);
        }
        log.deleteBelow("orders", 1, 4);
        reset();
        assertEquals(GridCommand.FAILED, run("", "consume", "orders", "--partition", "1", "--offset", "2"));
        assertEquals("grid consume: offset 2 of orders-1 is below the offsets it has: the earliest available offset is 4 and the next "
                + "record will get 10\n", err());
        reset();
        assertEquals(GridCommand.FAILED, run("", "consume", "orders", "--partition", "2", "--from-beginning"));
        assertEquals("grid consume: partition 2 of topic orders does not exist: the topic has partitions 0 to 1\n", err());
        reset();
        assertEquals(GridCommand.FAILED, run("", "consume", "nope", "--from-beginning"));
        assertTrue(err().startsWith("grid consume: topic nope does not exist"), err());
    }

    @Test
    void consumeRefusesConflictingOptions() {
        assertUsage("grid consume: --offset needs --partition: an offset is a position in one partition", "consume", "t", "--offset", "3");
        assertUsage("grid consume: --from-beginning, --offset and --since each say where to start: give one", "consume", "t",
                "--from-beginning", "--since", "10m");
        assertUsage("grid consume: --partition cannot be used with --group", "consume", "t", "--group", "g", "--partition", "1");
        assertUsage("grid consume: --since cannot be used with --group", "consume", "t", "--group", "g", "--since", "1h");
        assertUsage("grid consume: --max must be > 0, was 0", "consume", "t", "--max", "0");
        assertUsage("grid consume: --timeout must be > 0, was 0s", "consume", "t", "--timeout", "0s");
        assertUsage("grid consume: --offset must be >= 0, was -1", "consume", "t", "--partition", "0", "--offset=-1");
        assertUsage("grid consume: Invalid value for option '--since': must be an ISO-8601 instant such as 2024-05-01T10:00:00Z or a "
                + "duration ago such as 10m or 2h, was \"yesterday\"", "consume", "t", "--since", "yesterday");
        assertUsage("grid consume: Invalid value for option '--since': must be an ISO-8601 instant", "consume", "t", "--since",
                "2024-13-01T00:00:00Z");
        assertUsage("grid consume: consumer group name must use only letters", "consume", "t", "--group", "a b");
    }

    @Test
    void consumeStopsAfterTheTimeoutWithoutARecord() {
        run("", "topic", "create", "orders", "--partitions", "2");
        log.append("orders", 0, null, "before", 1);
        reset();
        long start = System.nanoTime();
        assertEquals(GridCommand.OK, run("", "consume", "orders", "--timeout", "300ms"));
        assertEquals("", out(), "from the end by default");
        assertEquals("grid consume: consumed 0 records\n", err());
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(10));
    }

    @Test
    void aGroupCommitsWhatItPrintedAndLagShowsIt() {
        run("", "topic", "create", "orders", "--partitions", "2");
        run("a\nb\nc\nd\ne\nf\n", "produce", "orders");
        reset();
        assertEquals(GridCommand.OK, run("", "topic", "lag", "billing", "orders"));
        assertEquals(String.join("\n", "group billing on topic orders: lag 6",
                "partition  committed offset  high watermark  lag",
                "        0                 -               3    3",
                "        1                 -               3    3", ""), out());

        reset();
        assertEquals(GridCommand.OK, run("", "consume", "orders", "--group", "billing", "--from-beginning", "--max", "4"), err());
        assertEquals(4, out().lines().count());
        ConsumerConfig config = log.consumers.get(0).config;
        assertEquals("billing", config.getGroup());
        assertEquals(ConsumerConfig.StartFrom.EARLIEST, config.getStartFrom());
        assertTrue(log.consumers.get(0).closed, "closed: the group rebalances at once");
        reset();
        assertEquals(GridCommand.OK, run("", "topic", "lag", "billing", "orders"));
        assertTrue(out().startsWith("group billing on topic orders: lag 2\n"), "exactly the 4 printed are committed:\n" + out());

        reset();
        assertEquals(GridCommand.OK, run("", "consume", "orders", "--group", "billing", "--timeout", "300ms"), err());
        assertEquals(2, out().lines().count(), "the rest, from the committed offsets:\n" + out());
        assertFalse(log.consumers.get(1).config.isAutoCommit(), "it commits what it printed, not what it polled");
        reset();
        assertEquals(GridCommand.OK, run("", "topic", "lag", "billing", "orders"));
        assertTrue(out().startsWith("group billing on topic orders: lag 0\n"), out());
    }

    @Test
    void ctrlCClosesTheGroupsConsumer() throws Exception {
        run("", "topic", "create", "orders", "--partitions", "2");
        reset();
        CompletableFuture<Integer> consume = CompletableFuture.supplyAsync(() -> run("", "consume", "orders", "--group", "g"));
        await().atMost(Duration.ofSeconds(20)).until(() -> !log.consumers.isEmpty() && !signal.registered.isEmpty());
        run("late\n", "produce", "orders");
        await().atMost(Duration.ofSeconds(20)).until(() -> out().contains("late\n"));
        assertEquals(GridCommand.OK, signal.send());
        assertEquals(GridCommand.OK, consume.get(20, TimeUnit.SECONDS));
        assertTrue(log.consumers.get(0).closed);
        assertTrue(err().contains("grid consume: consumed 1 record (stopped by a signal)\n"), err());
        assertTrue(signal.registered.isEmpty(), "unregistered when the command ends");
    }

    @Test
    void ctrlCSendsWhatTheProducerHoldsAndSummarizes() throws Exception {
        run("", "topic", "create", "orders", "--partitions", "1");
        reset();
        PipedOutputStream typing = new PipedOutputStream();
        PipedInputStream stdin = new PipedInputStream(typing);
        CompletableFuture<Integer> produce = CompletableFuture.supplyAsync(() -> run(stdin, "produce", "orders"));
        typing.write("one\ntwo\n".getBytes(StandardCharsets.UTF_8));
        typing.flush();
        await().atMost(Duration.ofSeconds(20)).until(() -> log.records("orders", 0).size() == 2 && !signal.registered.isEmpty());
        assertEquals(GridCommand.OK, signal.send());
        assertTrue(err().matches("grid produce: stopped by a signal; produced 2 records, 6 bytes, to orders in .*; first-last offset by "
                + "partition: 0: 0-1\n"), err());
        typing.close();
        produce.get(20, TimeUnit.SECONDS);
        assertEquals(1, err().lines().count(), "one summary:\n" + err());
    }

    @Test
    void consumeStopsWhenStandardOutputIsClosed() {
        run("", "topic", "create", "orders", "--partitions", "1");
        run("a\nb\n", "produce", "orders");
        reset();
        PrintStream closed = new PrintStream(new java.io.OutputStream() {
            @Override
            public void write(int b) throws java.io.IOException {
                throw new java.io.IOException("Broken pipe");
            }
        }, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        LogConnector connector = config -> new LogConnector.Session() {
            @Override
            public dev.grid.log.GridLog log() {
                return log;
            }

            @Override
            public void close() {
            }
        };
        int code = new GridCommand(closed, e, new LogCli(InputStream.nullInputStream(), closed, e, connector, Clock.systemUTC(), signal))
                .run("consume", "orders", "--group", "g", "--from-beginning");
        assertEquals(GridCommand.OK, code, err());
        assertTrue(err().startsWith("grid consume: standard output is closed; stopped\n"), err());
        assertTrue(log.consumers.get(0).closed);
        assertEquals(List.of(), log.lag("g", "orders").stream().filter(lag -> lag.committedOffset() > 0).toList(),
                "nothing arrived, nothing committed");
    }

    private List<ConsumerRecord> records(String topic, int partitions) {
        List<ConsumerRecord> all = new java.util.ArrayList<>();
        for (int p = 0; p < partitions; p++) {
            all.addAll(log.records(topic, p));
        }
        return all;
    }

    /** Ctrl-C by hand. */
    static final class ManualSignal implements StopSignal {
        final List<IntSupplier> registered = new CopyOnWriteArrayList<>();

        @Override
        public Registration register(IntSupplier onStop) {
            registered.add(onStop);
            return () -> registered.remove(onStop);
        }

        int send() {
            return registered.get(0).getAsInt();
        }
    }
}
