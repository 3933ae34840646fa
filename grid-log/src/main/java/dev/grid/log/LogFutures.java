package dev.grid.log;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Waits for a log call's answer and rethrows its failure as the member threw it. */
final class LogFutures {
    private LogFutures() {
    }

    static <T> T join(CompletableFuture<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LogException("interrupted while waiting for the log", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof CompletionException && cause.getCause() != null) {
                cause = cause.getCause();
            }
            if (cause instanceof RuntimeException runtime) {
                runtime.addSuppressed(new LogException("waited here"));
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new LogException(String.valueOf(cause), cause);
        }
    }
}
