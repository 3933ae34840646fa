package dev.grid.log.impl.group;

import com.hazelcast.internal.serialization.SerializationService;
import com.hazelcast.spi.impl.NodeEngine;
import com.hazelcast.spi.impl.operationservice.Operation;
import dev.grid.core.Grid;
import dev.grid.core.impl.EmbeddedGrid;
import dev.grid.log.impl.invoke.LogInvoker;
import dev.grid.log.impl.invoke.MemberCall;

import java.util.concurrent.CompletableFuture;

/** A {@link LogInvoker} of an embedded member, for tests: operations invoked on partition owners from that member. */
public final class MemberInvoker implements LogInvoker {
    private final NodeEngine nodeEngine;

    public MemberInvoker(Grid member) {
        this.nodeEngine = EmbeddedGrid.nodeEngine(member.hazelcast());
    }

    @Override
    public <T> CompletableFuture<T> onPartition(int partitionId, Operation operation) {
        CompletableFuture<T> answer = new CompletableFuture<>();
        nodeEngine.getOperationService().<T>invokeOnPartition(operation.getServiceName(), operation, partitionId)
                .whenCompleteAsync((value, failure) -> {
                    if (failure != null) {
                        answer.completeExceptionally(failure);
                    } else {
                        answer.complete(value);
                    }
                }, Runnable::run);
        return answer;
    }

    @Override
    public <T> CompletableFuture<T> onMember(MemberCall<T> call) {
        return call.run(nodeEngine);
    }

    @Override
    public int partitionId(String name) {
        return nodeEngine.getPartitionService().getPartitionId(name);
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
