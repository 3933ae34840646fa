package dev.grid.server;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The writes a resource accepted, in the order it accepted them, each with the fence of the lock
 * holder that made it, and the check fencing must guarantee: for every key, every accepted write
 * carries a fence at least as high as the previous accepted write's fence (a holder may write a key
 * several times with its fence; a lower fence means a holder that lost the lock wrote after its
 * successor).
 */
final class FencedWriteHistory {
    private final List<Write> writes = new ArrayList<>();

    /** One write: who made it, with which fence, and whether the resource accepted it. */
    record Write(String writer, String key, String value, long fence, boolean accepted) {
        @Override
        public String toString() {
            return writer + " wrote " + key + "=" + value + " with fence " + fence + (accepted ? " (accepted)" : " (rejected)");
        }
    }

    synchronized void write(String writer, String key, String value, long fence, boolean accepted) {
        writes.add(new Write(writer, key, value, fence, accepted));
    }

    synchronized List<Write> writes() {
        return List.copyOf(writes);
    }

    /** @return the violations found, empty if every key's accepted writes have non-decreasing fences */
    synchronized List<String> violations() {
        List<String> violations = new ArrayList<>();
        Map<String, Write> lastAccepted = new HashMap<>();
        for (Write write : writes) {
            if (!write.accepted()) {
                continue;
            }
            Write previous = lastAccepted.get(write.key());
            if (previous != null && write.fence() < previous.fence()) {
                violations.add("stale write accepted: " + write + " after " + previous);
            }
            lastAccepted.put(write.key(), write);
        }
        return violations;
    }
}
