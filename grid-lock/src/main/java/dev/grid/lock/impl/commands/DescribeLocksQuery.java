package dev.grid.lock.impl.commands;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import dev.grid.lock.impl.GridLockDataSerializerHook;
import dev.grid.lock.impl.statemachine.LockStateMachine;

/** Every held lock with its holder, fence and queue: a linearizable query on the leader, no log entry. Answers a LocksDescription. */
public final class DescribeLocksQuery extends CpCommand {

    public DescribeLocksQuery() {
    }

    @Override
    public Object applyTo(LockStateMachine stateMachine, long commitIndex) {
        return stateMachine.describe();
    }

    @Override
    public boolean isQuery() {
        return true;
    }

    @Override
    public int getClassId() {
        return GridLockDataSerializerHook.DESCRIBE_LOCKS_QUERY;
    }

    @Override
    public void writeData(ObjectDataOutput out) {
        // no fields
    }

    @Override
    public void readData(ObjectDataInput in) {
        // no fields
    }

    @Override
    public String toString() {
        return "DescribeLocks{}";
    }
}
