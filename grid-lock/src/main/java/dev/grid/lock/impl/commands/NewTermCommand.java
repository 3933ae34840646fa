package dev.grid.lock.impl.commands;

import dev.grid.lock.impl.GridLockDataSerializerHook;
import dev.grid.lock.impl.statemachine.LockResults;
import dev.grid.lock.impl.statemachine.LockStateMachine;

/**
 * The first entry of every leader's term. Applying it gives every session a full TTL from the new
 * leader's time: no session expires because its heartbeats could not reach anyone during an election.
 */
public final class NewTermCommand extends TimedCommand {

    public NewTermCommand() {
    }

    public NewTermCommand(long now) {
        super(now);
    }

    @Override
    public Object applyTo(LockStateMachine stateMachine, long commitIndex) {
        return LockResults.OK;
    }

    @Override
    public int getClassId() {
        return GridLockDataSerializerHook.NEW_TERM_COMMAND;
    }

    @Override
    public String toString() {
        return "NewTerm{now=" + now() + "}";
    }
}
