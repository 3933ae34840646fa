package dev.grid.lock.impl.proxy;

import dev.grid.core.GridException;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Joins the futures of lock calls, throwing what the call failed with rather than a wrapper. */
final class Futures {
    private Futures() {
    }

    static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            throw unwrap(e.getCause() != null ? e.getCause() : e);
        }
    }

    static <T> T get(CompletableFuture<T> future) throws InterruptedException {
        try {
            return future.get();
        } catch (ExecutionException e) {
            throw unwrap(e.getCause() != null ? e.getCause() : e);
        }
    }

    static <T> T get(CompletableFuture<T> future, long timeout, TimeUnit unit) throws InterruptedException, TimeoutException {
        try {
            return future.get(timeout, unit);
        } catch (ExecutionException e) {
            throw unwrap(e.getCause() != null ? e.getCause() : e);
        }
    }

    static RuntimeException unwrap(Throwable t) {
        if (t instanceof CompletionException && t.getCause() != null) {
            return unwrap(t.getCause());
        }
        if (t instanceof RuntimeException) {
            return (RuntimeException) t;
        }
        if (t instanceof Error) {
            throw (Error) t;
        }
        return new GridException("lock call failed: " + t, t);
    }
}
