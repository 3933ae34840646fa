package dev.grid.server.impl.log;

import dev.grid.core.config.GridConfig;
import dev.grid.core.config.GridTopicConfig;
import dev.grid.log.ConsumerRecord;
import dev.grid.log.GridLog;
import dev.grid.log.OffsetOutOfRangeException;
import dev.grid.log.PartitionInfo;
import dev.grid.log.PartitionOutOfRangeException;
import dev.grid.log.TopicDescription;
import dev.grid.server.cli.DurationConverter;
import dev.grid.server.cli.OptionCheck;
import dev.grid.server.impl.GridCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * {@code grid consume TOPIC}: prints a topic's records on standard output, one a line, read directly from chosen
 * offsets or as a member of a consumer group.
 */
@Command(name = "consume", mixinStandardHelpOptions = true, header = "print a topic's records, one a line",
        description = {
                "Prints the records of the topic on standard output, one a line (the value as UTF-8; --print-key and "
                        + "--print-offset put the key and PARTITION:OFFSET before it), until Ctrl-C, --max records or --timeout "
                        + "without a record; then the count on standard error.",
                "",
                "Without --group it reads every partition (or the one --partition names) from its end, so it prints records "
                        + "appended from now on; --from-beginning reads from the oldest record kept, --offset from an offset of "
                        + "one partition, --since from the first record at or after a time. It commits nothing.",
                "",
                "With --group it is a member of that consumer group: the group's coordinator assigns it partitions, it reads "
                        + "each from the group's committed offset (from the start with --from-beginning, else the end, where the "
                        + "group has none) and commits the offsets of what it printed. Ctrl-C closes the consumer, so the group "
                        + "gives its partitions to the other members at once.",
                "",
                "  grid consume orders --from-beginning --max 10 --print-key --key-separator :",
                "  grid consume orders --group billing",
                "  grid consume orders --partition 3 --offset 1200 --print-offset",
                "  grid consume orders --since 2024-05-01T10:00:00Z --timeout 5s"})
final class ConsumeCommand extends LogClientCommand {
    /** The longest a poll waits, so Ctrl-C and --timeout are noticed soon. */
    static final Duration POLL = Duration.ofMillis(500);
    /** The longest Ctrl-C waits for the consumer to leave its group. */
    static final Duration STOP_WAIT = Duration.ofSeconds(15);

    @Parameters(index = "0", paramLabel = "TOPIC", description = "the topic")
    private String topic;
    @Option(names = "--group", paramLabel = "G", description = "consume as a member of this consumer group, committing offsets")
    private String group;
    @Option(names = "--from-beginning",
            description = "start at each partition's oldest record kept (with --group: where the group has no committed offset)")
    private boolean fromBeginning;
    @Option(names = "--offset", paramLabel = "N", description = "start at this offset of the partition --partition names")
    private Long offset;
    @Option(names = "--since", paramLabel = "TIME", converter = Since.Converter.class,
            description = "start at each partition's first record at or after this time: an ISO-8601 instant "
                    + "(2024-05-01T10:00:00Z) or a duration ago (10m, 2h)")
    private Since since;
    @Option(names = "--partition", paramLabel = "N", description = "read only this partition (default: all)")
    private Integer partition;
    @Option(names = "--max", paramLabel = "N", description = "exit after printing this many records")
    private Long max;
    @Option(names = "--timeout", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "exit after this long without a record, e.g. 10s (default: run until Ctrl-C or --max)")
    private Duration timeout;
    @Option(names = "--print-key", description = "print the key (null when it has none) before the value")
    private boolean printKey;
    @Option(names = "--print-offset", description = "start each line with the record's PARTITION:OFFSET")
    private boolean printOffset;
    @Option(names = "--key-separator", paramLabel = "SEP", defaultValue = "\t",
            description = "what separates the offset, the key and the value on a line (default: a tab)")
    private String separator;

    private volatile boolean stopping;

    ConsumeCommand(LogCli cli) {
        super(cli);
    }

    @Override
    void prepare(GridConfig member) {
        topicName(topic);
        OptionCheck check = check();
        int starts = (fromBeginning ? 1 : 0) + (offset != null ? 1 : 0) + (since != null ? 1 : 0);
        if (starts > 1) {
            throw check.error("--from-beginning, --offset and --since each say where to start: give one");
        }
        if (group != null) {
            groupName(group);
            for (Map.Entry<String, Boolean> option : Map.of("--partition", partition != null, "--offset", offset != null,
                    "--since", since != null).entrySet()) {
                if (option.getValue()) {
                    throw check.error(option.getKey() + " cannot be used with --group: the group's coordinator assigns the partitions"
                            + " and the group's committed offsets say where to start (without --group, " + option.getKey()
                            + " reads and commits nothing)");
                }
            }
        }
        if (offset != null && partition == null) {
            throw check.error("--offset needs --partition: an offset is a position in one partition");
        }
        if (partition != null) {
            check.between("--partition", partition, 0, GridTopicConfig.MAX_PARTITIONS - 1);
        }
        if (offset != null && offset < 0) {
            throw check.error("--offset must be >= 0, was " + offset);
        }
        if (max != null) {
            check.positive("--max", max);
        }
        if (timeout != null) {
            check.positive("--timeout", timeout);
        }
        if (separator.isEmpty()) {
            throw check.error("--key-separator must not be empty");
        }
    }

    @Override
    int run(GridLog log) {
        TopicDescription description = log.describeTopic(topic);
        int partitions = description.config().getPartitions();
        if (partition != null && partition >= partitions) {
            throw new PartitionOutOfRangeException(topic, partition, partitions);
        }
        RecordFormat format = new RecordFormat(printOffset, printKey, separator);
        CountDownLatch done = new CountDownLatch(1);
        long printed = 0;
        StopSignal.Registration stop = cli.signal().register(() -> stop(done));
        try {
            try (RecordSource source = group != null
                    ? new GroupReader(log, topic, group, fromBeginning, max, cli)
                    : new PartitionReader(log, topic, startOffsets(log, description))) {
                Instant lastRecord = cli.clock().instant();
                while (!stopping && (max == null || printed < max)) {
                    Duration wait = POLL;
                    if (timeout != null) {
                        Duration left = timeout.minus(Duration.between(lastRecord, cli.clock().instant()));
                        if (left.isNegative() || left.isZero()) {
                            break;
                        }
                        wait = left.compareTo(POLL) < 0 ? left : POLL;
                    }
                    List<ConsumerRecord> records = source.poll(wait);
                    if (records.isEmpty()) {
                        continue;
                    }
                    lastRecord = cli.clock().instant();
                    int take = max == null ? records.size() : (int) Math.min(records.size(), max - printed);
                    StringBuilder text = new StringBuilder();
                    for (ConsumerRecord record : records.subList(0, take)) {
                        format.append(record, text);
                    }
                    cli.out().print(text);
                    cli.out().flush();
                    if (cli.out().checkError()) {
                        // a closed pipe, as in 'grid consume ... | head': what this poll printed may not have arrived
                        cli.err().println(spec.qualifiedName() + ": standard output is closed; stopped");
                        break;
                    }
                    printed += take;
                    source.printed(records, take);
                }
            }
            cli.err().println(spec.qualifiedName() + ": consumed " + printed + (printed == 1 ? " record" : " records")
                    + (stopping ? " (stopped by a signal)" : ""));
            cli.err().flush();
            return GridCommand.OK;
        } finally {
            stop.close();
            done.countDown();
        }
    }

    /** Where each partition read without a group starts. */
    private Map<Integer, Long> startOffsets(GridLog log, TopicDescription description) {
        Map<Integer, Long> starts = new TreeMap<>();
        for (PartitionInfo info : description.partitions()) {
            int p = info.partition();
            if (partition != null && p != partition) {
                continue;
            }
            long start;
            if (fromBeginning) {
                start = info.startOffset();
            } else if (offset != null) {
                if (offset < info.startOffset() || offset > info.highWatermark()) {
                    throw new OffsetOutOfRangeException(topic, p, offset, info.startOffset(), info.highWatermark());
                }
                start = offset;
            } else if (since != null) {
                start = log.offsetForTimestamp(topic, p, since.millis(cli.clock())).orElse(info.highWatermark());
            } else {
                start = info.highWatermark();
            }
            starts.put(p, start);
        }
        return starts;
    }

    /** Ctrl-C: the loop closes the consumer (leaving the group) and reports; this waits for it. */
    private int stop(CountDownLatch done) {
        stopping = true;
        try {
            done.await(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return GridCommand.OK;
    }
}
