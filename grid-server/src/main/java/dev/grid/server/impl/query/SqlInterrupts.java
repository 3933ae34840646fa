package dev.grid.server.impl.query;

import org.jline.terminal.Terminal;
import org.jline.utils.Signals;

/**
 * Where {@code grid sql} hears Ctrl-C while a statement runs: the terminal's INT signal in the shell, the JVM's
 * SIGINT otherwise ({@code -e}, scripts). Tests press it themselves, without a terminal.
 */
interface SqlInterrupts {
    /**
     * Runs {@code action} on each Ctrl-C until the registration is closed, instead of what Ctrl-C did before.
     *
     * @return the registration; closing it restores the earlier handling
     */
    Registration onInterrupt(Runnable action);

    /** A handler in place; {@link #close()} removes it. */
    interface Registration extends AutoCloseable {
        @Override
        void close();
    }

    /** @return Ctrl-C of the JLine terminal the shell reads from */
    static SqlInterrupts of(Terminal terminal) {
        return action -> {
            Terminal.SignalHandler previous = terminal.handle(Terminal.Signal.INT, signal -> action.run());
            return () -> terminal.handle(Terminal.Signal.INT, previous);
        };
    }

    /**
     * @return the JVM's SIGINT (through JLine's signal registration, which restores the previous handler); a second
     * Ctrl-C while the first one's cancel has not ended the statement exits the JVM with code 130
     */
    static SqlInterrupts jvm() {
        return action -> {
            java.util.concurrent.atomic.AtomicInteger presses = new java.util.concurrent.atomic.AtomicInteger();
            Object previous = Signals.register("INT", () -> {
                if (presses.incrementAndGet() == 1) {
                    action.run();
                } else {
                    System.exit(SqlCommand.CANCELLED);
                }
            });
            return () -> {
                if (previous != null) {
                    Signals.unregister("INT", previous);
                }
            };
        };
    }
}
