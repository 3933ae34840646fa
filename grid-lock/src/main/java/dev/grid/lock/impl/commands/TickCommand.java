package dev.grid.lock.impl.commands;

import dev.grid.lock.impl.GridLockDataSerializerHook;
import dev.grid.lock.impl.statemachine.LockResults;
import dev.grid.lock.impl.statemachine.LockStateMachine;

/**
 * Moves the state machine's time forward when nothing else does: the leader replicates one when a
 * session expiry or a wait timeout is due. Expiring is done by every timed command before it
 * applies, so this one has nothing else to do.
 */
public final class TickCommand extends TimedCommand {

    public TickCommand() {
    }

    @Override
    public Object applyTo(LockStateMachine stateMachine, long commitIndex) {
        return LockResults.OK;
    }

    @Override
    public int getClassId() {
        return GridLockDataSerializerHook.TICK_COMMAND;
    }

    @Override
    public String toString() {
        return "Tick{now=" + now() + "}";
    }
}
