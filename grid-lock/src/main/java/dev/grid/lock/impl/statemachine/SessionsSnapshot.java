package dev.grid.lock.impl.statemachine;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import dev.grid.lock.impl.GridLockDataSerializerHook;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** The first chunk of a snapshot: the state machine's clock, its counters and every session. */
public final class SessionsSnapshot implements IdentifiedDataSerializable {
    long now;
    long acquires;
    long waits;
    long sessionExpiries;
    List<Session> sessions = new ArrayList<>();

    public SessionsSnapshot() {
    }

    @Override
    public int getFactoryId() {
        return GridLockDataSerializerHook.F_ID;
    }

    @Override
    public int getClassId() {
        return GridLockDataSerializerHook.SESSIONS_SNAPSHOT;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
        out.writeLong(now);
        out.writeLong(acquires);
        out.writeLong(waits);
        out.writeLong(sessionExpiries);
        out.writeInt(sessions.size());
        for (Session session : sessions) {
            session.writeTo(out);
        }
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        now = in.readLong();
        acquires = in.readLong();
        waits = in.readLong();
        sessionExpiries = in.readLong();
        int size = in.readInt();
        sessions = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            sessions.add(Session.readFrom(in));
        }
    }

    @Override
    public String toString() {
        return "SessionsSnapshot{sessions=" + sessions.size() + "}";
    }
}
