package dev.grid.server.impl.log;

import dev.grid.core.config.GridConfig;
import dev.grid.log.GridLog;
import dev.grid.log.PartitionLag;
import dev.grid.server.impl.GridCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.util.List;

/** {@code grid topic lag GROUP TOPIC}: how far a consumer group is behind, per partition. */
@Command(name = "lag", mixinStandardHelpOptions = true, header = "show how far a consumer group is behind in a topic",
        description = "Prints, per partition of the topic, the group's committed offset (the next record it will process; '-' "
                + "when it has committed none), the partition's high watermark and the lag between them (from the start offset "
                + "when nothing is committed), then the total.")
final class TopicLagCommand extends LogClientCommand {
    @Parameters(index = "0", paramLabel = "GROUP", description = "the consumer group")
    private String group;
    @Parameters(index = "1", paramLabel = "TOPIC", description = "the topic")
    private String topic;

    TopicLagCommand(LogCli cli) {
        super(cli);
    }

    @Override
    void prepare(GridConfig member) {
        groupName(group);
        topicName(topic);
    }

    @Override
    int run(GridLog log) {
        cli.out().print(format(group, topic, log.lag(group, topic)));
        cli.out().flush();
        return GridCommand.OK;
    }

    static String format(String group, String topic, List<PartitionLag> lags) {
        Table table = new Table("partition", "committed offset", "high watermark", "lag");
        long total = 0;
        for (PartitionLag lag : lags) {
            table.row(lag.partition(), lag.committedOffset() < 0 ? "-" : lag.committedOffset(), lag.highWatermark(), lag.lag());
            total += lag.lag();
        }
        return "group " + group + " on topic " + topic + ": lag " + total + "\n" + table.format("");
    }
}
