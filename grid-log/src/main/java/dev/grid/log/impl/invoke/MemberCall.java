package dev.grid.log.impl.invoke;

import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import com.hazelcast.spi.impl.NodeEngine;

import java.util.concurrent.CompletableFuture;

/**
 * A request any member can serve (creating or describing a topic, a group's lag): a member runs it on itself;
 * a client sends it, serialized, to one member. It must not block the thread that runs it.
 *
 * @param <T> the answer's type, serializable by Hazelcast
 */
public interface MemberCall<T> extends IdentifiedDataSerializable {

    /** Runs the call on this member. */
    CompletableFuture<T> run(NodeEngine nodeEngine);
}
