package dev.grid.lock.impl.raft.operations;

import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import com.hazelcast.spi.impl.operationservice.Operation;
import dev.grid.lock.impl.CpService;
import dev.grid.lock.impl.GridLockDataSerializerHook;

/** Asks a member for the CP group view it holds (null before formation). */
public final class GetCpViewOperation extends Operation implements IdentifiedDataSerializable {
    private Object view;

    public GetCpViewOperation() {
    }

    @Override
    public void run() {
        CpService service = getService();
        view = service.group().view();
    }

    @Override
    public Object getResponse() {
        return view;
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
        return GridLockDataSerializerHook.GET_VIEW_OPERATION;
    }
}
