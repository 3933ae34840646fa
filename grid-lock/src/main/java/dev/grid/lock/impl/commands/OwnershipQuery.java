package dev.grid.lock.impl.commands;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import dev.grid.lock.impl.GridLockDataSerializerHook;
import dev.grid.lock.impl.statemachine.LockStateMachine;

import java.io.IOException;

/** Who holds a lock: a linearizable query on the leader, no log entry. Answers a LockOwnership. */
public final class OwnershipQuery extends CpCommand {
    private String name;

    public OwnershipQuery() {
    }

    public OwnershipQuery(String name) {
        this.name = name;
    }

    @Override
    public Object applyTo(LockStateMachine stateMachine, long commitIndex) {
        return stateMachine.ownership(name);
    }

    @Override
    public boolean isQuery() {
        return true;
    }

    @Override
    public int getClassId() {
        return GridLockDataSerializerHook.OWNERSHIP_QUERY;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
        out.writeString(name);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        name = in.readString();
    }

    @Override
    public String toString() {
        return "Ownership{" + name + "}";
    }
}
