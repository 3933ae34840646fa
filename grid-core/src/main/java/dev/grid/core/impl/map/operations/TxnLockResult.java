package dev.grid.core.impl.map.operations;

import com.hazelcast.internal.util.UUIDSerializationUtil;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import dev.grid.core.impl.GridCoreDataSerializerHook;

import java.io.IOException;
import java.util.UUID;

/**
 * The answer to {@link TxnLockAndGetOperation}: either the lock was taken (with the key's committed
 * value), or another transaction holds it (its id, and how long its lease still runs).
 */
public final class TxnLockResult implements IdentifiedDataSerializable {
    private boolean acquired;
    private byte[] value;
    private UUID holder;
    private long holderLeaseMillis;

    public TxnLockResult() {
    }

    private TxnLockResult(boolean acquired, byte[] value, UUID holder, long holderLeaseMillis) {
        this.acquired = acquired;
        this.value = value;
        this.holder = holder;
        this.holderLeaseMillis = holderLeaseMillis;
    }

    static TxnLockResult acquired(byte[] committedValue) {
        return new TxnLockResult(true, committedValue, null, 0);
    }

    static TxnLockResult heldBy(UUID holder, long leaseMillis) {
        return new TxnLockResult(false, null, holder, leaseMillis);
    }

    public boolean isAcquired() {
        return acquired;
    }

    /** @return the key's committed value bytes when the lock was taken, or null if absent */
    public byte[] value() {
        return value;
    }

    /** @return the transaction holding the lock, when not acquired */
    public UUID holder() {
        return holder;
    }

    /** @return how long the holder's lease still ran, when not acquired */
    public long holderLeaseMillis() {
        return holderLeaseMillis;
    }

    @Override
    public int getFactoryId() {
        return GridCoreDataSerializerHook.F_ID;
    }

    @Override
    public int getClassId() {
        return GridCoreDataSerializerHook.TXN_LOCK_RESULT;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
        out.writeBoolean(acquired);
        out.writeByteArray(value);
        UUIDSerializationUtil.writeUUID(out, holder);
        out.writeLong(holderLeaseMillis);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        acquired = in.readBoolean();
        value = in.readByteArray();
        holder = UUIDSerializationUtil.readUUID(in);
        holderLeaseMillis = in.readLong();
    }
}
