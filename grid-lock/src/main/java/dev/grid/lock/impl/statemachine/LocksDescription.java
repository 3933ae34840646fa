package dev.grid.lock.impl.statemachine;

import com.hazelcast.internal.util.UUIDSerializationUtil;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import dev.grid.lock.impl.GridLockDataSerializerHook;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The answer to a describe query: every held lock, its holder, fence and queue, at the state machine's time. */
public final class LocksDescription implements IdentifiedDataSerializable {
    long now;
    final List<Entry> entries = new ArrayList<>();

    public LocksDescription() {
    }

    LocksDescription(long now) {
        this.now = now;
    }

    /** @return the state machine's time (the leader-stamped time of the last command applied) */
    public long now() {
        return now;
    }

    public List<Entry> entries() {
        return entries;
    }

    /** A thread of a session's owner. */
    public record Owner(long sessionId, UUID owner, String ownerName, long threadId) {
        void writeTo(ObjectDataOutput out) throws IOException {
            out.writeLong(sessionId);
            out.writeBoolean(owner != null);
            if (owner != null) {
                UUIDSerializationUtil.writeUUID(out, owner);
            }
            out.writeString(ownerName);
            out.writeLong(threadId);
        }

        static Owner readFrom(ObjectDataInput in) throws IOException {
            long sessionId = in.readLong();
            UUID owner = in.readBoolean() ? UUIDSerializationUtil.readUUID(in) : null;
            return new Owner(sessionId, owner, in.readString(), in.readLong());
        }
    }

    /** One held lock. */
    public static final class Entry {
        public final String name;
        public final long fence;
        public final int count;
        public final Owner holder;
        public final long acquiredAt;
        public final List<Owner> waiters = new ArrayList<>();
        public final List<Long> waitingSince = new ArrayList<>();

        Entry(String name, long fence, int count, Owner holder, long acquiredAt) {
            this.name = name;
            this.fence = fence;
            this.count = count;
            this.holder = holder;
            this.acquiredAt = acquiredAt;
        }
    }

    @Override
    public int getFactoryId() {
        return GridLockDataSerializerHook.F_ID;
    }

    @Override
    public int getClassId() {
        return GridLockDataSerializerHook.LOCKS_DESCRIPTION;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
        out.writeLong(now);
        out.writeInt(entries.size());
        for (Entry entry : entries) {
            out.writeString(entry.name);
            out.writeLong(entry.fence);
            out.writeInt(entry.count);
            entry.holder.writeTo(out);
            out.writeLong(entry.acquiredAt);
            out.writeInt(entry.waiters.size());
            for (int i = 0; i < entry.waiters.size(); i++) {
                entry.waiters.get(i).writeTo(out);
                out.writeLong(entry.waitingSince.get(i));
            }
        }
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        now = in.readLong();
        int size = in.readInt();
        for (int i = 0; i < size; i++) {
            Entry entry = new Entry(in.readString(), in.readLong(), in.readInt(), Owner.readFrom(in), in.readLong());
            int waiters = in.readInt();
            for (int w = 0; w < waiters; w++) {
                entry.waiters.add(Owner.readFrom(in));
                entry.waitingSince.add(in.readLong());
            }
            entries.add(entry);
        }
    }

    @Override
    public String toString() {
        return "LocksDescription{locks=" + entries.size() + "}";
    }
}
