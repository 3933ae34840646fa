package dev.grid.server.impl;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A command's options, parsed strictly: unknown, repeated or valueless options are errors. */
public final class CommandLine {
    private final Map<String, String> values;
    private final Set<String> flags;

    private CommandLine(Map<String, String> values, Set<String> flags) {
        this.values = values;
        this.flags = flags;
    }

    public static CommandLine parse(Command command, List<String> args) {
        Map<String, String> values = new HashMap<>();
        Set<String> flags = new HashSet<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--help") || arg.equals("-h")) {
                flags.add("--help");
            } else if (command.valueOptions().contains(arg)) {
                if (i + 1 >= args.size() || args.get(i + 1).startsWith("--")) {
                    throw new UsageException(arg + " needs a value");
                }
                if (values.put(arg, args.get(++i)) != null) {
                    throw new UsageException(arg + " is given twice");
                }
            } else if (command.flagOptions().contains(arg)) {
                if (!flags.add(arg)) {
                    throw new UsageException(arg + " is given twice");
                }
            } else {
                throw new UsageException("unknown option '" + arg + "'");
            }
        }
        return new CommandLine(values, flags);
    }

    public boolean help() {
        return flags.contains("--help");
    }

    public boolean flag(String name) {
        return flags.contains(name);
    }

    public Optional<String> value(String option) {
        return Optional.ofNullable(values.get(option));
    }
}
