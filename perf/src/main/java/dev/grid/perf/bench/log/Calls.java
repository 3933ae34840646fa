package dev.grid.perf.bench.log;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Blocking client calls with a deadline: a call that never answers (a lost reply; a blocking join cannot be
 * interrupted) fails the run with a message naming it instead of hanging the benchmark. The call runs on a daemon
 * thread of its own, left behind if it never returns.
 */
final class Calls {
    private Calls() {
    }

    /**
     * @return the call's result
     * @throws IllegalStateException naming {@code what} if it did not answer within {@code timeout}
     */
    static <T> T within(Duration timeout, String what, Supplier<T> call) {
        CompletableFuture<T> result = CompletableFuture.supplyAsync(call, task -> {
            Thread thread = new Thread(task, "grid-bench-call");
            thread.setDaemon(true);
            thread.start();
        });
        return get(result, timeout, what);
    }

    /**
     * @return the future's result
     * @throws IllegalStateException naming {@code what} if it did not complete within {@code timeout}
     */
    static <T> T get(CompletableFuture<T> future, Duration timeout, String what) {
        try {
            return future.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException(what + " did not answer within " + timeout.toSeconds() + " s");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(what + " failed: " + cause, cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + what, e);
        }
    }
}
