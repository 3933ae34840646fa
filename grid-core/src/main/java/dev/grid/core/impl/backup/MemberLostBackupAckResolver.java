package dev.grid.core.impl.backup;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.spi.impl.NodeEngine;
import com.hazelcast.spi.impl.operationservice.impl.Invocation;
import com.hazelcast.spi.impl.operationservice.impl.InvocationRegistry;
import com.hazelcast.spi.impl.operationservice.impl.OperationServiceImpl;
import com.hazelcast.spi.properties.ClusterProperty;

/** {@link LostBackupAckResolver} for the invocations a member makes (its own calls and its client tasks'). */
public final class MemberLostBackupAckResolver extends LostBackupAckResolver {
    private final InvocationRegistry invocations;

    private MemberLostBackupAckResolver(String name, long windowMillis, InvocationRegistry invocations) {
        super(name, windowMillis);
        this.invocations = invocations;
    }

    /** Starts resolving the member's invocations after each member that leaves. */
    public static MemberLostBackupAckResolver start(HazelcastInstance hazelcast, NodeEngine nodeEngine) {
        long backupTimeout = nodeEngine.getProperties().getMillis(ClusterProperty.OPERATION_BACKUP_TIMEOUT_MILLIS);
        InvocationRegistry registry = ((OperationServiceImpl) nodeEngine.getOperationService()).getInvocationRegistry();
        MemberLostBackupAckResolver resolver = new MemberLostBackupAckResolver(hazelcast.getName(), backupTimeout, registry);
        resolver.listenTo(hazelcast);
        return resolver;
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
