package dev.grid.stream.impl;

import javax.transaction.xa.Xid;
import java.io.Serial;
import java.io.Serializable;
import java.nio.ByteBuffer;
import java.util.Optional;

/**
 * The XA id of one transaction of the log sink: the job, the execution (a restart is a new execution), the sink's
 * vertex, the processor's global index and a sequence number per processor and execution. Ids are never reused, and
 * each says which job, vertex and processor made it, so that after a restart a processor finds, among the prepared
 * transactions the cluster's XA service lists, those of its job it must roll back ({@link #parse}).
 *
 * <p>Saved in Jet snapshots (Java serialization) and given to Hazelcast's XA service as the branch's {@link Xid}.
 */
record LogSinkTxnId(long jobId, long executionId, int vertexHash, int processorIndex, long sequence) implements Xid, Serializable {
    @Serial
    private static final long serialVersionUID = 1L;
    /** "GRLS": grid log sink. */
    static final int FORMAT_ID = 0x47524C53;
    private static final int GTRID_LENGTH = 8 + 8 + 4 + 4 + 8;
    private static final byte[] BRANCH = {1};

    static int vertexHash(String vertexName) {
        return vertexName.hashCode();
    }

    /** @return the sink transaction a prepared XA id is, or empty if it is another's (another format, a foreign branch) */
    static Optional<LogSinkTxnId> parse(Xid xid) {
        byte[] gtrid = xid.getGlobalTransactionId();
        if (xid.getFormatId() != FORMAT_ID || gtrid == null || gtrid.length != GTRID_LENGTH) {
            return Optional.empty();
        }
        ByteBuffer buffer = ByteBuffer.wrap(gtrid);
        return Optional.of(new LogSinkTxnId(buffer.getLong(), buffer.getLong(), buffer.getInt(), buffer.getInt(), buffer.getLong()));
    }

    /** @return whether this transaction belongs to the same job and sink vertex as {@code other} */
    boolean sameSink(LogSinkTxnId other) {
        return jobId == other.jobId && vertexHash == other.vertexHash;
    }

    @Override
    public int getFormatId() {
        return FORMAT_ID;
    }

    @Override
    public byte[] getGlobalTransactionId() {
        return ByteBuffer.allocate(GTRID_LENGTH).putLong(jobId).putLong(executionId).putInt(vertexHash).putInt(processorIndex)
                .putLong(sequence).array();
    }

    @Override
    public byte[] getBranchQualifier() {
        return BRANCH.clone();
    }

    @Override
    public String toString() {
        return "log sink transaction {job " + Long.toHexString(jobId) + ", execution " + Long.toHexString(executionId) + ", processor "
                + processorIndex + ", #" + sequence + "}";
    }
}
