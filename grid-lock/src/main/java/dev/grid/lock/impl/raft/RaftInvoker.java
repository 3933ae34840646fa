package dev.grid.lock.impl.raft;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstanceNotActiveException;
import com.hazelcast.instance.impl.NodeState;
import com.hazelcast.internal.util.ConcurrencyUtil;
import com.hazelcast.spi.impl.NodeEngine;
import dev.grid.core.GridClock;
import dev.grid.core.GridCpConfig;
import dev.grid.lock.CpUnavailableException;
import dev.grid.lock.impl.CpService;
import dev.grid.lock.impl.commands.CpCommand;
import dev.grid.lock.impl.raft.operations.RaftInvokeOperation;
import dev.grid.lock.impl.statemachine.LockResults;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends CP calls to the group's leader from any member (and so for clients, whose calls arrive at
 * some member first): to the leader this member last heard of, else to the group's members in
 * turn. A member that cannot serve the call answers a {@link CpRedirect}, naming the leader when it
 * knows it; the call goes there at once, or after a short backoff when no leader is known. Calls
 * are sent again with the same invocation id, so the state machine answers a repeat the way it
 * answered the first. Retrying stops after {@code grid.cp.sessionTtl} without an answer (by then
 * the caller's session would have expired anyway) with a {@link CpUnavailableException} naming the
 * last problem. The window is measured with the member's {@link GridClock}; the back-off between
 * attempts is real time (the scheduler's).
 */
public final class RaftInvoker {
    private static final long FIRST_BACKOFF_MILLIS = 10;
    private static final long MAX_BACKOFF_MILLIS = 500;
    private static final int MAX_REDIRECTS_WITHOUT_BACKOFF = 3;
    /** A call that stayed with a member this long was being served; a failure after it starts a fresh retry window. */
    private static final long SERVED_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final NodeEngine nodeEngine;
    private final GridCpConfig config;
    private final CpGroup group;
    private final CpMembership membership;
    private final ScheduledExecutorService scheduler;
    private final GridClock clock;
    private final AtomicInteger nextTarget = new AtomicInteger();
    private final Set<Call> inFlight = ConcurrentHashMap.newKeySet();
    private volatile UUID leaderHint;
    private volatile boolean shutDown;

    public RaftInvoker(NodeEngine nodeEngine, GridCpConfig config, CpGroup group, CpMembership membership,
                       ScheduledExecutorService scheduler, GridClock clock) {
        this.nodeEngine = nodeEngine;
        this.config = config;
        this.group = group;
        this.membership = membership;
        this.scheduler = scheduler;
        this.clock = clock;
    }

    /**
     * @return the state machine's answer; fails with {@link CpUnavailableException} when the group
     *         cannot be reached, or {@link HazelcastInstanceNotActiveException} when this member stops
     */
    public CompletableFuture<Object> invoke(CpCommand command) {
        Call call = new Call(command);
        inFlight.add(call);
        call.result.whenComplete((r, e) -> inFlight.remove(call));
        if (shutDown) {
            call.result.completeExceptionally(notActive());
        } else {
            call.attempt();
        }
        return call.result;
    }

    /** Fails every call still in flight: their retries would never run on the stopped scheduler. */
    public void shutdown() {
        shutDown = true;
        for (Call call : inFlight) {
            call.result.completeExceptionally(notActive());
        }
    }

    private static HazelcastInstanceNotActiveException notActive() {
        return new HazelcastInstanceNotActiveException("this grid member is shutting down");
    }

    /** @return the leader this member last heard of (its own node's knowledge first), or null */
    public UUID knownLeader() {
        UUID leader = group.leader();
        return leader != null ? leader : leaderHint;
    }

    /** Calls still go out while the member shuts down gracefully (to leave the group, to close its session). */
    private boolean alive() {
        return nodeEngine.getNode().getState() != NodeState.SHUT_DOWN;
    }

    private Member target(CpGroupView view) {
        UUID hint = group.leader();
        if (hint == null) {
            hint = leaderHint;
        }
        if (hint != null) {
            Member member = nodeEngine.getClusterService().getMember(hint);
            if (member != null) {
                return member;
            }
        }
        List<UUID> candidates = view.votingMembers();
        for (int i = 0; i < candidates.size(); i++) {
            int index = Math.floorMod(nextTarget.getAndIncrement(), candidates.size());
            Member member = nodeEngine.getClusterService().getMember(candidates.get(index));
            if (member != null) {
                return member;
            }
        }
        return null;
    }

    private final class Call {
        final CpCommand command;
        final CompletableFuture<Object> result = new CompletableFuture<>();
        boolean retrying;
        long retryingSince;
        long attemptStarted;
        boolean attempted;
        int failures;
        int redirectsInARow;
        String lastProblem = "no answer yet";

        Call(CpCommand command) {
            this.command = command;
        }

        void attempt() {
            if (!alive() || shutDown) {
                result.completeExceptionally(notActive());
                return;
            }
            if (config.getMemberCount() == 0) {
                result.completeExceptionally(new CpUnavailableException("the CP subsystem is off on this member "
                        + "(grid.cp.memberCount: 0): FencedLock needs grid.cp.memberCount of 3 or more (1 for development)"));
                return;
            }
            CpGroupView view = group.view();
            if (view == null) {
                membership.fetchViewFromMaster();
                int dataMembers = membership.dataMemberCount();
                retryLater("the CP group has not formed yet: it needs " + config.getMemberCount()
                        + " members (grid.cp.memberCount), the cluster has " + dataMembers);
                return;
            }
            Member target = target(view);
            if (target == null) {
                retryLater("no voting member of " + view.groupId() + " " + view.votingMembers() + " is in the cluster");
                return;
            }
            attemptStarted = clock.nanos();
            attempted = true;
            CompletableFuture<Object> answer;
            if (target.localMember()) {
                answer = group.invokeLocal(command);
            } else {
                answer = nodeEngine.getOperationService()
                        .createInvocationBuilder(CpService.SERVICE_NAME, new RaftInvokeOperation(command), target.getAddress())
                        .setTryCount(1)
                        .invoke();
            }
            // not whenComplete: on Hazelcast's futures it runs the callback through Hazelcast's default async
            // executor, which on a machine of two cores starts a thread per callback
            answer.whenCompleteAsync((value, error) -> onAnswer(target, value, error), ConcurrencyUtil.CALLER_RUNS);
        }

        void onAnswer(Member target, Object value, Throwable error) {
            if (error != null) {
                Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
                if (!alive() || cause instanceof CpUnavailableException) {
                    result.completeExceptionally(cause);
                    return;
                }
                if (target.getUuid().equals(leaderHint)) {
                    leaderHint = null;
                }
                retryLater(target.getAddress() + " failed: " + cause);
            } else if (value instanceof CpRedirect) {
                CpRedirect redirect = (CpRedirect) value;
                UUID previous = leaderHint;
                leaderHint = redirect.leader();
                String problem = target.getAddress() + ": " + redirect.reason();
                if (redirect.leader() != null && !redirect.leader().equals(previous) && ++redirectsInARow <= MAX_REDIRECTS_WITHOUT_BACKOFF) {
                    retryNow(problem);
                } else {
                    retryLater(problem);
                }
            } else if (value instanceof Long && (Long) value == LockResults.RETRY) {
                retryNow(target.getAddress() + " lost track of the waiting call");
            } else {
                leaderHint = target.getUuid();
                result.complete(value);
            }
        }

        void retryNow(String problem) {
            lastProblem = problem;
            if (!windowExpired()) {
                schedule(0);
            }
        }

        void retryLater(String problem) {
            lastProblem = problem;
            redirectsInARow = 0;
            if (!windowExpired()) {
                schedule(Math.min(MAX_BACKOFF_MILLIS, FIRST_BACKOFF_MILLIS << Math.min(failures++, 10)));
            }
        }

        private void schedule(long delayMillis) {
            try {
                scheduler.schedule(this::attempt, delayMillis, TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException e) {
                result.completeExceptionally(notActive());
            }
        }

        private boolean windowExpired() {
            long now = clock.nanos();
            if (!retrying || (attempted && now - attemptStarted > SERVED_NANOS)) {
                retrying = true;
                retryingSince = now;
                failures = 0;
            }
            attempted = false;
            if (now - retryingSince > config.getSessionTtl().toNanos()) {
                result.completeExceptionally(new CpUnavailableException("the CP group did not serve " + command + " within "
                        + config.getSessionTtl().toMillis() + " ms (grid.cp.sessionTtl): " + lastProblem));
                return true;
            }
            return false;
        }
    }
}
