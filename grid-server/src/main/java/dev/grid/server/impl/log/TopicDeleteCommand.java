package dev.grid.server.impl.log;

import dev.grid.core.config.GridConfig;
import dev.grid.log.GridLog;
import dev.grid.log.UnknownTopicException;
import dev.grid.server.impl.GridCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code grid topic delete NAME}: deletes a topic and every replica's files. */
@Command(name = "delete", mixinStandardHelpOptions = true, header = "delete a topic and its records",
        description = "Deletes the topic and the segment files of every replica of its partitions. Its records cannot be read again.")
final class TopicDeleteCommand extends LogClientCommand {
    @Parameters(index = "0", paramLabel = "NAME", description = "the topic")
    private String name;
    @Option(names = "--if-exists", description = "succeed when there is no such topic")
    private boolean ifExists;

    TopicDeleteCommand(LogCli cli) {
        super(cli);
    }

    @Override
    void prepare(GridConfig member) {
        topicName(name);
    }

    @Override
    int run(GridLog log) {
        if (log.deleteTopic(name)) {
            cli.out().println("deleted topic " + name);
            return GridCommand.OK;
        }
        if (ifExists) {
            cli.out().println("topic " + name + " does not exist; nothing deleted (--if-exists)");
            return GridCommand.OK;
        }
        throw new UnknownTopicException("topic " + name + " does not exist ('grid topic list' lists the topics)");
    }
}
