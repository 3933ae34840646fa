package dev.grid.lock.impl;

import com.hazelcast.internal.serialization.DataSerializerHook;
import com.hazelcast.nio.serialization.DataSerializableFactory;
import dev.grid.core.spi.ModuleIds;
import dev.grid.core.spi.SerializableTypes;
import dev.grid.lock.impl.commands.AcquireCommand;
import dev.grid.lock.impl.commands.CreateSessionCommand;
import dev.grid.lock.impl.commands.DescribeLocksQuery;
import dev.grid.lock.impl.commands.DestroyLockCommand;
import dev.grid.lock.impl.commands.LeaveGroupCommand;
import dev.grid.lock.impl.commands.NewTermCommand;
import dev.grid.lock.impl.commands.OwnershipQuery;
import dev.grid.lock.impl.commands.ReleaseCommand;
import dev.grid.lock.impl.commands.SessionCommand;
import dev.grid.lock.impl.commands.TickCommand;
import dev.grid.lock.impl.raft.CpGroupView;
import dev.grid.lock.impl.raft.CpRedirect;
import dev.grid.lock.impl.raft.model.AppendEntriesFailureResponseModel;
import dev.grid.lock.impl.raft.model.AppendEntriesRequestModel;
import dev.grid.lock.impl.raft.model.AppendEntriesSuccessResponseModel;
import dev.grid.lock.impl.raft.model.CpEndpoint;
import dev.grid.lock.impl.raft.model.GridCpGroupId;
import dev.grid.lock.impl.raft.model.GroupMembersViewModel;
import dev.grid.lock.impl.raft.model.InstallSnapshotRequestModel;
import dev.grid.lock.impl.raft.model.InstallSnapshotResponseModel;
import dev.grid.lock.impl.raft.model.LogEntryModel;
import dev.grid.lock.impl.raft.model.PreVoteRequestModel;
import dev.grid.lock.impl.raft.model.PreVoteResponseModel;
import dev.grid.lock.impl.raft.model.SnapshotChunkModel;
import dev.grid.lock.impl.raft.model.SnapshotEntryModel;
import dev.grid.lock.impl.raft.model.TriggerLeaderElectionRequestModel;
import dev.grid.lock.impl.raft.model.UpdateGroupMembersOpModel;
import dev.grid.lock.impl.raft.model.VoteRequestModel;
import dev.grid.lock.impl.raft.model.VoteResponseModel;
import dev.grid.lock.impl.raft.operations.GetCpViewOperation;
import dev.grid.lock.impl.raft.operations.InstallCpViewOperation;
import dev.grid.lock.impl.raft.operations.RaftInvokeOperation;
import dev.grid.lock.impl.raft.operations.RaftMessageOperation;
import dev.grid.lock.impl.statemachine.LockOwnership;
import dev.grid.lock.impl.statemachine.LocksDescription;
import dev.grid.lock.impl.statemachine.LocksSnapshot;
import dev.grid.lock.impl.statemachine.SessionsSnapshot;

/**
 * Every {@code IdentifiedDataSerializable} class of grid-lock, with its class id, in one place:
 * MicroRaft's models, the CP group's Hazelcast operations, the state machine's commands, results
 * and snapshot chunks. Its factory id is {@link ModuleIds#LOCK}'s (-7301), movable with the system
 * property {@code grid.serialization.lock.factory.id} should it clash with another library's.
 * Never reuse or renumber an id once released: members of different versions must agree on them.
 */
public final class GridLockDataSerializerHook implements DataSerializerHook {
    public static final int F_ID = ModuleIds.LOCK.factoryId();

    // Raft models (MicroRaft)
    public static final int ENDPOINT = 1;
    public static final int GROUP_ID = 2;
    public static final int LOG_ENTRY = 3;
    public static final int SNAPSHOT_CHUNK = 4;
    public static final int SNAPSHOT_ENTRY = 5;
    public static final int GROUP_MEMBERS_VIEW = 6;
    public static final int UPDATE_GROUP_MEMBERS_OP = 7;
    public static final int APPEND_ENTRIES_REQUEST = 8;
    public static final int APPEND_ENTRIES_SUCCESS = 9;
    public static final int APPEND_ENTRIES_FAILURE = 10;
    public static final int INSTALL_SNAPSHOT_REQUEST = 11;
    public static final int INSTALL_SNAPSHOT_RESPONSE = 12;
    public static final int PRE_VOTE_REQUEST = 13;
    public static final int PRE_VOTE_RESPONSE = 14;
    public static final int VOTE_REQUEST = 15;
    public static final int VOTE_RESPONSE = 16;
    public static final int TRIGGER_LEADER_ELECTION = 17;
    // Hazelcast operations of the CP group, and what they carry
    public static final int RAFT_MESSAGE_OPERATION = 20;
    public static final int RAFT_INVOKE_OPERATION = 21;
    public static final int INSTALL_VIEW_OPERATION = 22;
    public static final int GET_VIEW_OPERATION = 23;
    public static final int CP_GROUP_VIEW = 24;
    public static final int CP_REDIRECT = 25;
    // state machine commands
    public static final int NEW_TERM_COMMAND = 30;
    public static final int TICK_COMMAND = 31;
    public static final int CREATE_SESSION_COMMAND = 32;
    public static final int SESSION_COMMAND = 33;
    public static final int ACQUIRE_COMMAND = 34;
    public static final int RELEASE_COMMAND = 35;
    public static final int DESTROY_LOCK_COMMAND = 36;
    public static final int OWNERSHIP_QUERY = 37;
    public static final int LEAVE_GROUP_COMMAND = 38;
    public static final int DESCRIBE_LOCKS_QUERY = 39;
    // state machine results and snapshot chunks
    public static final int LOCK_OWNERSHIP = 40;
    public static final int SESSIONS_SNAPSHOT = 41;
    public static final int LOCKS_SNAPSHOT = 42;
    public static final int LOCKS_DESCRIPTION = 43;


    @Override
    public int getFactoryId() {
        return F_ID;
    }

    @Override
    public DataSerializableFactory createFactory() {
        return new SerializableTypes("grid-lock", F_ID)
                .add(ENDPOINT, CpEndpoint::new)
                .add(GROUP_ID, GridCpGroupId::new)
                .add(LOG_ENTRY, LogEntryModel::new)
                .add(SNAPSHOT_CHUNK, SnapshotChunkModel::new)
                .add(SNAPSHOT_ENTRY, SnapshotEntryModel::new)
                .add(GROUP_MEMBERS_VIEW, GroupMembersViewModel::new)
                .add(UPDATE_GROUP_MEMBERS_OP, UpdateGroupMembersOpModel::new)
                .add(APPEND_ENTRIES_REQUEST, AppendEntriesRequestModel::new)
                .add(APPEND_ENTRIES_SUCCESS, AppendEntriesSuccessResponseModel::new)
                .add(APPEND_ENTRIES_FAILURE, AppendEntriesFailureResponseModel::new)
                .add(INSTALL_SNAPSHOT_REQUEST, InstallSnapshotRequestModel::new)
                .add(INSTALL_SNAPSHOT_RESPONSE, InstallSnapshotResponseModel::new)
                .add(PRE_VOTE_REQUEST, PreVoteRequestModel::new)
                .add(PRE_VOTE_RESPONSE, PreVoteResponseModel::new)
                .add(VOTE_REQUEST, VoteRequestModel::new)
                .add(VOTE_RESPONSE, VoteResponseModel::new)
                .add(TRIGGER_LEADER_ELECTION, TriggerLeaderElectionRequestModel::new)
                .add(RAFT_MESSAGE_OPERATION, RaftMessageOperation::new)
                .add(RAFT_INVOKE_OPERATION, RaftInvokeOperation::new)
                .add(INSTALL_VIEW_OPERATION, InstallCpViewOperation::new)
                .add(GET_VIEW_OPERATION, GetCpViewOperation::new)
                .add(CP_GROUP_VIEW, CpGroupView::new)
                .add(CP_REDIRECT, CpRedirect::new)
                .add(NEW_TERM_COMMAND, NewTermCommand::new)
                .add(TICK_COMMAND, TickCommand::new)
                .add(CREATE_SESSION_COMMAND, CreateSessionCommand::new)
                .add(SESSION_COMMAND, SessionCommand::new)
                .add(ACQUIRE_COMMAND, AcquireCommand::new)
                .add(RELEASE_COMMAND, ReleaseCommand::new)
                .add(DESTROY_LOCK_COMMAND, DestroyLockCommand::new)
                .add(OWNERSHIP_QUERY, OwnershipQuery::new)
                .add(LEAVE_GROUP_COMMAND, LeaveGroupCommand::new)
                .add(DESCRIBE_LOCKS_QUERY, DescribeLocksQuery::new)
                .add(LOCK_OWNERSHIP, LockOwnership::new)
                .add(SESSIONS_SNAPSHOT, SessionsSnapshot::new)
                .add(LOCKS_SNAPSHOT, LocksSnapshot::new)
                .add(LOCKS_DESCRIPTION, LocksDescription::new)
                .factory();
    }
}
