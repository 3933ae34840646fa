package dev.grid.lock.impl.raft.operations;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import com.hazelcast.spi.impl.operationservice.CallStatus;
import com.hazelcast.spi.impl.operationservice.Offload;
import com.hazelcast.spi.impl.operationservice.Operation;
import dev.grid.lock.impl.CpService;
import dev.grid.lock.impl.GridLockDataSerializerHook;
import dev.grid.lock.impl.commands.CpCommand;

import java.io.IOException;

/**
 * A CP call sent to the member believed to lead the group. The member serves it asynchronously
 * (offloaded: the operation thread is free at once, and Hazelcast's operation heartbeats keep the
 * caller waiting however long a lock call waits) and answers the state machine's result or a
 * {@link dev.grid.lock.impl.raft.CpRedirect}.
 */
public final class RaftInvokeOperation extends Operation implements IdentifiedDataSerializable {
    private CpCommand command;

    public RaftInvokeOperation() {
    }

    public RaftInvokeOperation(CpCommand command) {
        this.command = command;
    }

    @Override
    public CallStatus call() {
        CpService service = getService();
        return new Offload(this) {
            @Override
            public void start() {
                service.group().invokeLocal(command).whenComplete((answer, error) -> {
                    if (!service.group().isShutDown()) { // else the caller learns that this member left
                        sendResponse(error != null ? error : answer);
                    }
                });
            }
        };
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
        return GridLockDataSerializerHook.RAFT_INVOKE_OPERATION;
    }

    @Override
    protected void writeInternal(ObjectDataOutput out) throws IOException {
        out.writeObject(command);
    }

    @Override
    protected void readInternal(ObjectDataInput in) throws IOException {
        command = in.readObject();
    }

    @Override
    protected void toString(StringBuilder sb) {
        sb.append(", command=").append(command);
    }
}
