package dev.grid.lock.impl.statemachine;

import java.util.UUID;

/**
 * Told by the state machine (on the Raft thread) when a waiting lock call ends. Every replica
 * applies the same entries, so every member hears of every ending; only the member holding the
 * caller's pending call answers it.
 */
public interface WaitListener {

    /** @param result the waiting call's final result: its fence, or a {@link LockResults} code */
    void waitEnded(UUID invocationUid, long result);

    /** The whole state was replaced by a snapshot: endings between the old and new state were never seen. */
    void stateReplaced();
}
