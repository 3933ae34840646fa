package dev.grid.core.impl.map.operations;

import com.hazelcast.spi.impl.operationservice.Operation;
import com.hazelcast.spi.impl.operationservice.OperationResponseHandler;
import dev.grid.core.ChangeNotCapturedException;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * Holds a write operation's response back until the changes it appended are stored, without holding its partition's
 * thread: the operation runs, Hazelcast sends its backups and hands the response (with the backup count) to this
 * handler, which passes it on to the operation's own handler once every append completed, or sends a
 * {@link ChangeNotCapturedException} instead if one failed. So a caller's acknowledgement means the write is on the
 * owner and its synchronous backups, and its change is in the change topic.
 */
@SuppressWarnings({"rawtypes", "unchecked"})
final class ResponseAfterChanges implements OperationResponseHandler {
    private final OperationResponseHandler delegate;
    private final List<CompletableFuture<?>> appends = new ArrayList<>(1);

    private ResponseAfterChanges(OperationResponseHandler delegate) {
        this.delegate = delegate;
    }

    /** Makes the operation's response wait for {@code append} (on the partition's thread, while the operation runs). */
    static void await(GridMapOperation op, byte[] keyBytes, String topic, CompletionStage<?> append) {
        ResponseAfterChanges handler;
        if (op.getOperationResponseHandler() == null) {
            return; // run without an answer (no caller waits): nothing to hold back
        }
        if (op.getOperationResponseHandler() instanceof ResponseAfterChanges installed) {
            handler = installed;
        } else {
            handler = new ResponseAfterChanges(op.getOperationResponseHandler());
            op.setOperationResponseHandler(handler);
        }
        handler.appends.add(append.toCompletableFuture().exceptionally(failure -> {
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
            throw new CompletionException(new ChangeNotCapturedException("GridMap '" + op.getName() + "': the write of key "
                    + op.describeKey(keyBytes) + " was applied (the map holds it), but its change could not be appended to topic '"
                    + topic + "': " + cause, cause));
        }));
    }

    @Override
    public void sendResponse(Operation op, Object response) {
        CompletableFuture<?> all = appends.size() == 1 ? appends.get(0) : CompletableFuture.allOf(appends.toArray(new CompletableFuture[0]));
        all.whenComplete((done, failure) -> {
            if (failure == null) {
                delegate.sendResponse(op, response);
            } else {
                delegate.sendResponse(op, failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure);
            }
        });
    }
}
