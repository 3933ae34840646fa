package dev.grid.server.impl.log;

import dev.grid.core.config.DurationText;
import dev.grid.core.config.GridConfig;
import dev.grid.core.config.GridTopicConfig;
import dev.grid.log.GridLog;
import dev.grid.log.LogProducer;
import dev.grid.log.ProducerConfig;
import dev.grid.log.ProducerConfig.Acks;
import dev.grid.log.ProducerRecord;
import dev.grid.log.UnknownTopicException;
import dev.grid.server.cli.DurationConverter;
import dev.grid.server.cli.OptionCheck;
import dev.grid.server.impl.GridCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.TypeConversionException;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code grid produce TOPIC}: one record per line of standard input, sent by one idempotent producer; waits for every
 * acknowledgement, then prints a one-line summary on standard error.
 */
@Command(name = "produce", mixinStandardHelpOptions = true, header = "send the lines of standard input to a topic, one record a line",
        description = {
                "Reads standard input as UTF-8 and sends each line as a record: its value is the line, or with --key-separator the "
                        + "text after the first separator, its key the text before (records of one key go to one partition, in order). "
                        + "Without --partition, a record with a key goes to the partition its key hashes to, one without is spread.",
                "",
                "When the input ends it waits for every acknowledgement and prints on standard error one line: the records and "
                        + "bytes acknowledged, the seconds taken and the first and last offset per partition. It exits 1 naming the "
                        + "line of the first record that failed, and stops reading at a line without the separator (unless "
                        + "--allow-missing-key) or once a record failed. Ctrl-C sends what it holds, waits up to 10 s for it and "
                        + "prints the summary.",
                "",
                "  printf 'customer-7:{\"total\": 12}\\n' | grid produce orders --key-separator :"})
final class ProduceCommand extends LogClientCommand {
    private static final Duration MAX_LINGER = Duration.ofSeconds(10);
    private static final Duration STOP_WAIT = Duration.ofSeconds(10);
    /** Acknowledgements were all in when the producer closed; their callbacks may still be running. */
    private static final Duration SETTLE_WAIT = Duration.ofSeconds(5);

    @Parameters(index = "0", paramLabel = "TOPIC", description = "the topic")
    private String topic;
    @Option(names = "--key-separator", paramLabel = "SEP",
            description = "the text between a line's key and its value (default: none; the whole line is the value, with no key)")
    private String keySeparator;
    @Option(names = "--allow-missing-key", description = "send a line without the separator as a record with no key, instead of stopping")
    private boolean allowMissingKey;
    @Option(names = "--partition", paramLabel = "N", description = "send every record to this partition (default: by key)")
    private Integer partition;
    @Option(names = "--acks", paramLabel = "WHO", converter = AcksConverter.class,
            description = "who holds a record before it is acknowledged: all (the owner and its synchronous backups) or owner "
                    + "(faster; one member's death may lose it) (default all)")
    private Acks acks;
    @Option(names = "--linger", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "how long a batch waits for more records, 0 to 10s (default 1ms)")
    private Duration linger;

    private ProducerConfig producerConfig;
    private boolean autoCreateTopics;

    ProduceCommand(LogCli cli) {
        super(cli);
    }

    @Override
    void prepare(GridConfig member) {
        topicName(topic);
        OptionCheck check = check();
        if (partition != null) {
            check.between("--partition", partition, 0, GridTopicConfig.MAX_PARTITIONS - 1);
        }
        if (keySeparator != null && keySeparator.isEmpty()) {
            throw check.error("--key-separator must not be empty");
        }
        if (allowMissingKey && keySeparator == null) {
            throw check.error("--allow-missing-key needs --key-separator (without it no line has a key)");
        }
        producerConfig = new ProducerConfig();
        if (acks != null) {
            producerConfig.setAcks(acks);
        }
        if (linger != null) {
            check.notNegative("--linger", linger);
            if (linger.compareTo(MAX_LINGER) > 0) {
                throw check.error("--linger must be at most 10s, was " + DurationText.format(linger));
            }
            producerConfig.setLinger(linger);
        }
        autoCreateTopics = member.getLog().isAutoCreateTopics();
    }

    @Override
    int run(GridLog log) {
        if (!autoCreateTopics && !log.topicNames().contains(topic)) {
            throw UnknownTopicException.of(topic);
        }
        ProduceSummary summary = new ProduceSummary(topic);
        Instant start = cli.clock().instant();
        AtomicBoolean reported = new AtomicBoolean();
        String refused;
        try (LogProducer producer = log.producer(producerConfig)) {
            StopSignal.Registration stop = cli.signal().register(() -> stopped(producer, summary, start, reported));
            try {
                refused = send(producer, summary);
                producer.flush();
            } finally {
                stop.close();
            }
        }
        try {
            summary.awaitSettled(SETTLE_WAIT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!reported.compareAndSet(false, true)) {
            return GridCommand.FAILED;
        }
        cli.err().println(spec.qualifiedName() + ": " + summary.line(Duration.between(start, cli.clock().instant())));
        if (summary.anyFailed()) {
            Throwable failure = unwrap(summary.firstFailure());
            cli.err().println(spec.qualifiedName() + ": the record of line " + summary.firstFailedLine() + " failed: "
                    + (failure.getMessage() != null ? failure.getMessage() : failure.toString()));
            if (verbose) {
                failure.printStackTrace(cli.err());
            }
            return GridCommand.FAILED;
        }
        if (refused != null) {
            cli.err().println(spec.qualifiedName() + ": " + refused);
            return GridCommand.FAILED;
        }
        return GridCommand.OK;
    }

    /** Sends a record per line until the input ends or a record failed; @return why it stopped at a line, or null */
    private String send(LogProducer producer, ProduceSummary summary) {
        BufferedReader lines = new BufferedReader(new InputStreamReader(cli.in(), StandardCharsets.UTF_8));
        long number = 0;
        try {
            for (String line = lines.readLine(); line != null && !summary.anyFailed(); line = lines.readLine()) {
                number++;
                ProducerRecord record = record(line);
                if (record == null) {
                    return "line " + number + " has no key separator \"" + keySeparator + "\"; stopped there, nothing of it sent "
                            + "(--allow-missing-key sends such a line with no key)";
                }
                send(producer, record, number, summary);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read standard input", e);
        }
        return null;
    }

    /** @return the record of a line, or null if it needs a key separator and has none */
    ProducerRecord record(String line) {
        String key = null;
        String value = line;
        if (keySeparator != null) {
            int at = line.indexOf(keySeparator);
            if (at >= 0) {
                key = line.substring(0, at);
                value = line.substring(at + keySeparator.length());
            } else if (!allowMissingKey) {
                return null;
            }
        }
        ProducerRecord record = ProducerRecord.of(topic, key, value);
        return partition == null ? record : record.toPartition(partition);
    }

    private static void send(LogProducer producer, ProducerRecord record, long line, ProduceSummary summary) {
        long bytes = (record.key() == null ? 0 : record.key().length) + record.value().length;
        summary.sent();
        try {
            producer.send(record).whenComplete((result, error) -> {
                if (error != null) {
                    summary.failed(line, error);
                } else {
                    summary.acknowledged(result, bytes);
                }
            });
        } catch (RuntimeException e) {
            summary.failed(line, e);
        }
    }

    /** Ctrl-C: sends what the producer holds, waits for it a while, and reports. */
    private int stopped(LogProducer producer, ProduceSummary summary, Instant start, AtomicBoolean reported) {
        Thread close = new Thread(producer::close, "grid-produce-close");
        close.setDaemon(true);
        close.start();
        try {
            close.join(STOP_WAIT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!reported.compareAndSet(false, true)) {
            return GridCommand.FAILED;
        }
        cli.err().println(spec.qualifiedName() + ": stopped by a signal; " + summary.line(Duration.between(start, cli.clock().instant())));
        cli.err().flush();
        return summary.allAcknowledged() ? GridCommand.OK : GridCommand.FAILED;
    }

    /** {@code all} or {@code owner}, in any case. */
    static final class AcksConverter implements ITypeConverter<Acks> {
        @Override
        public Acks convert(String value) {
            for (Acks acks : Acks.values()) {
                if (acks.name().equalsIgnoreCase(value.trim())) {
                    return acks;
                }
            }
            throw new TypeConversionException("must be all or owner, was \"" + value + "\"");
        }
    }
}
