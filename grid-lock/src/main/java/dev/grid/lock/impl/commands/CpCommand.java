package dev.grid.lock.impl.commands;

import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import dev.grid.lock.impl.GridLockDataSerializerHook;
import dev.grid.lock.impl.statemachine.LockStateMachine;

/**
 * A command of the CP group: replicated through the Raft log and applied to the
 * {@link LockStateMachine} on every replica (or, for a query, run on the leader only).
 */
public abstract class CpCommand implements IdentifiedDataSerializable {

    /** Applies the command; runs on the Raft thread of every replica, in log order. */
    public abstract Object applyTo(LockStateMachine stateMachine, long commitIndex);

    /** @return true for read-only commands answered by a linearizable query instead of a log entry */
    public boolean isQuery() {
        return false;
    }

    @Override
    public final int getFactoryId() {
        return GridLockDataSerializerHook.F_ID;
    }
}
