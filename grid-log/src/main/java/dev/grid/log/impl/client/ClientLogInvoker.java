package dev.grid.log.impl.client;

import com.hazelcast.client.UndefinedErrorCodeException;
import com.hazelcast.client.impl.clientside.HazelcastClientInstanceImpl;
import com.hazelcast.client.impl.protocol.ClientMessage;
import com.hazelcast.client.impl.spi.impl.ClientInvocation;
import com.hazelcast.internal.serialization.Data;
import com.hazelcast.internal.serialization.SerializationService;
import com.hazelcast.internal.util.ConcurrencyUtil;
import com.hazelcast.spi.impl.operationservice.Operation;
import dev.grid.log.impl.invoke.LogInvoker;
import dev.grid.log.impl.invoke.MemberCall;

import java.lang.reflect.Constructor;
import java.util.concurrent.CompletableFuture;

/**
 * A client's way to the cluster: an operation goes, serialized, to its partition's owner (the smart client routes by
 * the message's partition id); a member call to any member. Answers are decoded on the thread that receives them.
 * grid's own exceptions thrown on a member are rebuilt as their class (Hazelcast hands over only the class name).
 */
public final class ClientLogInvoker implements LogInvoker {
    private final HazelcastClientInstanceImpl client;

    public ClientLogInvoker(HazelcastClientInstanceImpl client) {
        this.client = client;
    }

    @Override
    public <T> CompletableFuture<T> onPartition(int partitionId, Operation operation) {
        Data payload = client.getSerializationService().toData(operation);
        ClientMessage request = LogCodec.encodeRequest(LogMessageType.PARTITION, partitionId, payload, true);
        return send(new ClientInvocation(client, request, "grid-log", partitionId));
    }

    @Override
    public <T> CompletableFuture<T> onMember(MemberCall<T> call) {
        Data payload = client.getSerializationService().toData(call);
        ClientMessage request = LogCodec.encodeRequest(LogMessageType.MEMBER, -1, payload, false);
        return send(new ClientInvocation(client, request, "grid-log"));
    }

    private <T> CompletableFuture<T> send(ClientInvocation invocation) {
        CompletableFuture<T> answer = new CompletableFuture<>();
        invocation.invoke().whenCompleteAsync((response, error) -> {
            if (error != null) {
                answer.completeExceptionally(memberException(error));
                return;
            }
            try {
                answer.complete(client.getSerializationService().toObject(LogCodec.decodeResponse(response)));
            } catch (RuntimeException | Error e) {
                answer.completeExceptionally(e);
            }
        }, ConcurrencyUtil.CALLER_RUNS);
        return answer;
    }

    /** grid's own exception back if the client could not map its class (Hazelcast then hands over the class name). */
    static Throwable memberException(Throwable error) {
        Throwable cause = error;
        if (cause instanceof java.util.concurrent.CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (!(cause instanceof UndefinedErrorCodeException undefined) || !undefined.getOriginClassName().startsWith("dev.grid.")) {
            return cause;
        }
        String className = undefined.getOriginClassName();
        String prefix = "Class name: " + className + ", Message: ";
        String message = undefined.getMessage();
        if (message != null && message.startsWith(prefix)) {
            message = message.substring(prefix.length());
        }
        try {
            Class<?> type = Class.forName(className, false, ClientLogInvoker.class.getClassLoader());
            if (RuntimeException.class.isAssignableFrom(type)) {
                Constructor<?> constructor = type.getConstructor(String.class);
                RuntimeException rebuilt = (RuntimeException) constructor.newInstance(message);
                rebuilt.initCause(undefined);
                return rebuilt;
            }
        } catch (ReflectiveOperationException | LinkageError e) {
            undefined.addSuppressed(e);
        }
        return undefined;
    }

    @Override
    public int partitionId(String name) {
        return client.getClientPartitionService().getPartitionId(name);
    }

    @Override
    public int partitionCount() {
        return client.getClientPartitionService().getPartitionCount();
    }

    @Override
    public SerializationService serialization() {
        return client.getSerializationService();
    }

    @Override
    public boolean isClient() {
        return true;
    }
}
