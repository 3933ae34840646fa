package dev.grid.core.impl.security;

import com.hazelcast.internal.networking.Channel;
import com.hazelcast.internal.networking.ChannelInitializer;

/**
 * Hazelcast's own initializer of a member's connection, with a {@link ClientFrameGuard} put in
 * front of its protocol decoder on every connection the member accepts (the connections it opens
 * itself lead to other members).
 */
final class GuardedChannelInitializer implements ChannelInitializer {
    private final ChannelInitializer hazelcasts;
    private final long maxMessageBytes;
    private final int receiveBufferBytes;

    GuardedChannelInitializer(ChannelInitializer hazelcasts, long maxMessageBytes, int receiveBufferBytes) {
        this.hazelcasts = hazelcasts;
        this.maxMessageBytes = maxMessageBytes;
        this.receiveBufferBytes = receiveBufferBytes;
    }

    @Override
    public void initChannel(Channel channel) throws Exception {
        if (!channel.isClientMode()) {
            // first in the pipeline: Hazelcast's initializer appends its decoder behind it
            channel.inboundPipeline().addLast(new ClientFrameGuard(maxMessageBytes, receiveBufferBytes));
        }
        hazelcasts.initChannel(channel);
    }
}
