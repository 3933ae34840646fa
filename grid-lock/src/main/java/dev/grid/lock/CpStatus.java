package dev.grid.lock;

/**
 * The CP group as this member sees it now: what a health check or a monitor asks before it relies on locks.
 *
 * @param enabled           whether the member runs the CP subsystem ({@code grid.cp.memberCount} above 0)
 * @param formed            whether the CP group has formed (its first {@code grid.cp.memberCount} members met)
 * @param majorityAvailable whether a majority of the group's voting members is in the cluster, as this member's
 *                          majority watch last saw it (checked every few hundred ms; false until its first check
 *                          after the group formed, and once the majority has been missing longer than
 *                          {@code grid.cp.leaderHeartbeatTimeout})
 * @param localLeader       whether this member is the group's Raft leader
 * @since 0.2
 */
public record CpStatus(boolean enabled, boolean formed, boolean majorityAvailable, boolean localLeader) {
}
