package dev.grid.lock.impl;

import dev.grid.core.MetricsCollector;
import dev.grid.core.MetricsSource;
import dev.grid.lock.impl.raft.CpGroup;
import dev.grid.lock.impl.raft.CpGroupView;
import dev.grid.lock.impl.statemachine.LockStateMachine;

import java.util.Map;

/**
 * The CP group and its locks as this member sees them. Lock counters come from this member's
 * replica of the state machine: every CP member reports the same totals (read them from one, e.g.
 * the one with {@code grid_cp_leader 1}); a member outside the group reports 0.
 */
public final class CpMetrics implements MetricsSource {
    private final CpService service;

    public CpMetrics(CpService service) {
        this.service = service;
    }

    @Override
    public void collectInto(MetricsCollector c) {
        Map<String, String> none = Map.of();
        CpGroup group = service.group();
        CpGroupView view = group.view();
        LockStateMachine machine = group.stateMachine();
        c.gauge("grid_cp_member", "1 if this member runs a Raft node of the CP group", none, group.isMember() ? 1 : 0);
        c.gauge("grid_cp_leader", "1 if this member leads the CP group", none, group.isLeader() ? 1 : 0);
        c.gauge("grid_cp_leader_known", "1 if this member knows the CP group's leader", none, service.invoker().knownLeader() != null ? 1 : 0);
        c.gauge("grid_cp_raft_term", "Raft term of this member's node (0 outside the CP group)", none, group.term());
        c.gauge("grid_cp_commit_index", "Raft commit index applied by this member's replica (0 outside the CP group)", none,
                machine == null ? 0 : machine.appliedIndex());
        c.gauge("grid_cp_majority_available", "1 if a majority of the CP group's voting members is in the cluster", none,
                service.membership().majorityAvailable() ? 1 : 0);
        c.gauge("grid_cp_failures_tolerated", "how many more voting members the CP group can lose and keep a majority", none,
                service.membership().failuresTolerated());
        c.gauge("grid_cp_voting_present", "voting members of the CP group in the cluster, as the majority watch last saw them",
                none, service.membership().votingPresent());
        c.gauge("grid_cp_voting_members", "voting members of the CP group, as last published", none,
                view == null ? 0 : view.votingMembers().size());
        if (machine != null) {
            c.gauge("grid_cp_sessions", "open CP sessions (members and clients using locks)", none, machine.sessionCount());
            c.gauge("grid_lock_held", "locks held now", none, machine.heldLocks());
            c.counter("grid_lock_acquires_total", "lock acquisitions granted, reentrant ones included", none, machine.acquires());
            c.counter("grid_lock_waits_total", "lock calls that had to wait in a lock's queue", none, machine.waits());
            c.counter("grid_cp_session_expiries_total", "CP sessions expired for lack of heartbeats (their locks were released)",
                    none, machine.sessionExpiries());
        }
    }
}
