package dev.grid.lock.impl.raft;

import com.hazelcast.cluster.Member;
import com.hazelcast.instance.impl.NodeState;
import com.hazelcast.spi.impl.NodeEngine;
import dev.grid.lock.impl.raft.model.CpEndpoint;
import dev.grid.lock.impl.raft.operations.RaftMessageOperation;
import io.microraft.RaftEndpoint;
import io.microraft.model.message.RaftMessage;
import io.microraft.transport.Transport;

/**
 * Carries Raft messages over Hazelcast's member connections, fire-and-forget, as
 * {@link RaftMessageOperation}s. A target is found by its member UUID; a message to a member that
 * is not (or no longer) in the cluster is dropped, and Raft sends again.
 */
final class HazelcastRaftTransport implements Transport {
    private final NodeEngine nodeEngine;

    HazelcastRaftTransport(NodeEngine nodeEngine) {
        this.nodeEngine = nodeEngine;
    }

    @Override
    public void send(RaftEndpoint target, RaftMessage message) {
        Member member = nodeEngine.getClusterService().getMember(((CpEndpoint) target).uuid());
        if (member != null && nodeEngine.getNode().getState() != NodeState.SHUT_DOWN) {
            nodeEngine.getOperationService().send(new RaftMessageOperation(message), member.getAddress());
        }
    }

    @Override
    public boolean isReachable(RaftEndpoint endpoint) {
        return nodeEngine.getClusterService().getMember(((CpEndpoint) endpoint).uuid()) != null;
    }
}
