package dev.grid.log.impl.producer;

import com.hazelcast.internal.serialization.SerializationService;
import com.hazelcast.spi.impl.operationservice.Operation;
import dev.grid.log.impl.invoke.LogInvoker;
import dev.grid.log.impl.invoke.MemberCall;

import java.util.concurrent.CompletableFuture;

/** Passes every call to the invoker it wraps; tests override what they put faults or checks on. */
abstract class ForwardingInvoker implements LogInvoker {
    private final LogInvoker delegate;

    ForwardingInvoker(LogInvoker delegate) {
        this.delegate = delegate;
    }

    @Override
    public <T> CompletableFuture<T> onPartition(int partitionId, Operation operation) {
        return delegate.onPartition(partitionId, operation);
    }

    @Override
    public <T> CompletableFuture<T> onMember(MemberCall<T> call) {
        return delegate.onMember(call);
    }

    @Override
    public int partitionId(String name) {
        return delegate.partitionId(name);
    }

    @Override
    public int partitionCount() {
        return delegate.partitionCount();
    }

    @Override
    public SerializationService serialization() {
        return delegate.serialization();
    }

    @Override
    public boolean isClient() {
        return delegate.isClient();
    }
}
