package dev.grid.core.impl.backup;

import com.hazelcast.client.impl.clientside.HazelcastClientInstanceImpl;
import com.hazelcast.client.impl.clientside.HazelcastClientProxy;
import com.hazelcast.client.impl.spi.impl.ClientInvocation;
import com.hazelcast.client.impl.spi.impl.ClientInvocationServiceImpl;
import com.hazelcast.client.properties.ClientProperty;
import com.hazelcast.core.HazelcastInstance;

import java.lang.reflect.Field;
import java.util.Map;

/**
 * {@link LostBackupAckResolver} for a client's invocations. A smart client receives backup
 * acknowledgements from the backup members itself, so it is the client that waits for them.
 * Hazelcast keeps the client's pending invocations in a private map of its invocation service,
 * read here by reflection (checked at start: a Hazelcast upgrade that renames it fails at once,
 * and {@code LostBackupAckResolverTest} fails the build).
 */
public final class ClientLostBackupAckResolver extends LostBackupAckResolver {
    private static final String INVOCATIONS_FIELD = "invocations";

    private final Map<Long, ClientInvocation> invocations;

    private ClientLostBackupAckResolver(String name, long windowMillis, Map<Long, ClientInvocation> invocations) {
        super(name, windowMillis);
        this.invocations = invocations;
    }

    /** Starts resolving the client's invocations after each member that leaves. */
    public static ClientLostBackupAckResolver start(HazelcastInstance hazelcast) {
        HazelcastClientInstanceImpl client = ((HazelcastClientProxy) hazelcast).client;
        long backupTimeout = client.getProperties().getPositiveMillisOrDefault(ClientProperty.OPERATION_BACKUP_TIMEOUT_MILLIS);
        ClientLostBackupAckResolver resolver = new ClientLostBackupAckResolver(hazelcast.getName(), backupTimeout,
                pendingInvocations((ClientInvocationServiceImpl) client.getInvocationService()));
        resolver.listenTo(hazelcast);
        return resolver;
    }

    @SuppressWarnings("unchecked")
    static Map<Long, ClientInvocation> pendingInvocations(ClientInvocationServiceImpl service) {
        try {
            Field field = ClientInvocationServiceImpl.class.getDeclaredField(INVOCATIONS_FIELD);
            field.setAccessible(true);
            return (Map<Long, ClientInvocation>) field.get(service);
        } catch (ReflectiveOperationException | ClassCastException | SecurityException e) {
            throw new IllegalStateException("this Hazelcast version's client keeps its pending invocations elsewhere than "
                    + ClientInvocationServiceImpl.class.getName() + "." + INVOCATIONS_FIELD + ": grid cannot end waits for "
                    + "backup acknowledgements of departed members", e);
        }
    }

    @Override
    protected int resolve(long graceMillis) {
        int resolved = 0;
        for (ClientInvocation invocation : invocations.values()) {
            if (invocation.detectAndHandleBackupTimeout(graceMillis)) {
                resolved++;
            }
        }
        return resolved;
    }
}
