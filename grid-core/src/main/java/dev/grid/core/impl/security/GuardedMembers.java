package dev.grid.core.impl.security;

import com.hazelcast.config.Config;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.instance.impl.HazelcastInstanceFactory;

/**
 * Starts Hazelcast members with grid's guards: every client message bounded by
 * {@code grid.security.maxMessageBytes}, and the secret handshake on every connection when the
 * config carries a {@link SecretSocketInterceptor}.
 */
public final class GuardedMembers {
    private GuardedMembers() {
    }

    /**
     * @param config          the member's Hazelcast configuration (from grid's {@code HazelcastConfigs})
     * @param maxMessageBytes the largest client message the member accepts
     * @return the started member
     */
    public static HazelcastInstance start(Config config, long maxMessageBytes) {
        return HazelcastInstanceFactory.newHazelcastInstance(config, config.getInstanceName(), new GridNodeContext(maxMessageBytes));
    }
}
