package dev.grid.lock.impl.raft.model;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import dev.grid.lock.impl.GridLockDataSerializerHook;
import io.microraft.model.log.LogEntry;
import io.microraft.model.log.LogEntry.LogEntryBuilder;

import java.io.IOException;

/** A Raft log entry: index, term and the replicated operation. */
public final class LogEntryModel implements LogEntry, LogEntryBuilder, IdentifiedDataSerializable {
    private static final long serialVersionUID = 1L;

    private long index;
    private int term;
    private Object operation;

    @Override
    public long getIndex() {
        return index;
    }

    @Override
    public int getTerm() {
        return term;
    }

    @Override
    public Object getOperation() {
        return operation;
    }

    @Override
    public LogEntryBuilder setIndex(long index) {
        this.index = index;
        return this;
    }

    @Override
    public LogEntryBuilder setTerm(int term) {
        this.term = term;
        return this;
    }

    @Override
    public LogEntryBuilder setOperation(Object operation) {
        this.operation = operation;
        return this;
    }

    @Override
    public LogEntry build() {
        return this;
    }

    @Override
    public int getFactoryId() {
        return GridLockDataSerializerHook.F_ID;
    }

    @Override
    public int getClassId() {
        return GridLockDataSerializerHook.LOG_ENTRY;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
        out.writeLong(index);
        out.writeInt(term);
        out.writeObject(operation);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        index = in.readLong();
        term = in.readInt();
        operation = in.readObject();
    }

    @Override
    public String toString() {
        return "LogEntry{index=" + index + ", term=" + term + ", operation=" + operation + "}";
    }
}
