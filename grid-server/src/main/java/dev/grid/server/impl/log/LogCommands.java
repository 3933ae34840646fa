package dev.grid.server.impl.log;

import picocli.CommandLine;

import java.util.List;

/** The log's commands: {@code grid topic ...}, {@code grid produce} and {@code grid consume}. */
public final class LogCommands {
    private LogCommands() {
    }

    /**
     * @param cli what the commands run with
     * @return the command lines to add to {@code grid}'s
     */
    public static List<CommandLine> commandLines(LogCli cli) {
        CommandLine topic = new CommandLine(new TopicCommand(cli));
        for (Object command : List.of(new TopicCreateCommand(cli), new TopicListCommand(cli), new TopicDescribeCommand(cli),
                new TopicDeleteCommand(cli), new TopicLagCommand(cli))) {
            topic.addSubcommand(command);
        }
        return List.of(topic, new CommandLine(new ProduceCommand(cli)), new CommandLine(new ConsumeCommand(cli)));
    }
}
