package dev.grid.lock.impl.statemachine;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import dev.grid.lock.impl.GridLockDataSerializerHook;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** A chunk of a snapshot holding up to {@link LockStateMachine#LOCKS_PER_CHUNK} locks with their holders and queues. */
public final class LocksSnapshot implements IdentifiedDataSerializable {
    List<LockState> locks = new ArrayList<>();

    public LocksSnapshot() {
    }

    @Override
    public int getFactoryId() {
        return GridLockDataSerializerHook.F_ID;
    }

    @Override
    public int getClassId() {
        return GridLockDataSerializerHook.LOCKS_SNAPSHOT;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
        out.writeInt(locks.size());
        for (LockState lock : locks) {
            lock.writeTo(out);
        }
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        int size = in.readInt();
        locks = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            locks.add(LockState.readFrom(in));
        }
    }

    @Override
    public String toString() {
        return "LocksSnapshot{locks=" + locks.size() + "}";
    }
}
