package dev.grid.server.impl.log;

import java.io.InputStream;
import java.io.PrintStream;
import java.time.Clock;
import java.util.Objects;

/**
 * What the log's commands run with: standard input, output and error, how they reach the log, the clock that
 * {@code --since 10m} counts back from, and the stop signal.
 *
 * @param in        where {@code grid produce} reads records
 * @param out       where results go (records, tables)
 * @param err       where errors and summaries go
 * @param connector how the commands reach the cluster's log
 * @param clock     what "now" is
 * @param signal    Ctrl-C
 */
public record LogCli(InputStream in, PrintStream out, PrintStream err, LogConnector connector, Clock clock, StopSignal signal) {
    public LogCli {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(err, "err");
        Objects.requireNonNull(connector, "connector");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(signal, "signal");
    }

    /** @return the commands as {@code grid} runs them: a grid client, the system clock, a shutdown hook */
    public static LogCli of(InputStream in, PrintStream out, PrintStream err) {
        return new LogCli(in, out, err, LogConnector.CLIENT, Clock.systemUTC(), StopSignal.SHUTDOWN_HOOK);
    }
}
