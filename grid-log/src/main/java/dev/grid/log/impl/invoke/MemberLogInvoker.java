package dev.grid.log.impl.invoke;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.internal.serialization.SerializationService;
import com.hazelcast.spi.impl.NodeEngine;
import com.hazelcast.spi.impl.operationservice.Operation;

import java.util.concurrent.CompletableFuture;

/** A member's way to the cluster: Hazelcast invocations on partitions; member calls run here. */
public final class MemberLogInvoker implements LogInvoker {
    private final NodeEngine nodeEngine;
    private final HazelcastInstance hazelcast;

    public MemberLogInvoker(NodeEngine nodeEngine) {
        this.nodeEngine = nodeEngine;
        this.hazelcast = nodeEngine.getHazelcastInstance();
    }

    @Override
    public <T> CompletableFuture<T> onPartition(int partitionId, Operation operation) {
        return nodeEngine.getOperationService().invokeOnPartition(operation.getServiceName(), operation, partitionId);
    }

    @Override
    public <T> CompletableFuture<T> onMember(MemberCall<T> call) {
        return call.run(nodeEngine);
    }

    @Override
    public int partitionId(String name) {
        return hazelcast.getPartitionService().getPartition(name).getPartitionId();
    }

    @Override
    public int partitionCount() {
        return nodeEngine.getPartitionService().getPartitionCount();
    }

    @Override
    public SerializationService serialization() {
        return nodeEngine.getSerializationService();
    }

    @Override
    public boolean isClient() {
        return false;
    }
}
