package dev.grid.lock.impl;

import com.hazelcast.internal.services.GracefulShutdownAwareService;
import com.hazelcast.internal.services.ManagedService;
import com.hazelcast.internal.services.MembershipAwareService;
import com.hazelcast.internal.services.MembershipServiceEvent;
import com.hazelcast.internal.services.PostJoinAwareService;
import com.hazelcast.spi.impl.NodeEngine;
import com.hazelcast.spi.impl.operationservice.Operation;
import dev.grid.core.GridClock;
import dev.grid.core.GridConfig;
import dev.grid.core.GridCpConfig;
import dev.grid.core.GridEvents;
import dev.grid.core.impl.DefaultGridEvents;
import dev.grid.core.impl.map.GridMapService;
import dev.grid.lock.impl.commands.LeaveGroupCommand;
import dev.grid.lock.impl.raft.CpGroup;
import dev.grid.lock.impl.raft.CpGroupView;
import dev.grid.lock.impl.raft.CpMembership;
import dev.grid.lock.impl.raft.RaftInvoker;
import dev.grid.lock.impl.raft.operations.InstallCpViewOperation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The CP group service of one member (a Hazelcast service, found through
 * {@code META-INF/services}): holds this member's part in the CP group, routes CP calls to the
 * leader, and runs the group's upkeep on one scheduler thread: formation, replacement of lost
 * members, the majority watch (every 500 ms), and the leader's ticks for due session expiries and
 * wait timeouts (every 20 ms, cheap when nothing is due).
 *
 * <p>All CP state is in memory: a member that restarts joins as a new member.
 */
public final class CpService implements ManagedService, MembershipAwareService, PostJoinAwareService, GracefulShutdownAwareService {
    public static final String SERVICE_NAME = "grid:cpService";
    private static final Logger LOG = LoggerFactory.getLogger(CpService.class);
    private static final long MAINTENANCE_PERIOD_MILLIS = 500;
    private static final long TICK_PERIOD_MILLIS = 20;
    private static final long LEAVE_TIMEOUT_SECONDS = 5;

    private final NodeEngine nodeEngine;
    private GridClock clock;
    private GridCpConfig config;
    private ScheduledExecutorService scheduler;
    private CpGroup group;
    private CpMembership membership;
    private RaftInvoker invoker;

    public CpService(NodeEngine nodeEngine) {
        this.nodeEngine = nodeEngine;
    }

    @Override
    public void init(NodeEngine nodeEngine, Properties properties) {
        Object fromGrid = nodeEngine.getConfig().getUserContext().get(GridMapService.CONFIG_KEY);
        GridConfig gridConfig = fromGrid instanceof GridConfig ? (GridConfig) fromGrid : new GridConfig();
        config = gridConfig.getCp();
        clock = gridConfig.getClock();
        Object bus = nodeEngine.getConfig().getUserContext().get(DefaultGridEvents.USER_CONTEXT_KEY);
        GridEvents events = bus instanceof GridEvents ? (GridEvents) bus : new DefaultGridEvents();
        int port = nodeEngine.getThisAddress().getPort();
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "grid-cp-" + port);
            thread.setDaemon(true);
            return thread;
        });
        group = new CpGroup(nodeEngine, config, clock, this::onMessageFromUnknownGroup);
        membership = new CpMembership(nodeEngine, config, group, scheduler, clock, events);
        group.setMembership(membership);
        invoker = new RaftInvoker(nodeEngine, config, group, membership, scheduler, clock);
        if (config.getMemberCount() == 0) {
            LOG.info("The CP subsystem is off (grid.cp.memberCount: 0): FencedLock calls fail on this member");
            return;
        }
        scheduler.scheduleWithFixedDelay(membership::maintain, MAINTENANCE_PERIOD_MILLIS, MAINTENANCE_PERIOD_MILLIS, TimeUnit.MILLISECONDS);
        scheduler.scheduleWithFixedDelay(this::tick, TICK_PERIOD_MILLIS, TICK_PERIOD_MILLIS, TimeUnit.MILLISECONDS);
    }

    private void tick() {
        try {
            group.tickIfDue();
        } catch (RuntimeException e) {
            LOG.warn("CP tick failed", e);
        }
    }

    private void onMessageFromUnknownGroup(UUID sender) {
        membership.requestViewFrom(sender);
    }

    public CpGroup group() {
        return group;
    }

    public CpMembership membership() {
        return membership;
    }

    public RaftInvoker invoker() {
        return invoker;
    }

    public GridCpConfig config() {
        return config;
    }

    public NodeEngine nodeEngine() {
        return nodeEngine;
    }

    /**
     * @return the member's clock ({@code GridConfig.setClock}): it stamps CP commands when this member leads (so
     *         session expiry and lock wait timeouts follow it), and times membership changes, the majority watch and
     *         the retry window of CP calls
     */
    public GridClock clock() {
        return clock;
    }

    @Override
    public void memberAdded(MembershipServiceEvent event) {
        runSoon();
    }

    @Override
    public void memberRemoved(MembershipServiceEvent event) {
        membership.memberRemoved(event.getMember().getUuid());
        runSoon();
    }

    private void runSoon() {
        if (config.getMemberCount() > 0 && !scheduler.isShutdown()) {
            scheduler.execute(membership::maintain);
        }
    }

    @Override
    public Operation getPostJoinOperation() {
        CpGroupView view = group.view();
        return view == null ? null : new InstallCpViewOperation(view);
    }

    /** Graceful shutdown: a voting member leaves the group at once, so it needs no replacement timeout. */
    @Override
    public boolean onShutdown(long timeout, TimeUnit unit) {
        boolean othersCanRemoveThisMember = membership.startShutdown();
        if (group.isMember() && othersCanRemoveThisMember) {
            try {
                invoker.invoke(new LeaveGroupCommand(nodeEngine.getLocalMember().getUuid()))
                        .get(Math.min(unit.toSeconds(timeout), LEAVE_TIMEOUT_SECONDS), TimeUnit.SECONDS);
            } catch (Exception e) {
                LOG.warn("{} could not leave the CP group before shutting down: {}", nodeEngine.getThisAddress(), e.toString());
            }
        }
        return true;
    }

    @Override
    public void reset() {
        // CP state does not survive a split-brain merge of Hazelcast's data structures: nothing to reset here
    }

    @Override
    public void shutdown(boolean terminate) {
        group.shutdown();
        invoker.shutdown();
        scheduler.shutdownNow();
    }
}
