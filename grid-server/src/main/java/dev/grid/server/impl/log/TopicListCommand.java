package dev.grid.server.impl.log;

import dev.grid.log.GridLog;
import dev.grid.server.impl.GridCommand;
import picocli.CommandLine.Command;

/** {@code grid topic list}: the cluster's topics, one name a line. */
@Command(name = "list", mixinStandardHelpOptions = true, header = "list the topics, one name a line",
        description = "Prints the name of every topic of the cluster's log, sorted, one a line (nothing when there is none).")
final class TopicListCommand extends LogClientCommand {
    TopicListCommand(LogCli cli) {
        super(cli);
    }

    @Override
    int run(GridLog log) {
        StringBuilder names = new StringBuilder();
        for (String name : log.topicNames()) {
            names.append(name).append('\n');
        }
        cli.out().print(names);
        cli.out().flush();
        return GridCommand.OK;
    }
}
