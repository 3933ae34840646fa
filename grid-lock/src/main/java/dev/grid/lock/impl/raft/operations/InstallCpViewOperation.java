package dev.grid.lock.impl.raft.operations;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import com.hazelcast.spi.impl.operationservice.Operation;
import dev.grid.lock.impl.CpService;
import dev.grid.lock.impl.GridLockDataSerializerHook;
import dev.grid.lock.impl.raft.CpGroupView;

import java.io.IOException;

/**
 * Gives a member the CP group's view: at formation, after a membership change, and to every member
 * that joins (as Hazelcast's post-join operation). A member listed in the view starts its Raft node.
 */
public final class InstallCpViewOperation extends Operation implements IdentifiedDataSerializable {
    private CpGroupView view;

    public InstallCpViewOperation() {
    }

    public InstallCpViewOperation(CpGroupView view) {
        this.view = view;
    }

    @Override
    public void run() {
        CpService service = getService();
        service.group().install(view);
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
        return GridLockDataSerializerHook.INSTALL_VIEW_OPERATION;
    }

    @Override
    protected void writeInternal(ObjectDataOutput out) throws IOException {
        view.writeData(out);
    }

    @Override
    protected void readInternal(ObjectDataInput in) throws IOException {
        view = new CpGroupView();
        view.readData(in);
    }
}
