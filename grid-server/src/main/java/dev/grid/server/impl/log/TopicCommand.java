package dev.grid.server.impl.log;

import dev.grid.core.config.DurationText;
import dev.grid.core.config.GridTopicConfig;
import dev.grid.server.cli.ByteSizeConverter;
import dev.grid.server.impl.GridCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code grid topic}: the commands that manage the log's topics ({@code create}, {@code list}, {@code describe}, {@code delete}, {@code lag}). */
@Command(name = "topic", mixinStandardHelpOptions = true, synopsisSubcommandLabel = "COMMAND",
        header = "create, list, describe and delete the log's topics; show a consumer group's lag",
        description = {
                "Manages the topics of grid's log as a client of the cluster the --config file describes (its clusterName, "
                        + "network.members and security.secret, or the GRID_SECRET environment variable), as 'grid partitions' does.",
                "",
                "  grid topic create orders --partitions 8 --retention 7d",
                "  grid topic list",
                "  grid topic describe orders",
                "  grid topic lag billing orders",
                "  grid topic delete orders"})
public final class TopicCommand implements Callable<Integer> {
    private final LogCli cli;
    @Spec
    private CommandSpec spec;

    TopicCommand(LogCli cli) {
        this.cli = cli;
    }

    /** {@code grid topic} without a command: the usage, as bad input. */
    @Override
    public Integer call() {
        cli.err().print(spec.commandLine().getUsageMessage());
        return GridCommand.USAGE;
    }

    /**
     * @return a topic's settings as the options of {@code grid topic create} write them:
     *         {@code partitions=8 retention=7d retention-bytes=none segment-bytes=64m max-record-bytes=1m timestamp-type=create_time}
     */
    static String settings(GridTopicConfig topic) {
        return "partitions=" + topic.getPartitions()
                + " retention=" + DurationText.format(topic.getRetention())
                + " retention-bytes=" + (topic.getRetentionBytes() < 0 ? "none" : ByteSizeConverter.format(topic.getRetentionBytes()))
                + " segment-bytes=" + ByteSizeConverter.format(topic.getSegmentBytes())
                + " max-record-bytes=" + ByteSizeConverter.format(topic.getMaxRecordBytes())
                + " timestamp-type=" + topic.getTimestampType().name().toLowerCase(Locale.ROOT);
    }
}
