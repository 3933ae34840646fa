package dev.grid.server.impl.log;

import dev.grid.core.config.GridConfig;
import dev.grid.log.GridLog;
import dev.grid.log.PartitionInfo;
import dev.grid.log.TopicDescription;
import dev.grid.server.impl.GridCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code grid topic describe NAME}: a topic's settings and, per partition, where it lives and its offsets. */
@Command(name = "describe", mixinStandardHelpOptions = true, header = "show a topic's settings and its partitions' owners and offsets",
        description = {
                "Prints the topic's settings, then a line per partition: its cluster partition (which decides its owner and "
                        + "backups), the owner's address, its start offset (the oldest record kept), its high watermark (what "
                        + "readers see: every in-sync replica holds the records below it), its end offset on the owner (records "
                        + "between the two wait for backups), and the bytes and segment files it takes on the owner."})
final class TopicDescribeCommand extends LogClientCommand {
    @Parameters(index = "0", paramLabel = "NAME", description = "the topic")
    private String name;

    TopicDescribeCommand(LogCli cli) {
        super(cli);
    }

    @Override
    void prepare(GridConfig member) {
        topicName(name);
    }

    @Override
    int run(GridLog log) {
        cli.out().print(format(log.describeTopic(name)));
        cli.out().flush();
        return GridCommand.OK;
    }

    static String format(TopicDescription topic) {
        Table table = new Table("partition", "cluster partition", "owner", "start offset", "high watermark", "end offset", "size", "segments");
        long bytes = 0;
        for (PartitionInfo p : topic.partitions()) {
            table.row(p.partition(), p.clusterPartition(), p.owner() == null ? "(none)" : p.owner(), p.startOffset(), p.highWatermark(),
                    p.endOffset(), p.sizeBytes(), p.segments());
            bytes += p.sizeBytes();
        }
        return "topic " + topic.name() + ": " + topic.config().getPartitions() + " partitions, " + topic.records() + " records, "
                + bytes + " bytes on the owners\n"
                + "settings: " + TopicCommand.settings(topic.config()) + "\n"
                + table.format("");
    }
}
