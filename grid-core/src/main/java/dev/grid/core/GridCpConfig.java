package dev.grid.core;

import dev.grid.core.impl.DurationText;
import dev.grid.core.impl.RequireDuration;

import java.time.Duration;

/**
 * Settings of grid's CP subsystem ({@code grid.cp.*} in {@code grid.yaml}): the Raft group that
 * replicates FencedLock state (module grid-lock). Durations are written as {@link DurationText} reads
 * them: {@code 500ms}, {@code 1.5s}, {@code 2m}.
 *
 * @since 0.1
 */
public final class GridCpConfig {
    private int memberCount = 3;
    private Duration sessionTtl = Duration.ofSeconds(30);
    private Duration sessionHeartbeatInterval = Duration.ofSeconds(5);
    private Duration leaderElectionTimeout = Duration.ofMillis(500);
    private Duration leaderHeartbeatPeriod = Duration.ofSeconds(1);
    private Duration leaderHeartbeatTimeout = Duration.ofSeconds(2);
    private Duration missingMemberRemovalTimeout = Duration.ZERO;
    private int lockReentrancyLimit;
    private int commitCountToTakeSnapshot = 1000;

    /**
     * @return how many members form the Raft group (default 3; 1 is allowed for development and is
     *         not fault-tolerant; 0 turns the CP subsystem off)
     */
    public int getMemberCount() {
        return memberCount;
    }

    public GridCpConfig setMemberCount(int memberCount) {
        this.memberCount = Require.between("grid.cp.memberCount", memberCount, 0, 7);
        return this;
    }

    /** @return how long a session lives without a heartbeat; its locks are released when it expires (default 30s) */
    public Duration getSessionTtl() {
        return sessionTtl;
    }

    public GridCpConfig setSessionTtl(Duration sessionTtl) {
        this.sessionTtl = RequireDuration.positive("grid.cp.sessionTtl", sessionTtl);
        return this;
    }

    /** @return how often a session holder tells the group it is alive; must be below the TTL (default 5s) */
    public Duration getSessionHeartbeatInterval() {
        return sessionHeartbeatInterval;
    }

    public GridCpConfig setSessionHeartbeatInterval(Duration sessionHeartbeatInterval) {
        this.sessionHeartbeatInterval = RequireDuration.positive("grid.cp.sessionHeartbeatInterval", sessionHeartbeatInterval);
        return this;
    }

    /** @return how long a follower waits for votes before it retries an election (default 500ms) */
    public Duration getLeaderElectionTimeout() {
        return leaderElectionTimeout;
    }

    public GridCpConfig setLeaderElectionTimeout(Duration leaderElectionTimeout) {
        this.leaderElectionTimeout = RequireDuration.positive("grid.cp.leaderElectionTimeout", leaderElectionTimeout);
        return this;
    }

    /** @return how often the leader sends heartbeats; whole seconds (default 1s) */
    public Duration getLeaderHeartbeatPeriod() {
        return leaderHeartbeatPeriod;
    }

    public GridCpConfig setLeaderHeartbeatPeriod(Duration leaderHeartbeatPeriod) {
        this.leaderHeartbeatPeriod = RequireDuration.wholeSeconds("grid.cp.leaderHeartbeatPeriod", leaderHeartbeatPeriod);
        return this;
    }

    /** @return how long followers wait without a heartbeat before they elect a new leader; whole seconds (default 2s) */
    public Duration getLeaderHeartbeatTimeout() {
        return leaderHeartbeatTimeout;
    }

    public GridCpConfig setLeaderHeartbeatTimeout(Duration leaderHeartbeatTimeout) {
        this.leaderHeartbeatTimeout = RequireDuration.wholeSeconds("grid.cp.leaderHeartbeatTimeout", leaderHeartbeatTimeout);
        return this;
    }

    /**
     * @return how long after the cluster has removed a CP member the group removes it too, making room
     *         for its replacement (default 0s: at once). A member the cluster removed never comes back
     *         under the same identity (a restarted member is a new one), so waiting only keeps a dead
     *         voter in the group's majority and its replacement out
     */
    public Duration getMissingMemberRemovalTimeout() {
        return missingMemberRemovalTimeout;
    }

    public GridCpConfig setMissingMemberRemovalTimeout(Duration missingMemberRemovalTimeout) {
        this.missingMemberRemovalTimeout = RequireDuration.notNegative("grid.cp.missingMemberRemovalTimeout", missingMemberRemovalTimeout);
        return this;
    }

    /** @return how many times one holder may acquire a lock it holds; 0 means no limit, 1 non-reentrant (default 0) */
    public int getLockReentrancyLimit() {
        return lockReentrancyLimit;
    }

    public GridCpConfig setLockReentrancyLimit(int lockReentrancyLimit) {
        this.lockReentrancyLimit = Require.between("grid.cp.lockReentrancyLimit", lockReentrancyLimit, 0, Integer.MAX_VALUE);
        return this;
    }

    /** @return committed Raft entries between snapshots, which keep the log bounded (default 1000) */
    public int getCommitCountToTakeSnapshot() {
        return commitCountToTakeSnapshot;
    }

    public GridCpConfig setCommitCountToTakeSnapshot(int commitCountToTakeSnapshot) {
        this.commitCountToTakeSnapshot = Require.between("grid.cp.commitCountToTakeSnapshot", commitCountToTakeSnapshot, 1, Integer.MAX_VALUE);
        return this;
    }

    void validate() {
        if (sessionHeartbeatInterval.compareTo(sessionTtl) >= 0) {
            throw new GridConfigException("grid.cp.sessionHeartbeatInterval", "grid.cp.sessionHeartbeatInterval must be below grid.cp.sessionTtl ("
                    + DurationText.format(sessionTtl) + "), was " + DurationText.format(sessionHeartbeatInterval));
        }
        if (leaderHeartbeatPeriod.compareTo(leaderHeartbeatTimeout) >= 0) {
            throw new GridConfigException("grid.cp.leaderHeartbeatPeriod", "grid.cp.leaderHeartbeatPeriod must be below grid.cp.leaderHeartbeatTimeout ("
                    + DurationText.format(leaderHeartbeatTimeout) + "), was " + DurationText.format(leaderHeartbeatPeriod));
        }
    }
}
