package dev.grid.lock.impl.raft;

import com.hazelcast.spi.impl.NodeEngine;
import dev.grid.core.GridClock;
import dev.grid.core.GridCpConfig;
import dev.grid.lock.impl.commands.AcquireCommand;
import dev.grid.lock.impl.commands.CpCommand;
import dev.grid.lock.impl.commands.LeaveGroupCommand;
import dev.grid.lock.impl.commands.TickCommand;
import dev.grid.lock.impl.commands.TimedCommand;
import dev.grid.lock.impl.raft.model.CpEndpoint;
import dev.grid.lock.impl.raft.model.GridRaftModelFactory;
import dev.grid.lock.impl.statemachine.LockResults;
import dev.grid.lock.impl.statemachine.LockStateMachine;
import dev.grid.lock.impl.statemachine.WaitListener;
import io.microraft.Ordered;
import io.microraft.QueryPolicy;
import io.microraft.RaftConfig;
import io.microraft.RaftEndpoint;
import io.microraft.RaftNode;
import io.microraft.RaftNodeStatus;
import io.microraft.exception.RaftException;
import io.microraft.model.message.RaftMessage;
import io.microraft.report.RaftNodeReport;
import io.microraft.report.RaftTerm;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * This member's part in the CP group: the view of the group it knows, and, if it is one of the
 * group's members, its Raft node with the lock state machine. Serves calls that reach this member
 * ({@link #invokeLocal}): it stamps and replicates them when it leads, and answers a
 * {@link CpRedirect} when it does not. Holds the calls that wait for a lock until the state
 * machine ends their wait.
 */
public final class CpGroup implements WaitListener {
    private static final Logger LOG = LoggerFactory.getLogger(CpGroup.class);

    private final NodeEngine nodeEngine;
    private final GridCpConfig config;
    private final CpEndpoint localEndpoint;
    private final GridClock clock;
    private final Consumer<UUID> unknownGroupMessage;
    private final ConcurrentMap<UUID, CompletableFuture<Object>> waitingCalls = new ConcurrentHashMap<>();
    private final AtomicBoolean tickInFlight = new AtomicBoolean();

    private volatile CpGroupView view;
    private volatile RaftNode node;
    private volatile LockStateMachine stateMachine;
    private volatile boolean shutDown;
    private RaftNodeRunner runner;
    private CpMembership membership;

    /**
     * @param clock               the clock this member stamps commands with when it leads (its {@link GridClock#millis()})
     * @param unknownGroupMessage called with the sender of a Raft message that arrives before this
     *                            member knows the group (it then asks the sender for the view)
     */
    public CpGroup(NodeEngine nodeEngine, GridCpConfig config, GridClock clock, Consumer<UUID> unknownGroupMessage) {
        this.nodeEngine = nodeEngine;
        this.config = config;
        this.localEndpoint = CpEndpoint.of(nodeEngine.getLocalMember().getUuid());
        this.clock = clock;
        this.unknownGroupMessage = unknownGroupMessage;
    }

    /** Wiring: the membership logic serves the {@link LeaveGroupCommand}s that reach this member. */
    public void setMembership(CpMembership membership) {
        this.membership = membership;
    }

    // ---- the view and the node ----

    /** @return the view of the group this member knows, or null before the group has formed */
    public CpGroupView view() {
        return view;
    }

    /**
     * Adopts a view if it is newer than the one held, and starts this member's Raft node if the view
     * lists this member and it runs none yet.
     *
     * @return true if the view was adopted
     */
    public synchronized boolean install(CpGroupView newView) {
        if (shutDown || !newView.supersedes(view)) {
            if (view != null && !view.groupId().equals(newView.groupId())) {
                LOG.warn("{} ignores {}: it already belongs to {}", localEndpoint, newView, view.groupId());
            }
            return false;
        }
        view = newView;
        if (node == null && newView.members().contains(localEndpoint.uuid())) {
            startNode(newView);
        }
        return true;
    }

    private void startNode(CpGroupView view) {
        List<RaftEndpoint> initial = new ArrayList<>();
        for (UUID uuid : view.initialMembers()) {
            initial.add(CpEndpoint.of(uuid));
        }
        RaftConfig raftConfig = RaftConfig.newBuilder()
                .setLeaderElectionTimeoutMillis(config.getLeaderElectionTimeout().toMillis())
                .setLeaderHeartbeatPeriodSecs(config.getLeaderHeartbeatPeriod().toSeconds())
                .setLeaderHeartbeatTimeoutSecs(config.getLeaderHeartbeatTimeout().toSeconds())
                .setCommitCountToTakeSnapshot(config.getCommitCountToTakeSnapshot())
                .build();
        LockStateMachine machine = new LockStateMachine(clock, this);
        runner = new RaftNodeRunner("grid-cp-raft-" + nodeEngine.getThisAddress().getPort());
        RaftNode newNode = RaftNode.newBuilder()
                .setGroupId(view.groupId())
                .setLocalEndpoint(localEndpoint)
                .setInitialGroupMembers(initial)
                .setConfig(raftConfig)
                .setTransport(new HazelcastRaftTransport(nodeEngine, runner))
                .setStateMachine(machine)
                .setModelFactory(GridRaftModelFactory.INSTANCE)
                .setExecutor(runner)
                .setRaftNodeReportListener(this::onReport)
                .build();
        stateMachine = machine;
        node = newNode;
        LOG.info("{} starts its Raft node of {} ({} member{}, formed with {})", localEndpoint, view.groupId(),
                view.votingMembers().size(), view.votingMembers().size() == 1 ? "" : "s", view.initialMembers());
        newNode.start();
    }

    /** @return this member's Raft node, or null if it is not a member of the group */
    public RaftNode node() {
        return node;
    }

    /** @return the lock state machine of this member's replica, or null */
    public LockStateMachine stateMachine() {
        return stateMachine;
    }

    public CpEndpoint localEndpoint() {
        return localEndpoint;
    }

    /** @return true if this member runs a Raft node that has not terminated */
    public boolean isMember() {
        RaftNode n = node;
        return n != null && n.getStatus() != RaftNodeStatus.TERMINATED;
    }

    public boolean isLeader() {
        RaftNode n = node;
        return n != null && n.getStatus() != RaftNodeStatus.TERMINATED && localEndpoint.equals(n.getTerm().getLeaderEndpoint());
    }

    /** @return the leader this member's node knows, or null */
    public UUID leader() {
        RaftNode n = node;
        if (n == null || n.getStatus() == RaftNodeStatus.TERMINATED) {
            return null;
        }
        RaftEndpoint leader = n.getTerm().getLeaderEndpoint();
        return leader == null ? null : ((CpEndpoint) leader).uuid();
    }

    /** @return the Raft term this member's node is in, or 0 */
    public int term() {
        RaftNode n = node;
        return n == null ? 0 : n.getTerm().getTerm();
    }

    // ---- messages and calls ----

    /** Hands a Raft message that arrived over Hazelcast to the local node. */
    public void handle(RaftMessage message) {
        RaftNode n = node;
        CpGroupView v = view;
        if (n != null && v != null && v.groupId().equals(message.getGroupId())) {
            n.handle(message);
        } else if (v == null) {
            unknownGroupMessage.accept(((CpEndpoint) message.getSender()).uuid());
        }
    }

    /**
     * Serves a CP call on this member: replicates it (or runs it as a linearizable query) if this
     * member leads; a lock call that has to wait stays pending here until its wait ends.
     *
     * @return the state machine's answer, or a {@link CpRedirect}; never completes exceptionally
     *         except when this member shuts down
     */
    public CompletableFuture<Object> invokeLocal(CpCommand command) {
        CompletableFuture<Object> answer = serve(command);
        if (LOG.isDebugEnabled()) {
            answer.whenComplete((result, error) -> LOG.debug("{} served {} -> {}", localEndpoint, command,
                    error != null ? error : result instanceof Long ? LockResults.describe((Long) result) : result));
        }
        return answer;
    }

    private CompletableFuture<Object> serve(CpCommand command) {
        RaftNode n = node;
        if (shutDown) {
            return CompletableFuture.completedFuture(new CpRedirect(null, localEndpoint + " is shutting down"));
        }
        if (n == null || n.getStatus() == RaftNodeStatus.TERMINATED) {
            return CompletableFuture.completedFuture(new CpRedirect(leaderHint(), localEndpoint + " is not a member of the CP group"));
        }
        if (command instanceof LeaveGroupCommand) {
            return isLeader() ? membership.leaveOnLeader(n, ((LeaveGroupCommand) command).member())
                    : CompletableFuture.completedFuture(new CpRedirect(leaderHint(), localEndpoint + " is not the leader"));
        }
        if (command.isQuery()) {
            return answer(n.query(command, QueryPolicy.LINEARIZABLE, Optional.empty(), Optional.empty()));
        }
        CpCommand stamped = command instanceof TimedCommand ? ((TimedCommand) command).stampedCopy(clock.millis()) : command;
        if (stamped instanceof AcquireCommand && ((AcquireCommand) stamped).mayWait()) {
            return acquireMayWait(n, (AcquireCommand) stamped);
        }
        return answer(n.replicate(stamped));
    }

    private CompletableFuture<Object> acquireMayWait(RaftNode n, AcquireCommand command) {
        UUID uid = command.invocationUid();
        // registered before replicating: the wait may end before replicate() answers WAITING
        CompletableFuture<Object> call = waitingCalls.computeIfAbsent(uid, k -> new CompletableFuture<>());
        n.<Object>replicate(command).whenComplete((ordered, error) -> {
            if (error != null) {
                waitingCalls.remove(uid, call);
                call.complete(redirect(error));
            } else if (!(ordered.getResult() instanceof Long) || (Long) ordered.getResult() != LockResults.WAITING) {
                waitingCalls.remove(uid, call);
                call.complete(ordered.getResult());
            }
        });
        return call;
    }

    private CompletableFuture<Object> answer(CompletableFuture<Ordered<Object>> raftFuture) {
        return raftFuture.handle((ordered, error) -> error != null ? redirect(error) : ordered.getResult());
    }

    private CpRedirect redirect(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        UUID leader = null;
        if (cause instanceof RaftException && ((RaftException) cause).getLeader() != null) {
            leader = ((CpEndpoint) ((RaftException) cause).getLeader()).uuid();
        }
        if (leader == null) {
            leader = leaderHint();
        }
        return new CpRedirect(leader, cause.getClass().getSimpleName() + ": " + cause.getMessage());
    }

    private UUID leaderHint() {
        UUID leader = leader();
        return localEndpoint.uuid().equals(leader) ? null : leader;
    }

    // ---- wait endings (Raft thread) ----

    @Override
    public void waitEnded(UUID invocationUid, long result) {
        CompletableFuture<Object> call = waitingCalls.remove(invocationUid);
        if (call != null) {
            call.complete(result);
        }
    }

    @Override
    public void stateReplaced() {
        answerWaitingCalls(LockResults.RETRY);
    }

    private void answerWaitingCalls(Object answer) {
        for (Map.Entry<UUID, CompletableFuture<Object>> entry : waitingCalls.entrySet()) {
            if (waitingCalls.remove(entry.getKey(), entry.getValue())) {
                entry.getValue().complete(answer);
            }
        }
    }

    private void onReport(RaftNodeReport report) {
        if (report.getStatus() == RaftNodeStatus.TERMINATED) {
            // removed from the group (or shut down): the calls waiting here are sent again by their callers
            answerWaitingCalls(LockResults.RETRY);
        }
        if (report.getReason() == RaftNodeReport.RaftNodeReportReason.ROLE_CHANGE) {
            RaftTerm term = report.getTerm();
            if (term.getLeaderEndpoint() != null) {
                LOG.debug("{} sees leader {} in term {}", localEndpoint, term.getLeaderEndpoint(), term.getTerm());
                CpMembership m = membership;
                if (m != null && localEndpoint.equals(term.getLeaderEndpoint())) {
                    m.leaderChanged(); // a new leader replaces the members lost with the old one at once
                }
            }
        }
    }

    // ---- leader duties, run by the CP service's scheduler ----

    /** If this member leads and a session expiry or wait timeout is due, replicates a tick. */
    public void tickIfDue() {
        RaftNode n = node;
        LockStateMachine machine = stateMachine;
        if (n == null || machine == null || !isLeader() || clock.millis() < machine.nextDeadline()) {
            return;
        }
        if (tickInFlight.compareAndSet(false, true)) {
            TickCommand tick = new TickCommand();
            tick.stamp(clock.millis());
            n.replicate(tick).whenComplete((r, e) -> tickInFlight.set(false));
        }
    }

    /**
     * Terminates the Raft node. Calls waiting here are not answered: their callers' connections to
     * this member are closing, and Hazelcast tells them the member left (they then go elsewhere).
     */
    public synchronized void shutdown() {
        shutDown = true;
        RaftNode n = node;
        if (n != null) {
            RaftNodeRunner r = runner;
            n.terminate().whenComplete((x, e) -> r.shutdownNow());
        }
        waitingCalls.clear();
    }

    /** @return true once this member has begun to shut its CP part down: it answers nothing any more */
    public boolean isShutDown() {
        return shutDown;
    }
}
