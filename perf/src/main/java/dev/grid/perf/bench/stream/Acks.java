package dev.grid.perf.bench.stream;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/** Counts a run's appends as their acknowledgements come back, and keeps the first failure. */
final class Acks implements Consumer<Throwable> {
    private final AtomicLong acknowledged = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicReference<Throwable> firstError = new AtomicReference<>();

    @Override
    public void accept(Throwable error) {
        if (error == null) {
            acknowledged.incrementAndGet();
        } else {
            failed.incrementAndGet();
            firstError.compareAndSet(null, error);
        }
    }

    long acknowledged() {
        return acknowledged.get();
    }

    long failed() {
        return failed.get();
    }

    /** @return the first failure, as text, or null */
    String firstError() {
        Throwable e = firstError.get();
        return e == null ? null : e.toString();
    }

    /** @throws IllegalStateException if the {@code sent} appends have not all been answered within the timeout */
    void await(long sent, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (acknowledged.get() + failed.get() < sent) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(String.format("%d of %d appends unanswered after %s", sent - acknowledged.get() - failed.get(),
                        sent, timeout));
            }
            LockSupport.parkNanos(Duration.ofMillis(1).toNanos());
        }
    }
}
