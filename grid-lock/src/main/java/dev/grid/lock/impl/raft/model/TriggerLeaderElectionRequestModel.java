package dev.grid.lock.impl.raft.model;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import dev.grid.lock.impl.GridLockDataSerializerHook;
import io.microraft.RaftEndpoint;
import io.microraft.model.message.TriggerLeaderElectionRequest;
import io.microraft.model.message.TriggerLeaderElectionRequest.TriggerLeaderElectionRequestBuilder;

import java.io.IOException;

/** Leader to a follower during leadership transfer: start an election now. */
public final class TriggerLeaderElectionRequestModel extends AbstractRaftMessageModel implements TriggerLeaderElectionRequest, TriggerLeaderElectionRequestBuilder {
    private static final long serialVersionUID = 1L;

    private int lastLogTerm;
    private long lastLogIndex;

    @Override
    public int getLastLogTerm() {
        return lastLogTerm;
    }

    @Override
    public long getLastLogIndex() {
        return lastLogIndex;
    }

    @Override
    public TriggerLeaderElectionRequestBuilder setGroupId(Object groupId) {
        this.groupId = groupId;
        return this;
    }

    @Override
    public TriggerLeaderElectionRequestBuilder setSender(RaftEndpoint sender) {
        this.sender = sender;
        return this;
    }

    @Override
    public TriggerLeaderElectionRequestBuilder setTerm(int term) {
        this.term = term;
        return this;
    }

    @Override
    public TriggerLeaderElectionRequestBuilder setLastLogTerm(int lastLogTerm) {
        this.lastLogTerm = lastLogTerm;
        return this;
    }

    @Override
    public TriggerLeaderElectionRequestBuilder setLastLogIndex(long lastLogIndex) {
        this.lastLogIndex = lastLogIndex;
        return this;
    }

    @Override
    public TriggerLeaderElectionRequest build() {
        return this;
    }

    @Override
    public int getClassId() {
        return GridLockDataSerializerHook.TRIGGER_LEADER_ELECTION;
    }

    @Override
    protected void writeFields(ObjectDataOutput out) throws IOException {
        out.writeInt(lastLogTerm);
        out.writeLong(lastLogIndex);
    }

    @Override
    protected void readFields(ObjectDataInput in) throws IOException {
        lastLogTerm = in.readInt();
        lastLogIndex = in.readLong();
    }

    @Override
    public String toString() {
        return "TriggerLeaderElectionRequest{sender=" + sender + ", term=" + term + ", " + "lastLogTerm=" + lastLogTerm + ", " + "lastLogIndex=" + lastLogIndex + "}";
    }
}
