package dev.grid.perf.bench.targets;

import java.util.Locale;

/** How the harness reaches grid members. */
public enum Mode {
    /** The harness's JVM is one of the members; the others are separate JVMs. */
    EMBEDDED,
    /** Every member is a separate JVM (or an existing cluster, {@code --address}); the harness is a client. */
    CLIENT;

    /** @return the name used on the command line and in results */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @param text {@code embedded} or {@code client}
     * @throws IllegalArgumentException naming the text otherwise
     */
    public static Mode parse(String text) {
        for (Mode mode : values()) {
            if (mode.label().equalsIgnoreCase(text.trim())) {
                return mode;
            }
        }
        throw new IllegalArgumentException("must be embedded or client, was '" + text + "'");
    }
}
