package dev.grid.lock.impl.raft;

import com.hazelcast.cluster.Member;
import com.hazelcast.instance.impl.NodeState;
import com.hazelcast.spi.impl.NodeEngine;
import dev.grid.lock.impl.raft.model.CpEndpoint;
import dev.grid.lock.impl.raft.operations.RaftMessageOperation;
import io.microraft.RaftEndpoint;
import io.microraft.executor.RaftNodeExecutor;
import io.microraft.model.message.AppendEntriesRequest;
import io.microraft.model.message.RaftMessage;
import io.microraft.transport.Transport;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Carries Raft messages over Hazelcast's member connections, fire-and-forget, as
 * {@link RaftMessageOperation}s. A target is found by its member UUID; a message to a member that
 * is not (or no longer) in the cluster is dropped, and Raft sends again.
 *
 * <p>An AppendEntries request without entries that asks for no answer (the leader tells a follower
 * the new commit index right after each commit, and sends heartbeats) is held for up to
 * {@value #HOLD_MICROS} µs: the next request to that member carries a commit index at least as new
 * and replaces it, so under a stream of commands a follower gets one request per batch of entries
 * instead of two (each message costs both members a socket write, a read and an operation thread
 * wake-up). Requests with entries, with a flow-control number (their answer is awaited) and every
 * other message go out at once. Held requests go out from a task of the node's own executor, so
 * every send of a node runs on its executor, as MicroRaft calls {@link #send} only from there.
 * Raft tolerates messages that are late or lost, so holding one changes no outcome.
 */
final class HazelcastRaftTransport implements Transport {
    static final long HOLD_MICROS = 2000;

    private final NodeEngine nodeEngine;
    private final RaftNodeExecutor executor;
    private final Map<RaftEndpoint, RaftMessage> held = new HashMap<>();
    private boolean flushScheduled;

    HazelcastRaftTransport(NodeEngine nodeEngine, RaftNodeExecutor executor) {
        this.nodeEngine = nodeEngine;
        this.executor = executor;
    }

    @Override
    public void send(RaftEndpoint target, RaftMessage message) {
        if (message instanceof AppendEntriesRequest) {
            AppendEntriesRequest request = (AppendEntriesRequest) message;
            if (request.getLogEntries().isEmpty() && request.getFlowControlSequenceNumber() == 0) {
                held.put(target, message);
                if (!flushScheduled) {
                    flushScheduled = true;
                    executor.schedule(this::flush, HOLD_MICROS, TimeUnit.MICROSECONDS);
                }
                return;
            }
            held.remove(target);
        }
        sendNow(target, message);
    }

    private void flush() {
        flushScheduled = false;
        held.forEach(this::sendNow);
        held.clear();
    }

    private void sendNow(RaftEndpoint target, RaftMessage message) {
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
