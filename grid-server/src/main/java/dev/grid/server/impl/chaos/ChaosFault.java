package dev.grid.server.impl.chaos;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** How a member is taken down in one round of {@code grid chaos}. */
public enum ChaosFault {
    /** SIGKILL, out of the blue. */
    KILL("kill", "SIGKILL"),
    /**
     * The member's packets to the other members are dropped for {@value #CUT_MILLIS} ms, longer than
     * the 5 s backup timeout (clients still reach it and get its answers), then SIGKILL, and its
     * kernel's connections are aborted: the backups it sent meanwhile die with it, as with a machine
     * that lost power. Its writes wait for confirmations that cannot come until the backup timeout
     * ends the wait: a member that then reports them as successes (Hazelcast's default) loses them
     * when it dies.
     */
    CUT_KILL("cut-kill", "its packets to the other members dropped for " + ChaosFault.CUT_MILLIS + " ms, then SIGKILL and its connections aborted");

    /** How long a member's links stay cut before it is killed. */
    public static final long CUT_MILLIS = 6_000;

    private final String option;
    private final String description;

    ChaosFault(String option, String description) {
        this.option = option;
        this.description = description;
    }

    String option() {
        return option;
    }

    String description() {
        return description;
    }

    boolean cutsLinks() {
        return this == CUT_KILL;
    }

    /** @return the faults named in a comma-separated list such as {@code kill,cut-kill} */
    static List<ChaosFault> parse(String list) {
        return Arrays.stream(list.split(",")).map(String::trim).map(name -> Arrays.stream(values())
                .filter(fault -> fault.option.equals(name.toLowerCase(Locale.ROOT))).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("--faults takes " + Arrays.stream(values()).map(f -> f.option)
                        .collect(Collectors.joining(", ")) + ", was '" + name + "'"))).toList();
    }
}
