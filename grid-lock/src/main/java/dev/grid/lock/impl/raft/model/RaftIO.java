package dev.grid.lock.impl.raft.model;

import com.hazelcast.internal.util.UUIDSerializationUtil;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import io.microraft.RaftEndpoint;
import io.microraft.model.log.LogEntry;
import io.microraft.model.log.RaftGroupMembersView;
import io.microraft.model.log.SnapshotChunk;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Writes and reads the pieces Raft models share, inline and without type headers: endpoints as
 * their UUID, the group id as name and id, nested entries and member views field by field.
 * Operations inside log entries and snapshot chunks go through Hazelcast's serialization (they
 * are grid's own {@code IdentifiedDataSerializable} commands).
 */
final class RaftIO {
    private RaftIO() {
    }

    static void writeEndpoint(ObjectDataOutput out, RaftEndpoint endpoint) throws IOException {
        UUIDSerializationUtil.writeUUID(out, ((CpEndpoint) endpoint).uuid());
    }

    static RaftEndpoint readEndpoint(ObjectDataInput in) throws IOException {
        return CpEndpoint.of(UUIDSerializationUtil.readUUID(in));
    }

    static void writeNullableEndpoint(ObjectDataOutput out, RaftEndpoint endpoint) throws IOException {
        out.writeBoolean(endpoint != null);
        if (endpoint != null) {
            writeEndpoint(out, endpoint);
        }
    }

    static RaftEndpoint readNullableEndpoint(ObjectDataInput in) throws IOException {
        return in.readBoolean() ? readEndpoint(in) : null;
    }

    static void writeEndpoints(ObjectDataOutput out, Collection<RaftEndpoint> endpoints) throws IOException {
        out.writeInt(endpoints.size());
        for (RaftEndpoint endpoint : endpoints) {
            writeEndpoint(out, endpoint);
        }
    }

    static List<RaftEndpoint> readEndpoints(ObjectDataInput in) throws IOException {
        int size = in.readInt();
        List<RaftEndpoint> endpoints = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            endpoints.add(readEndpoint(in));
        }
        return endpoints;
    }

    static void writeGroupId(ObjectDataOutput out, Object groupId) throws IOException {
        ((GridCpGroupId) groupId).writeData(out);
    }

    static Object readGroupId(ObjectDataInput in) throws IOException {
        GridCpGroupId groupId = new GridCpGroupId();
        groupId.readData(in);
        return groupId;
    }

    static void writeMembersView(ObjectDataOutput out, RaftGroupMembersView view) throws IOException {
        ((GroupMembersViewModel) view).writeData(out);
    }

    static RaftGroupMembersView readMembersView(ObjectDataInput in) throws IOException {
        GroupMembersViewModel view = new GroupMembersViewModel();
        view.readData(in);
        return view;
    }

    static void writeLogEntries(ObjectDataOutput out, List<LogEntry> entries) throws IOException {
        out.writeInt(entries.size());
        for (LogEntry entry : entries) {
            ((LogEntryModel) entry).writeData(out);
        }
    }

    static List<LogEntry> readLogEntries(ObjectDataInput in) throws IOException {
        int size = in.readInt();
        List<LogEntry> entries = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            LogEntryModel entry = new LogEntryModel();
            entry.readData(in);
            entries.add(entry);
        }
        return entries;
    }

    static void writeNullableChunk(ObjectDataOutput out, SnapshotChunk chunk) throws IOException {
        out.writeBoolean(chunk != null);
        if (chunk != null) {
            ((SnapshotChunkModel) chunk).writeData(out);
        }
    }

    static SnapshotChunk readNullableChunk(ObjectDataInput in) throws IOException {
        if (!in.readBoolean()) {
            return null;
        }
        SnapshotChunkModel chunk = new SnapshotChunkModel();
        chunk.readData(in);
        return chunk;
    }
}
