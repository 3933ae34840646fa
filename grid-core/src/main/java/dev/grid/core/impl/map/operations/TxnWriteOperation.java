package dev.grid.core.impl.map.operations;

import com.hazelcast.internal.nio.IOUtil;
import com.hazelcast.internal.serialization.Data;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import dev.grid.core.impl.map.PartitionStore;
import dev.grid.core.impl.map.TxnWrite;

import java.io.IOException;
import java.util.UUID;

/** A transaction's operation that carries the write it makes to the key at commit. */
public abstract class TxnWriteOperation extends TxnKeyOperation {
    protected TxnWrite write;
    /** The value a PUT stores; null otherwise. */
    protected Data value;

    protected TxnWriteOperation() {
    }

    protected TxnWriteOperation(String name, Data key, UUID txnId, TxnWrite write, Data value) {
        super(name, key, txnId);
        this.write = write;
        this.value = value;
    }

    /**
     * Applies the write to this replica's store, counting it in the map's statistics on the owner only.
     *
     * @return whether the store changed (or may have)
     */
    protected final boolean applyWrite(byte[] keyBytes, boolean owner) {
        long start = System.nanoTime();
        switch (write) {
            case PUT:
                store().set(keyBytes, value.toByteArray());
                if (owner) {
                    container().recordPut(System.nanoTime() - start);
                }
                return true;
            case REMOVE:
                PartitionStore store = storeOrNull();
                boolean removed = store != null && store.remove(keyBytes) != null;
                if (owner) {
                    container().recordRemove(System.nanoTime() - start);
                }
                return removed;
            default:
                return false;
        }
    }

    @Override
    protected void writeInternal(ObjectDataOutput out) throws IOException {
        super.writeInternal(out);
        out.writeByte(write.code());
        out.writeBoolean(value != null);
        if (value != null) {
            IOUtil.writeData(out, value);
        }
    }

    @Override
    protected void readInternal(ObjectDataInput in) throws IOException {
        super.readInternal(in);
        write = TxnWrite.ofCode(in.readByte());
        value = in.readBoolean() ? IOUtil.readData(in) : null;
    }

    @Override
    protected void toString(StringBuilder sb) {
        super.toString(sb);
        sb.append(", write=").append(write);
    }
}
