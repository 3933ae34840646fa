package dev.grid.log.impl.group;

import dev.grid.core.spi.ModuleIds;
import dev.grid.core.spi.SerializableTypes;

/** The serializable types of consumer groups: class ids 100 to 149 of grid-log's factory. */
public final class GroupSerialization {
    static final int F_ID = ModuleIds.LOG.factoryId();

    static final int JOIN = 100;
    static final int HEARTBEAT = 101;
    static final int LEAVE = 102;
    static final int COMMIT = 103;
    static final int FETCH_OFFSETS = 104;
    static final int DESCRIBE = 105;
    static final int BACKUP = 106;
    static final int REPLICATION = 107;
    static final int RECORD = 108;
    static final int ASSIGNMENT_RESPONSE = 109;
    static final int COMMITTED_OFFSETS = 110;
    static final int GROUP_DESCRIPTION = 111;
    static final int TXN_OFFSETS = 112;
    static final int TXN_OFFSETS_RECORD = 113;
    // 114 to 149: free for consumer groups

    private GroupSerialization() {
    }

    public static SerializableTypes addTo(SerializableTypes types) {
        return types
                .add(JOIN, JoinGroupOperation::new)
                .add(HEARTBEAT, HeartbeatOperation::new)
                .add(LEAVE, LeaveGroupOperation::new)
                .add(COMMIT, CommitOffsetsOperation::new)
                .add(FETCH_OFFSETS, FetchOffsetsOperation::new)
                .add(DESCRIBE, DescribeGroupOperation::new)
                .add(BACKUP, GroupBackupOperation::new)
                .add(REPLICATION, GroupReplicationOperation::new)
                .add(RECORD, GroupRecord::new)
                .add(ASSIGNMENT_RESPONSE, AssignmentResponse::new)
                .add(COMMITTED_OFFSETS, CommittedOffsets::new)
                .add(GROUP_DESCRIPTION, GroupDescription::new)
                .add(TXN_OFFSETS, TxnOffsetsOperation::new)
                .add(TXN_OFFSETS_RECORD, GroupOffsetsTxnRecord::new);
    }
}
