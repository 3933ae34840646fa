package dev.grid.server.impl.log;

import dev.grid.core.config.GridConfig;
import dev.grid.core.config.GridTopicConfig;
import dev.grid.core.config.GridTopicConfig.TimestampType;
import dev.grid.log.GridLog;
import dev.grid.log.TopicDescription;
import dev.grid.log.TopicExistsException;
import dev.grid.server.cli.ByteSizeConverter;
import dev.grid.server.cli.DurationConverter;
import dev.grid.server.cli.OptionCheck;
import dev.grid.server.impl.GridCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.TypeConversionException;

import java.time.Duration;
import java.util.Locale;

/** {@code grid topic create NAME}: creates a topic with the settings given, the rest from {@code grid.log} of the config. */
@Command(name = "create", mixinStandardHelpOptions = true, header = "create a topic",
        description = {
                "Creates a topic. A setting not given comes from the config's grid.log.topics.NAME, else the defaults "
                        + "(grid.log.defaultPartitions, 7 days, no size limit, 64m segments, records up to 1m, create_time). "
                        + "A topic's settings are fixed once it exists.",
                "",
                "Sizes are bytes, or a number with k, m, g or t (powers of 1024); durations are written as in grid.yaml (12h, 7d)."})
final class TopicCreateCommand extends LogClientCommand {
    private static final int MIN_SEGMENT_BYTES = 4096;
    private static final int MAX_SEGMENT_BYTES = 1 << 30;
    private static final int MIN_RECORD_BYTES = 64;
    private static final int MAX_RECORD_BYTES = 16 << 20;

    @Parameters(index = "0", paramLabel = "NAME", description = "the topic: letters, digits, '.', '_' and '-'")
    private String name;
    @Option(names = "--partitions", paramLabel = "N",
            description = "partitions, 1 to " + GridTopicConfig.MAX_PARTITIONS + " (default: grid.log.defaultPartitions, 8)")
    private Integer partitions;
    @Option(names = "--retention", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "how long records are kept: a segment whose newest record is older is deleted (default 7d)")
    private Duration retention;
    @Option(names = "--retention-bytes", paramLabel = "SIZE", converter = ByteSizeConverter.class,
            description = "the most bytes each partition keeps, oldest segments deleted first (default: no limit)")
    private Long retentionBytes;
    @Option(names = "--segment-bytes", paramLabel = "SIZE", converter = ByteSizeConverter.class,
            description = "size at which a partition's segment file rolls, 4k to 1g (default 64m)")
    private Long segmentBytes;
    @Option(names = "--max-record-bytes", paramLabel = "SIZE", converter = ByteSizeConverter.class,
            description = "the largest record accepted, 64 to 16m, at most --segment-bytes (default 1m)")
    private Long maxRecordBytes;
    @Option(names = "--timestamp-type", paramLabel = "TYPE", converter = TimestampTypes.class,
            description = "create_time (the producer's timestamp, else the append time) or log_append_time (always the owner's "
                    + "clock) (default create_time)")
    private TimestampType timestampType;
    @Option(names = "--if-not-exists", description = "succeed when the topic exists already (its settings are left as they are)")
    private boolean ifNotExists;

    private GridTopicConfig topic;

    TopicCreateCommand(LogCli cli) {
        super(cli);
    }

    @Override
    void prepare(GridConfig member) {
        topic = member.getLog().defaultTopic(topicName(name));
        OptionCheck check = check();
        if (partitions != null) {
            topic.setPartitions((int) check.between("--partitions", partitions, 1, GridTopicConfig.MAX_PARTITIONS));
        }
        if (retention != null) {
            topic.setRetention(check.positive("--retention", retention));
        }
        if (retentionBytes != null) {
            topic.setRetentionBytes(check.positive("--retention-bytes", retentionBytes));
        }
        if (segmentBytes != null) {
            topic.setSegmentBytes((int) check.between("--segment-bytes", segmentBytes, MIN_SEGMENT_BYTES, MAX_SEGMENT_BYTES));
        }
        if (maxRecordBytes != null) {
            topic.setMaxRecordBytes((int) check.between("--max-record-bytes", maxRecordBytes, MIN_RECORD_BYTES, MAX_RECORD_BYTES));
        }
        if (timestampType != null) {
            topic.setTimestampType(timestampType);
        }
        if (topic.getMaxRecordBytes() > topic.getSegmentBytes()) {
            throw check.error("--max-record-bytes (" + ByteSizeConverter.format(topic.getMaxRecordBytes()) + ") must be at most --segment-bytes ("
                    + ByteSizeConverter.format(topic.getSegmentBytes()) + ")");
        }
    }

    @Override
    int run(GridLog log) {
        TopicDescription created;
        try {
            created = log.createTopic(topic);
        } catch (TopicExistsException e) {
            if (!ifNotExists) {
                throw e;
            }
            cli.out().println("topic " + name + " exists already; left as it is (--if-not-exists)");
            return GridCommand.OK;
        }
        cli.out().println("created topic " + created.name() + ": " + TopicCommand.settings(created.config()));
        return GridCommand.OK;
    }

    /** {@code create_time} or {@code log_append_time}, in any case, with '-' or '_'. */
    static final class TimestampTypes implements ITypeConverter<TimestampType> {
        @Override
        public TimestampType convert(String value) {
            try {
                return TimestampType.valueOf(value.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException("must be create_time or log_append_time, was \"" + value + "\"");
            }
        }
    }
}
