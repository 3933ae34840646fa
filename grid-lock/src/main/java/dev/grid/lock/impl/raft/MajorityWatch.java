package dev.grid.lock.impl.raft;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Collection;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * Whether the CP group's voting members in the cluster form a majority, and how many more of them
 * it may lose. A majority missing for longer than a grace period (the leader heartbeat timeout: not
 * a member's view lagging for a moment, as a learner's does while it catches up) is logged loudly,
 * once, and shows in {@link #majorityAvailable()}; so is its return ({@link #update} says when, for the
 * caller to publish). Called on one thread (the CP scheduler); read from any. Time is the caller's
 * (nanoseconds).
 */
final class MajorityWatch {
    /** What an {@link #update} changed. */
    enum Change {
        /** Nothing reported. */
        NONE,
        /** The majority has been missing past the grace period: reported lost. */
        LOST,
        /** A majority reported lost is back. */
        REGAINED
    }

    private static final Logger LOG = LoggerFactory.getLogger(MajorityWatch.class);

    private final long graceNanos;
    private volatile boolean majorityAvailable;
    private volatile int failuresTolerated;
    private volatile int votingPresent;
    private volatile boolean lostReported;
    private volatile boolean quiet;
    private boolean missing;
    private long missingSince;

    /** @param graceNanos how long a majority may be missing before it counts as lost */
    MajorityWatch(long graceNanos) {
        this.graceNanos = graceNanos;
    }

    /** No group yet: no majority, nothing tolerated. */
    void noGroup() {
        majorityAvailable = false;
        failuresTolerated = 0;
        votingPresent = 0;
    }

    /**
     * @param group   the group, for the log
     * @param voting  its voting members
     * @param present whether a member is in the cluster
     * @param now     the caller's clock, nanoseconds
     * @return whether the majority was reported lost, or back, by this update
     */
    Change update(String group, Collection<UUID> voting, Predicate<UUID> present, long now) {
        int inCluster = Quorum.present(voting, present);
        votingPresent = inCluster;
        failuresTolerated = Quorum.failuresTolerated(voting, present);
        if (Quorum.hasMajority(voting, present)) {
            missing = false;
            majorityAvailable = true;
            if (lostReported) {
                lostReported = false;
                LOG.warn("The CP group {} has a majority again: {} of {} voting members are in the cluster", group, inCluster, voting.size());
                return Change.REGAINED;
            }
            return Change.NONE;
        }
        if (!missing) {
            missing = true;
            missingSince = now;
        }
        if (now - missingSince >= graceNanos && !lostReported && !quiet) {
            lostReported = true;
            majorityAvailable = false;
            LOG.error("*** The CP group {} has LOST ITS MAJORITY: {} of its {} voting members are in the cluster, it needs {}. "
                            + "FencedLock calls fail until enough of them return. CP state is kept in memory only: "
                            + "if they are gone for good, the locks are lost and the cluster must be restarted. ***",
                    group, inCluster, voting.size(), Quorum.majority(voting.size()));
            return Change.LOST;
        }
        return Change.NONE;
    }

    /** This member shuts down: the others leaving around it is the cluster going down, not a failure to report. */
    void quiet() {
        quiet = true;
    }

    /**
     * @return whether a majority of the voting members is in the cluster: false before the group
     *         forms, and once the majority has been missing longer than the grace period
     */
    boolean majorityAvailable() {
        return majorityAvailable;
    }

    /** @return whether the lost majority has been reported (and not its return yet) */
    boolean lostReported() {
        return lostReported;
    }

    /** @return how many more voting members may be lost with a majority left (0 while it is missing) */
    /** @return the voting members in the cluster when the watch last looked */
    int present() {
        return votingPresent;
    }

    int failuresTolerated() {
        return failuresTolerated;
    }
}
