package dev.grid.lock.impl.raft.operations;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import com.hazelcast.spi.impl.operationservice.Operation;
import dev.grid.lock.impl.CpService;
import dev.grid.lock.impl.GridLockDataSerializerHook;
import io.microraft.model.message.RaftMessage;

import java.io.IOException;

/**
 * A Raft message from one CP member to another, sent without a response (Raft answers with its own
 * messages). Runs on a generic operation thread and only hands the message to the Raft node.
 */
public final class RaftMessageOperation extends Operation implements IdentifiedDataSerializable {
    private RaftMessage message;

    public RaftMessageOperation() {
    }

    public RaftMessageOperation(RaftMessage message) {
        this.message = message;
    }

    @Override
    public void run() {
        CpService service = getService();
        service.group().handle(message);
    }

    @Override
    public boolean returnsResponse() {
        return false;
    }

    @Override
    public String getServiceName() {
        return CpService.SERVICE_NAME;
    }

    @Override
    public int getFactoryId() {
        return GridLockDataSerializerHook.F_ID;
    }

    @Override
    public int getClassId() {
        return GridLockDataSerializerHook.RAFT_MESSAGE_OPERATION;
    }

    @Override
    protected void writeInternal(ObjectDataOutput out) throws IOException {
        out.writeObject(message);
    }

    @Override
    protected void readInternal(ObjectDataInput in) throws IOException {
        message = in.readObject();
    }

    @Override
    protected void toString(StringBuilder sb) {
        sb.append(", message=").append(message);
    }
}
