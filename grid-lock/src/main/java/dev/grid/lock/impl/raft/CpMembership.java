package dev.grid.lock.impl.raft;

import com.hazelcast.cluster.Member;
import com.hazelcast.internal.util.ConcurrencyUtil;
import com.hazelcast.spi.impl.NodeEngine;
import dev.grid.core.GridEvents;
import dev.grid.core.config.GridClock;
import dev.grid.core.config.GridCpConfig;
import dev.grid.lock.CpEvent;
import dev.grid.lock.impl.CpService;
import dev.grid.lock.impl.raft.model.CpEndpoint;
import dev.grid.lock.impl.raft.model.GridCpGroupId;
import dev.grid.lock.impl.raft.operations.GetCpViewOperation;
import dev.grid.lock.impl.raft.operations.InstallCpViewOperation;
import dev.grid.lock.impl.statemachine.LockResults;
import io.microraft.MembershipChangeMode;
import io.microraft.Ordered;
import io.microraft.RaftEndpoint;
import io.microraft.RaftNode;
import io.microraft.exception.CannotReplicateException;
import io.microraft.report.RaftGroupMembers;
import io.microraft.report.RaftNodeReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Who is in the CP group, over the cluster's life:
 * <ul>
 *   <li>formation: once {@code grid.cp.memberCount} data members have joined, the master picks the
 *       oldest ones (the cluster's member list is in join order, the same on every member) and
 *       publishes the group's view; members that join later get it from the master after joining;</li>
 *   <li>replacement, run by the leader, as {@link MembershipPlanner} decides: a member the cluster
 *       has removed leaves the group at once (after {@code grid.cp.missingMemberRemovalTimeout},
 *       default 0); then the oldest data member outside the group (a restarted member is a new one)
 *       is added as a learner, and promoted to a voting member once it has caught up with the log;
 *       a member that shuts down gracefully asks to be removed;</li>
 *   <li>majority: every member watches whether a majority of the group's voting members is in the
 *       cluster ({@link MajorityWatch}).</li>
 * </ul>
 * One membership change at a time (MicroRaft allows no more). The leader plans again after every
 * cluster membership event, every leadership change it sees, after every change it made, and every
 * half second.
 */
public final class CpMembership {
    private static final Logger LOG = LoggerFactory.getLogger(CpMembership.class);
    private static final long VIEW_REQUEST_INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(200);
    private static final long RETRY_DELAY_MILLIS = 100;
    private static final long CANDIDATE_TIMEOUT_SECONDS = 5;
    /** A learner catches up in about a second (a snapshot of the locks and sessions, then the entries after it). */
    private static final long LEARNER_TIMEOUT_SECONDS = 30;

    private final NodeEngine nodeEngine;
    private final GridCpConfig config;
    private final CpGroup group;
    private final ScheduledExecutorService maintenance;
    private final GridClock clock;
    private final GridEvents events;
    private final MembershipPlanner planner;
    private final MajorityWatch majority;
    private final Map<UUID, Long> goneSince = new ConcurrentHashMap<>();
    /** when this member, as the leader, first saw each learner of the group */
    private final Map<UUID, Long> learnerSince = new ConcurrentHashMap<>();
    private final Set<UUID> leaving = ConcurrentHashMap.newKeySet();
    /** members MicroRaft refused to add (a removed member cannot come back under the same UUID), and learners given up on */
    private final Set<UUID> refused = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean forming = new AtomicBoolean();
    private final AtomicBoolean changing = new AtomicBoolean();
    private final AtomicLong lastViewRequest;
    private volatile boolean waitingLogged;
    /** the last change tried, so a change retried after a transient failure is logged once */
    private volatile MembershipPlanner.Step lastStep;

    /**
     * @param maintenance where {@link #maintain()} runs (the CP scheduler): again right after each change,
     *                    and shortly after a change failed
     * @param clock       the member's clock; its {@link GridClock#nanos()} times when members left, learners, the
     *                    majority watch (how often to ask for a view is paced in real time, as the scheduler is)
     * @param events      where the majority's loss and return are published ({@link CpEvent})
     */
    public CpMembership(NodeEngine nodeEngine, GridCpConfig config, CpGroup group, ScheduledExecutorService maintenance,
                        GridClock clock, GridEvents events) {
        this.nodeEngine = nodeEngine;
        this.config = config;
        this.group = group;
        this.maintenance = maintenance;
        this.clock = clock;
        this.events = events;
        this.planner = new MembershipPlanner(config.getMemberCount(), config.getMissingMemberRemovalTimeout().toNanos(),
                TimeUnit.SECONDS.toNanos(LEARNER_TIMEOUT_SECONDS));
        this.majority = new MajorityWatch(config.getLeaderHeartbeatTimeout().toNanos());
        this.lastViewRequest = new AtomicLong(System.nanoTime() - VIEW_REQUEST_INTERVAL_NANOS);
    }

    /**
     * @return whether a majority of the group's voting members is in the cluster: false before the
     *         group forms, and once the majority has been missing longer than the leader heartbeat timeout
     */
    public boolean majorityAvailable() {
        return majority.majorityAvailable();
    }

    /**
     * @return how many more voting members the group can lose and keep a majority: the voting members
     *         in the cluster beyond a majority (0 before the group forms, and while the majority is missing)
     */
    /** @return the voting members of the group in the cluster, as the majority watch last saw them */
    public int votingPresent() {
        return majority.present();
    }

    public int failuresTolerated() {
        return majority.failuresTolerated();
    }

    public int dataMemberCount() {
        return dataMembers().size();
    }

    /** The cluster removed a member: if it is in the CP group, the leader removes it too. */
    public void memberRemoved(UUID uuid) {
        goneSince.putIfAbsent(uuid, clock.nanos());
    }

    /** This member's node saw a new leader (maybe itself): the group's upkeep runs now, not at the next half second. */
    public void leaderChanged() {
        maintainSoon();
    }

    /** Runs every half second on the CP scheduler, and after every membership event. */
    public void maintain() {
        try {
            formIfDue();
            if (group.isLeader()) {
                reconcile();
            }
            watchMajority();
        } catch (RuntimeException e) {
            if (nodeEngine.isRunning()) {
                LOG.warn("CP group maintenance failed on {}", nodeEngine.getThisAddress(), e);
            }
        }
    }

    private void maintainSoon() {
        try {
            maintenance.execute(this::maintain);
        } catch (RejectedExecutionException e) {
            // shutting down
        }
    }

    private void maintainLater() {
        try {
            maintenance.schedule(this::maintain, RETRY_DELAY_MILLIS, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // shutting down
        }
    }

    // ---- formation (master) ----

    private void formIfDue() {
        if (config.getMemberCount() == 0 || group.view() != null || !nodeEngine.getClusterService().isMaster()) {
            return;
        }
        List<Member> members = dataMembers();
        if (members.size() < config.getMemberCount()) {
            if (!waitingLogged) {
                waitingLogged = true;
                LOG.info("The CP group forms when {} members have joined (grid.cp.memberCount); the cluster has {}",
                        config.getMemberCount(), members.size());
            }
            return;
        }
        if (!forming.compareAndSet(false, true)) {
            return;
        }
        // A master that died while publishing may have left the view with some members: adopt it.
        List<CompletableFuture<Object>> answers = new ArrayList<>();
        for (Member member : members) {
            if (!member.localMember()) {
                answers.add(plain(nodeEngine.getOperationService()
                        .invokeOnTarget(CpService.SERVICE_NAME, new GetCpViewOperation(), member.getAddress())));
            }
        }
        CompletableFuture.allOf(answers.toArray(new CompletableFuture<?>[0])).handle((x, e) -> {
            try {
                CpGroupView existing = null;
                for (CompletableFuture<Object> answer : answers) {
                    Object view = answer.isCompletedExceptionally() ? null : answer.getNow(null);
                    if (view instanceof CpGroupView && (existing == null || ((CpGroupView) view).version() > existing.version())) {
                        existing = (CpGroupView) view;
                    }
                }
                form(existing, members);
            } finally {
                forming.set(false);
            }
            return null;
        });
    }

    private void form(CpGroupView existing, List<Member> members) {
        CpGroupView view = existing;
        if (view == null) {
            List<UUID> initial = new ArrayList<>();
            for (Member member : members.subList(0, config.getMemberCount())) {
                initial.add(member.getUuid());
            }
            long id = new SecureRandom().nextLong() & Long.MAX_VALUE;
            view = CpGroupView.formed(new GridCpGroupId(GridCpGroupId.DEFAULT_NAME, id == 0 ? 1 : id), initial);
            LOG.info("Forming the CP group {} with the {} oldest members: {}", view.groupId(), initial.size(), initial);
            if (config.getMemberCount() == 1) {
                LOG.warn("*** grid.cp.memberCount is 1: the CP group has a single member ({}) and is NOT fault-tolerant. "
                        + "If that member stops, every FencedLock becomes unusable until the cluster restarts. "
                        + "Use 3 or more members outside development. ***", initial.get(0));
            }
        }
        group.install(view);
        publish(view);
    }

    // ---- views ----

    /** Sends the view to every other member (fire and forget; members that miss it ask later). */
    private void publish(CpGroupView view) {
        for (Member member : nodeEngine.getClusterService().getMembers()) {
            if (!member.localMember()) {
                send(view, member);
            }
        }
    }

    private void send(CpGroupView view, Member member) {
        nodeEngine.getOperationService().invokeOnTarget(CpService.SERVICE_NAME, new InstallCpViewOperation(view), member.getAddress());
    }

    /** This member has no view yet but needs one (a lock call): asks the master. At most every 200 ms. */
    public void fetchViewFromMaster() {
        Member master = nodeEngine.getClusterService().getMembers().iterator().next();
        if (!master.localMember()) {
            requestViewFrom(master.getUuid());
        }
    }

    /** A Raft message came from a group this member does not know yet: asks its sender. At most every 200 ms. */
    public void requestViewFrom(UUID memberUuid) {
        long last = lastViewRequest.get();
        long now = System.nanoTime(); // pacing, not a decision: real time, so a clock a test holds still does not stop it
        if (now - last < VIEW_REQUEST_INTERVAL_NANOS || !lastViewRequest.compareAndSet(last, now)) {
            return;
        }
        Member member = nodeEngine.getClusterService().getMember(memberUuid);
        if (member != null && nodeEngine.isRunning()) {
            nodeEngine.getOperationService().<Object>invokeOnTarget(CpService.SERVICE_NAME, new GetCpViewOperation(), member.getAddress())
                    .whenCompleteAsync((view, e) -> {
                        if (view instanceof CpGroupView) {
                            group.install((CpGroupView) view);
                        }
                    }, ConcurrencyUtil.CALLER_RUNS);
        }
    }

    /** A plain CompletableFuture completed with a Hazelcast future, without Hazelcast's thread-per-callback default. */
    private static <T> CompletableFuture<T> plain(CompletableFuture<T> hazelcastFuture) {
        CompletableFuture<T> plain = new CompletableFuture<>();
        hazelcastFuture.whenCompleteAsync((value, error) -> {
            if (error != null) {
                plain.completeExceptionally(error);
            } else {
                plain.complete(value);
            }
        }, ConcurrencyUtil.CALLER_RUNS);
        return plain;
    }

    private CpGroupView viewOf(RaftGroupMembers members, long version) {
        CpGroupView current = group.view();
        List<UUID> all = new ArrayList<>();
        for (RaftEndpoint endpoint : members.getMembers()) {
            all.add(((CpEndpoint) endpoint).uuid());
        }
        List<UUID> voting = new ArrayList<>();
        for (RaftEndpoint endpoint : members.getVotingMembers()) {
            voting.add(((CpEndpoint) endpoint).uuid());
        }
        return new CpGroupView(current.groupId(), current.initialMembers(), all, voting, version);
    }

    // ---- replacement (leader) ----

    private void reconcile() {
        RaftNode node = group.node();
        if (node == null || !changing.compareAndSet(false, true)) {
            return;
        }
        node.getReport().whenComplete((ordered, error) -> {
            CompletableFuture<?> change = null;
            try {
                if (error == null && group.isLeader()) {
                    change = nextChange(node, ordered.getResult());
                }
            } finally {
                if (change == null) {
                    changing.set(false);
                } else {
                    change.whenComplete((r, e) -> {
                        changing.set(false);
                        if (e == null) {
                            maintainSoon();
                        } else {
                            maintainLater(); // e.g. a new leader that has not committed an entry of its term yet
                        }
                    });
                }
            }
        });
    }

    private CompletableFuture<?> nextChange(RaftNode node, RaftNodeReport report) {
        RaftGroupMembers committed = report.getCommittedMembers();
        if (committed.getLogIndex() != report.getEffectiveMembers().getLogIndex()) {
            return null; // a change is in progress
        }
        long now = clock.nanos();
        List<UUID> dataMembers = new ArrayList<>();
        dataMembers().forEach(member -> dataMembers.add(member.getUuid()));
        Set<UUID> groupMembers = new HashSet<>();
        for (RaftEndpoint member : committed.getMembers()) {
            UUID uuid = ((CpEndpoint) member).uuid();
            groupMembers.add(uuid);
            if (!dataMembers.contains(uuid)) {
                goneSince.putIfAbsent(uuid, now); // gone before this member heard of it (it was not the leader then)
            }
        }
        goneSince.keySet().retainAll(groupMembers); // departures of members outside the group matter no more
        Set<UUID> learners = new HashSet<>(groupMembers);
        committed.getVotingMembers().forEach(e -> learners.remove(((CpEndpoint) e).uuid()));
        learners.forEach(learner -> learnerSince.putIfAbsent(learner, now));
        learnerSince.keySet().retainAll(learners);
        Optional<MembershipPlanner.Step> step = planner.next(groupOf(report, learnerSince), new MembershipPlanner.Cluster(dataMembers,
                goneSince, neverAdd()), now);
        if (step.isPresent()) {
            return take(node, step.get(), committed);
        }
        if (committed.getMembers().size() > committed.getVotingMembers().size()) {
            maintainLater(); // a learner catches up: promote it as soon as it has
        }
        if (!sameMembers(group.view(), committed)) {
            CpGroupView view = viewOf(committed, committed.getLogIndex());
            group.install(view);
            publish(view);
        }
        return null;
    }

    private CompletableFuture<?> take(RaftNode node, MembershipPlanner.Step step, RaftGroupMembers committed) {
        CpGroupView view = group.view();
        MembershipPlanner.Step previous = lastStep;
        lastStep = step;
        boolean retried = previous != null && previous.mode() == step.mode() && previous.member().equals(step.member());
        if (!retried) {
            log(step, view);
        }
        if (step.giveUp()) {
            refused.add(step.member()); // this leader never adds it again (another leader would give up on it in turn)
        }
        if (step.mode() != MembershipChangeMode.ADD_LEARNER) {
            return change(node, CpEndpoint.of(step.member()), step.mode(), committed.getLogIndex());
        }
        Member candidate = nodeEngine.getClusterService().getMember(step.member());
        if (candidate == null) {
            return null;
        }
        // The candidate starts its node (a learner) when it sees itself in a view: the change waits until it
        // has, or the leader's first messages to it are dropped and MicroRaft backs off for a second or more.
        List<UUID> members = new ArrayList<>(view.members());
        members.add(step.member());
        CpGroupView withCandidate = new CpGroupView(view.groupId(), view.initialMembers(), members, view.votingMembers(), view.version());
        return plain(nodeEngine.getOperationService().<Object>invokeOnTarget(CpService.SERVICE_NAME,
                new InstallCpViewOperation(withCandidate), candidate.getAddress()))
                .orTimeout(CANDIDATE_TIMEOUT_SECONDS, TimeUnit.SECONDS) // a frozen candidate must not hold up other changes
                .thenCompose(installed -> change(node, CpEndpoint.of(step.member()), step.mode(), committed.getLogIndex()));
    }

    private void log(MembershipPlanner.Step step, CpGroupView view) {
        switch (step.mode()) {
            case REMOVE_MEMBER:
                LOG.warn("Removing CP member {} from {}: {} (grid.cp.missingMemberRemovalTimeout: {})", step.member(), view.groupId(),
                        step.reason(), config.getMissingMemberRemovalTimeout());
                break;
            case ADD_OR_PROMOTE_TO_FOLLOWER:
                LOG.info("Promoting CP learner {} to a voting member of {}: {}", step.member(), view.groupId(), step.reason());
                break;
            default:
                LOG.info("Adding {} to {} as a learner: {}", step.member(), view.groupId(), step.reason());
                break;
        }
    }

    private static MembershipPlanner.Group groupOf(RaftNodeReport report, Map<UUID, Long> learnerSince) {
        RaftGroupMembers committed = report.getCommittedMembers();
        List<UUID> members = new ArrayList<>();
        committed.getMembers().forEach(e -> members.add(((CpEndpoint) e).uuid()));
        Set<UUID> voting = new HashSet<>();
        committed.getVotingMembers().forEach(e -> voting.add(((CpEndpoint) e).uuid()));
        Map<UUID, Long> matched = new HashMap<>();
        report.getLog().getFollowerMatchIndices().forEach((e, index) -> matched.put(((CpEndpoint) e).uuid(), index));
        return new MembershipPlanner.Group(members, voting, report.getLog().getCommitIndex(), matched, learnerSince);
    }

    /** @return members the group must not add: the ones it was formed with (MicroRaft never re-adds those), leaving, refused */
    private Set<UUID> neverAdd() {
        Set<UUID> excluded = new HashSet<>(group.view().initialMembers());
        excluded.addAll(leaving);
        excluded.addAll(refused);
        return excluded;
    }

    private CompletableFuture<Ordered<RaftGroupMembers>> change(RaftNode node, RaftEndpoint endpoint, MembershipChangeMode mode,
                                                                 long expectedIndex) {
        return node.changeMembership(endpoint, mode, expectedIndex).whenComplete((ordered, error) -> {
            UUID uuid = ((CpEndpoint) endpoint).uuid();
            if (error instanceof CannotReplicateException) {
                LOG.debug("CP membership change {} of {} must wait: {}", mode, endpoint, error.toString());
                return;
            }
            if (error != null) {
                LOG.warn("CP membership change {} of {} failed: {}", mode, endpoint, error.toString());
                if (mode == MembershipChangeMode.ADD_LEARNER && error instanceof IllegalArgumentException) {
                    refused.add(uuid);
                }
                return;
            }
            if (mode == MembershipChangeMode.REMOVE_MEMBER) {
                goneSince.remove(uuid);
            }
            CpGroupView view = viewOf(ordered.getResult(), ordered.getCommitIndex());
            LOG.info("CP group members now: voting {}, all {}", view.votingMembers(), view.members());
            group.install(view);
            publish(view);
        });
    }

    private static boolean sameMembers(CpGroupView view, RaftGroupMembers members) {
        Set<UUID> all = new HashSet<>();
        members.getMembers().forEach(e -> all.add(((CpEndpoint) e).uuid()));
        Set<UUID> voting = new HashSet<>();
        members.getVotingMembers().forEach(e -> voting.add(((CpEndpoint) e).uuid()));
        return view != null && all.equals(new HashSet<>(view.members())) && voting.equals(new HashSet<>(view.votingMembers()));
    }

    /**
     * Whether the voting members other than {@code member} that are still in the cluster form a
     * majority of them, so the group can commit {@code member}'s removal; logs why not.
     */
    private boolean othersCanCommitRemovalOf(RaftGroupMembers committed, UUID member) {
        List<UUID> others = new ArrayList<>();
        committed.getVotingMembers().forEach(e -> others.add(((CpEndpoint) e).uuid()));
        others.remove(member);
        if (!Quorum.hasMajority(others, this::inCluster)) {
            LOG.warn("CP member {} shuts down without leaving the group: only {} of the other {} voting members are in the cluster, "
                    + "too few to commit its removal", member, Quorum.present(others, this::inCluster), others.size());
            return false;
        }
        return true;
    }

    /**
     * Called when this member starts a graceful shutdown: the majority alarm stays quiet from now on
     * (the others leaving around it is the cluster going down, not a failure).
     *
     * @return whether this member should ask the group to remove it (false when the rest of the group
     *         cannot commit the removal any more, or this member holds no Raft node)
     */
    public boolean startShutdown() {
        majority.quiet();
        RaftNode node = group.node();
        return node != null && othersCanCommitRemovalOf(node.getCommittedMembers(), nodeEngine.getLocalMember().getUuid());
    }

    /**
     * Served on the leader: removes a member that is shutting down gracefully, so the group keeps
     * its majority arithmetic right instead of waiting for the removal timeout.
     */
    CompletableFuture<Object> leaveOnLeader(RaftNode node, UUID member) {
        leaving.add(member);
        RaftGroupMembers committed = node.getCommittedMembers();
        RaftEndpoint endpoint = CpEndpoint.of(member);
        if (!committed.getMembers().contains(endpoint)) {
            return CompletableFuture.completedFuture(LockResults.OK);
        }
        if (committed.getVotingMembers().size() == 1 && committed.getVotingMembers().contains(endpoint)) {
            LOG.warn("The only member of the CP group ({}) shuts down: every FencedLock is unusable until the cluster restarts", member);
            return CompletableFuture.completedFuture(LockResults.OK);
        }
        // The group without the leaving member must still have a live majority, or the removal can never
        // commit (and the leader steps down trying): then the member just goes, and is replaced later.
        if (!othersCanCommitRemovalOf(committed, member)) {
            return CompletableFuture.completedFuture(LockResults.OK);
        }
        if (committed.getLogIndex() != node.getEffectiveMembers().getLogIndex() || !changing.compareAndSet(false, true)) {
            return CompletableFuture.completedFuture(new CpRedirect(null, "another CP membership change is in progress"));
        }
        LOG.info("CP member {} shuts down: removing it from the group", member);
        return change(node, endpoint, MembershipChangeMode.REMOVE_MEMBER, committed.getLogIndex())
                .handle((ordered, error) -> {
                    changing.set(false);
                    return error == null ? (Object) LockResults.OK : new CpRedirect(null, "removal failed: " + error);
                });
    }

    // ---- majority ----

    private void watchMajority() {
        CpGroupView view = group.view();
        if (view == null) {
            majority.noGroup();
            return;
        }
        Collection<UUID> voting = new ArrayList<>(view.votingMembers());
        RaftNode node = group.node();
        if (group.isMember()) {
            voting.clear();
            node.getCommittedMembers().getVotingMembers().forEach(e -> voting.add(((CpEndpoint) e).uuid()));
        }
        MajorityWatch.Change change = majority.update(view.groupId().toString(), voting, this::inCluster, clock.nanos());
        if (change != MajorityWatch.Change.NONE) {
            int present = Quorum.present(voting, this::inCluster);
            events.publish(change == MajorityWatch.Change.LOST
                    ? new CpEvent.MajorityLost(clock.millis(), view.groupId().toString(), present, voting.size())
                    : new CpEvent.MajorityRegained(clock.millis(), view.groupId().toString(), present, voting.size()));
        }
    }

    private boolean inCluster(UUID member) {
        return nodeEngine.getClusterService().getMember(member) != null;
    }

    private List<Member> dataMembers() {
        List<Member> members = new ArrayList<>();
        for (Member member : nodeEngine.getClusterService().getMembers()) {
            if (!member.isLiteMember()) {
                members.add(member);
            }
        }
        return members;
    }
}
