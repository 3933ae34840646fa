package dev.grid.log.impl.invoke;

import com.hazelcast.internal.serialization.SerializationService;
import com.hazelcast.spi.impl.operationservice.Operation;

import java.util.concurrent.CompletableFuture;

/**
 * How grid-log's API reaches the cluster, the same on members and clients: an operation runs on the owner of
 * a cluster partition (a member invokes it there; a client sends the operation itself, serialized, to the
 * owner through grid-log's client messages, see {@code dev.grid.log.impl.client}), and a {@link MemberCall}
 * runs on any member. Answers complete on the thread that receives them: callers must not block in callbacks.
 * Failures arrive as the member threw them (grid-log's exceptions are rebuilt on clients).
 */
public interface LogInvoker {

    /**
     * @param partitionId the cluster partition whose owner runs the operation (on that partition's thread)
     * @param operation   one of grid-log's operations that implements {@link ClientRoutable}
     * @return the operation's response
     */
    <T> CompletableFuture<T> onPartition(int partitionId, Operation operation);

    /** @return the call's answer, from whichever member ran it */
    <T> CompletableFuture<T> onMember(MemberCall<T> call);

    /** @return the cluster partition of a name (Hazelcast's partitioning of the serialized string) */
    int partitionId(String name);

    /** @return the cluster's partition count */
    int partitionCount();

    /** @return the serialization service of this member or client */
    SerializationService serialization();

    /** @return true on a client */
    boolean isClient();
}
