package dev.grid.lock.impl.raft.model;

import io.microraft.model.RaftModelFactory;
import io.microraft.model.groupop.UpdateRaftGroupMembersOp.UpdateRaftGroupMembersOpBuilder;
import io.microraft.model.log.LogEntry.LogEntryBuilder;
import io.microraft.model.log.RaftGroupMembersView.RaftGroupMembersViewBuilder;
import io.microraft.model.log.SnapshotChunk.SnapshotChunkBuilder;
import io.microraft.model.log.SnapshotEntry.SnapshotEntryBuilder;
import io.microraft.model.message.AppendEntriesFailureResponse.AppendEntriesFailureResponseBuilder;
import io.microraft.model.message.AppendEntriesRequest.AppendEntriesRequestBuilder;
import io.microraft.model.message.AppendEntriesSuccessResponse.AppendEntriesSuccessResponseBuilder;
import io.microraft.model.message.InstallSnapshotRequest.InstallSnapshotRequestBuilder;
import io.microraft.model.message.InstallSnapshotResponse.InstallSnapshotResponseBuilder;
import io.microraft.model.message.PreVoteRequest.PreVoteRequestBuilder;
import io.microraft.model.message.PreVoteResponse.PreVoteResponseBuilder;
import io.microraft.model.message.TriggerLeaderElectionRequest.TriggerLeaderElectionRequestBuilder;
import io.microraft.model.message.VoteRequest.VoteRequestBuilder;
import io.microraft.model.message.VoteResponse.VoteResponseBuilder;
import io.microraft.model.persistence.RaftEndpointPersistentState.RaftEndpointPersistentStateBuilder;
import io.microraft.model.persistence.RaftTermPersistentState.RaftTermPersistentStateBuilder;

/**
 * Builds MicroRaft's models as grid's {@code IdentifiedDataSerializable} classes, so Raft messages
 * cross Hazelcast connections in a compact binary form instead of MicroRaft's default Java
 * serialization. Stateless and thread-safe.
 */
public final class GridRaftModelFactory implements RaftModelFactory {
    public static final GridRaftModelFactory INSTANCE = new GridRaftModelFactory();

    private GridRaftModelFactory() {
    }

    @Override
    public LogEntryBuilder createLogEntryBuilder() {
        return new LogEntryModel();
    }

    @Override
    public SnapshotEntryBuilder createSnapshotEntryBuilder() {
        return new SnapshotEntryModel();
    }

    @Override
    public SnapshotChunkBuilder createSnapshotChunkBuilder() {
        return new SnapshotChunkModel();
    }

    @Override
    public AppendEntriesRequestBuilder createAppendEntriesRequestBuilder() {
        return new AppendEntriesRequestModel();
    }

    @Override
    public AppendEntriesSuccessResponseBuilder createAppendEntriesSuccessResponseBuilder() {
        return new AppendEntriesSuccessResponseModel();
    }

    @Override
    public AppendEntriesFailureResponseBuilder createAppendEntriesFailureResponseBuilder() {
        return new AppendEntriesFailureResponseModel();
    }

    @Override
    public InstallSnapshotRequestBuilder createInstallSnapshotRequestBuilder() {
        return new InstallSnapshotRequestModel();
    }

    @Override
    public InstallSnapshotResponseBuilder createInstallSnapshotResponseBuilder() {
        return new InstallSnapshotResponseModel();
    }

    @Override
    public PreVoteRequestBuilder createPreVoteRequestBuilder() {
        return new PreVoteRequestModel();
    }

    @Override
    public PreVoteResponseBuilder createPreVoteResponseBuilder() {
        return new PreVoteResponseModel();
    }

    @Override
    public TriggerLeaderElectionRequestBuilder createTriggerLeaderElectionRequestBuilder() {
        return new TriggerLeaderElectionRequestModel();
    }

    @Override
    public VoteRequestBuilder createVoteRequestBuilder() {
        return new VoteRequestModel();
    }

    @Override
    public VoteResponseBuilder createVoteResponseBuilder() {
        return new VoteResponseModel();
    }

    @Override
    public UpdateRaftGroupMembersOpBuilder createUpdateRaftGroupMembersOpBuilder() {
        return new UpdateGroupMembersOpModel();
    }

    @Override
    public RaftGroupMembersViewBuilder createRaftGroupMembersViewBuilder() {
        return new GroupMembersViewModel();
    }

    @Override
    public RaftEndpointPersistentStateBuilder createRaftEndpointPersistentStateBuilder() {
        return new EndpointPersistentStateModel();
    }

    @Override
    public RaftTermPersistentStateBuilder createRaftTermPersistentStateBuilder() {
        return new TermPersistentStateModel();
    }
}
