package dev.grid.perf;

import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.concurrent.ThreadLocalRandom;

/**
 * A benchmark thread's position in the precomputed {@link KeySequence}; each thread starts at a
 * random place, so several threads do not walk the same keys in step.
 */
@State(Scope.Thread)
public class KeyCursor {
    private int next;

    @Setup
    public void start() {
        next = ThreadLocalRandom.current().nextInt(KeySequence.LENGTH);
    }

    /** @return the next position (any int: {@link KeySequence#indexAt(int)} wraps it) */
    int next() {
        return next++;
    }
}
