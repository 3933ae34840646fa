package dev.grid.core.impl.backup;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.spi.impl.NodeEngine;
import com.hazelcast.spi.impl.operationservice.impl.Invocation;
import com.hazelcast.spi.impl.operationservice.impl.InvocationRegistry;
import com.hazelcast.spi.impl.operationservice.impl.OperationServiceImpl;
import com.hazelcast.spi.properties.ClusterProperty;

/**
 * {@link LostBackupAckResolver} for the invocations a member makes: its own calls and those of its
 * client message tasks (grid's clients let the owner collect the backup acknowledgements, so a
 * client's write waits on the owner, never on the client).
 */
public final class MemberLostBackupAckResolver extends LostBackupAckResolver {
    private final InvocationRegistry invocations;

    private MemberLostBackupAckResolver(String name, long windowMillis, InvocationRegistry invocations) {
        super(name, windowMillis);
        this.invocations = invocations;
    }

    /**
     * Starts resolving the member's invocations after each member that leaves, unless the member
     * reports indeterminate writes as successes (then ending their wait early would only report
     * them sooner, and it warns instead).
     */
    public static void start(HazelcastInstance hazelcast, NodeEngine nodeEngine) {
        if (!nodeEngine.getProperties().getBoolean(ClusterProperty.FAIL_ON_INDETERMINATE_OPERATION_STATE)) {
            warnUnsafe(hazelcast.getName(), ClusterProperty.FAIL_ON_INDETERMINATE_OPERATION_STATE.getName());
            return;
        }
        long backupTimeout = nodeEngine.getProperties().getMillis(ClusterProperty.OPERATION_BACKUP_TIMEOUT_MILLIS);
        InvocationRegistry registry = ((OperationServiceImpl) nodeEngine.getOperationService()).getInvocationRegistry();
        new MemberLostBackupAckResolver(hazelcast.getName(), backupTimeout, registry).listenTo(hazelcast);
    }

    @Override
    protected int resolve(long graceMillis) {
        int resolved = 0;
        for (Invocation<?> invocation : invocations) {
            if (invocation.detectAndHandleBackupTimeout(graceMillis)) {
                resolved++;
            }
        }
        return resolved;
    }
}
