package dev.grid.lock.impl.commands;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import dev.grid.lock.impl.GridLockDataSerializerHook;
import dev.grid.lock.impl.statemachine.LockStateMachine;

import java.io.IOException;

/** FencedLock.destroy(): drops the lock's state; its waiters are woken with DESTROYED. */
public final class DestroyLockCommand extends TimedCommand {
    private String name;

    public DestroyLockCommand() {
    }

    public DestroyLockCommand(String name) {
        this.name = name;
    }

    @Override
    public Object applyTo(LockStateMachine stateMachine, long commitIndex) {
        return stateMachine.destroy(name);
    }

    @Override
    public int getClassId() {
        return GridLockDataSerializerHook.DESTROY_LOCK_COMMAND;
    }

    @Override
    protected void writeFields(ObjectDataOutput out) throws IOException {
        out.writeString(name);
    }

    @Override
    protected void readFields(ObjectDataInput in) throws IOException {
        name = in.readString();
    }

    @Override
    public String toString() {
        return "DestroyLock{" + name + "}";
    }
}
