package dev.grid.core.impl.map;

import com.hazelcast.internal.util.UUIDSerializationUtil;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;

import java.io.IOException;
import java.util.UUID;

/**
 * A transaction's lock on one key, held in a partition replica's {@link TxnLockTable}: the
 * transaction's id, when the lock's lease ends, and, once the transaction is prepared, the write it
 * will make at commit (so that a backup promoted to owner can commit it). Immutable.
 */
public final class TxnLock {
    private final UUID txnId;
    private final long expiresAt;
    private final boolean prepared;
    private final TxnWrite write;
    private final byte[] value;

    private TxnLock(UUID txnId, long expiresAt, boolean prepared, TxnWrite write, byte[] value) {
        this.txnId = txnId;
        this.expiresAt = expiresAt;
        this.prepared = prepared;
        this.write = write;
        this.value = value;
    }

    /** @return a lock just taken, not prepared */
    public static TxnLock acquired(UUID txnId, long expiresAt) {
        return new TxnLock(txnId, expiresAt, false, TxnWrite.LOCK_ONLY, null);
    }

    /** @return a prepared lock carrying the write its transaction will commit */
    public static TxnLock prepared(UUID txnId, long expiresAt, TxnWrite write, byte[] value) {
        return new TxnLock(txnId, expiresAt, true, write, value);
    }

    /** @return this lock with its lease ending at {@code expiresAt} */
    public TxnLock extendedTo(long newExpiresAt) {
        return new TxnLock(txnId, Math.max(expiresAt, newExpiresAt), prepared, write, value);
    }

    public UUID txnId() {
        return txnId;
    }

    public long expiresAt() {
        return expiresAt;
    }

    public boolean isPrepared() {
        return prepared;
    }

    public TxnWrite write() {
        return write;
    }

    /** @return the value a prepared PUT will store, or null */
    public byte[] value() {
        return value;
    }

    public boolean isHeldBy(UUID transaction) {
        return txnId.equals(transaction);
    }

    /** @return whether the lease ended: another transaction or a plain write may then take the key */
    public boolean isExpired(long now) {
        return now >= expiresAt;
    }

    public void writeTo(ObjectDataOutput out) throws IOException {
        UUIDSerializationUtil.writeUUID(out, txnId);
        out.writeLong(expiresAt);
        out.writeBoolean(prepared);
        out.writeByte(write.code());
        out.writeByteArray(value);
    }

    public static TxnLock readFrom(ObjectDataInput in) throws IOException {
        UUID txnId = UUIDSerializationUtil.readUUID(in);
        long expiresAt = in.readLong();
        boolean prepared = in.readBoolean();
        TxnWrite write = TxnWrite.ofCode(in.readByte());
        byte[] value = in.readByteArray();
        return new TxnLock(txnId, expiresAt, prepared, write, value);
    }

    @Override
    public String toString() {
        return "TxnLock{txn=" + txnId + ", expiresAt=" + expiresAt + (prepared ? ", prepared " + write : "") + "}";
    }
}
