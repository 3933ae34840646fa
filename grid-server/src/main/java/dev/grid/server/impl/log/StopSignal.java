package dev.grid.server.impl.log;

import java.util.function.IntSupplier;

/**
 * Ctrl-C (SIGINT) or SIGTERM while a command runs. The command registers what to do, such as close its consumer
 * so the group rebalances at once, and unregisters it when it ends by itself. Tests send the signal by hand.
 */
@FunctionalInterface
public interface StopSignal {
    /**
     * A JVM shutdown hook: runs the action and then halts the JVM with the exit code the action returns (so that
     * a command stopped on purpose exits 0, not 130 or 143, as {@code grid start} does).
     */
    StopSignal SHUTDOWN_HOOK = onStop -> {
        Thread hook = new Thread(() -> {
            int code = onStop.getAsInt();
            System.out.flush();
            System.err.flush();
            Runtime.getRuntime().halt(code);
        }, "grid-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        return () -> {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook runs already: it ends the JVM
            }
        };
    };

    /**
     * @param onStop runs when the signal comes, on a thread of its own, and returns the exit code
     * @return unregisters it
     */
    Registration register(IntSupplier onStop);

    /** Unregisters the action; idempotent. */
    @FunctionalInterface
    interface Registration extends AutoCloseable {
        @Override
        void close();
    }
}
