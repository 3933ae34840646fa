package dev.grid.core.impl.backup;

import com.hazelcast.core.IndeterminateOperationStateException;
import com.hazelcast.core.MemberLeftException;
import com.hazelcast.spi.exception.TargetDisconnectedException;
import dev.grid.core.IndeterminateWriteException;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * What grid does with a write whose outcome is unknown: the owner may have applied it, but its
 * backups did not confirm it (Hazelcast's {@link IndeterminateOperationStateException}, a member
 * that left while the write ran, a connection lost while waiting for the answer). Such a write is
 * never a success. An idempotent write (applying it twice leaves what applying it once leaves) is
 * sent again, up to {@value #ATTEMPTS} times in all with a short back-off, until an attempt is
 * confirmed; any other write, and an idempotent one whose attempts all ended so, fails with
 * {@link IndeterminateWriteException} naming the map, the key and the operation.
 */
public final class IndeterminateWrites {
    /** Attempts of an idempotent write in all, the first one included. */
    public static final int ATTEMPTS = 5;
    private static final long FIRST_BACKOFF_MILLIS = 50;
    private static final Executor CALLER_RUNS = Runnable::run;
    private static final int MAX_REASON = 300;

    private IndeterminateWrites() {
    }

    /** @return whether the failure leaves the write's outcome unknown */
    public static boolean isIndeterminate(Throwable failure) {
        Throwable cause = unwrap(failure);
        return cause instanceof IndeterminateOperationStateException
                || cause instanceof MemberLeftException
                || cause instanceof TargetDisconnectedException;
    }

    /**
     * Runs an idempotent blocking write, again after an indeterminate outcome.
     *
     * @param write       one attempt
     * @param description the write, for the exception: {@code GridMap 'm': set of key 'k'}
     */
    public static <T> T retrying(Supplier<T> write, Supplier<String> description) {
        for (int attempt = 1; ; attempt++) {
            try {
                return write.get();
            } catch (RuntimeException e) {
                if (!isIndeterminate(e)) {
                    throw e;
                }
                if (attempt == ATTEMPTS) {
                    throw indeterminate(e, description, attempt);
                }
                pause(backoffMillis(attempt));
            }
        }
    }

    /**
     * Runs an idempotent asynchronous write, again after an indeterminate outcome. The returned
     * stage completes on the thread that completes the last attempt.
     */
    public static <T> CompletionStage<T> retryingAsync(Supplier<? extends CompletionStage<T>> write, Supplier<String> description) {
        CompletableFuture<T> result = new CompletableFuture<>();
        attempt(write, description, 1, result);
        return result;
    }

    private static <T> void attempt(Supplier<? extends CompletionStage<T>> write, Supplier<String> description, int attempt,
                                    CompletableFuture<T> result) {
        CompletionStage<T> stage;
        try {
            stage = write.get();
        } catch (RuntimeException e) {
            result.completeExceptionally(e);
            return;
        }
        stage.whenCompleteAsync((value, failure) -> {
            if (failure == null) {
                result.complete(value);
            } else if (!isIndeterminate(failure)) {
                result.completeExceptionally(unwrap(failure));
            } else if (attempt == ATTEMPTS) {
                result.completeExceptionally(indeterminate(failure, description, attempt));
            } else {
                CompletableFuture.delayedExecutor(backoffMillis(attempt), TimeUnit.MILLISECONDS, CALLER_RUNS)
                        .execute(() -> attempt(write, description, attempt + 1, result));
            }
        }, CALLER_RUNS);
    }

    /**
     * Translates the failure of a write that is not retried.
     *
     * @return {@link IndeterminateWriteException} for an indeterminate outcome, else the failure itself
     */
    public static RuntimeException translate(RuntimeException failure, Supplier<String> description) {
        return isIndeterminate(failure) ? indeterminate(failure, description, 1) : failure;
    }

    /** The async form of {@link #translate(RuntimeException, Supplier)}. */
    public static <T> CompletionStage<T> translating(CompletionStage<T> write, Supplier<String> description) {
        CompletableFuture<T> result = new CompletableFuture<>();
        write.whenCompleteAsync((value, failure) -> {
            if (failure == null) {
                result.complete(value);
            } else {
                Throwable cause = unwrap(failure);
                result.completeExceptionally(isIndeterminate(cause) ? indeterminate(cause, description, 1) : cause);
            }
        }, CALLER_RUNS);
        return result;
    }

    static IndeterminateWriteException indeterminate(Throwable failure, Supplier<String> description, int attempts) {
        Throwable cause = unwrap(failure);
        String tries = attempts == 1 ? "" : " (" + attempts + " attempts, each ended so)";
        String reason = String.valueOf(cause.getMessage());
        if (reason.length() > MAX_REASON) {
            reason = reason.substring(0, MAX_REASON) + "...";
        }
        return new IndeterminateWriteException(description.get() + " may or may not have been applied: its owner's "
                + "synchronous backups did not confirm it" + tries + " (" + cause.getClass().getSimpleName() + ": " + reason
                + "). It was not reported as a success; repeat it if repeating is harmless, or read the key", cause);
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static long backoffMillis(int attempt) {
        return FIRST_BACKOFF_MILLIS << (attempt - 1);
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to repeat an indeterminate write", e);
        }
    }
}
