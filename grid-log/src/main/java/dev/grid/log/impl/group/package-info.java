/**
 * Consumer groups: membership, partition assignment and committed offsets, kept by each group's coordinator.
 * {@link dev.grid.log.impl.group.GroupCoordinator} is the pure logic (one owner per partition at a time, sticky
 * balanced assignment, revoke before grant, session expiry, a fresh coordinator's grace);
 * {@link dev.grid.log.impl.group.GroupService} runs it on the owner of the group's cluster partition and replicates
 * the committed offsets; consumers reach it through {@link dev.grid.log.impl.group.GroupClient};
 * {@link dev.grid.log.impl.group.LocalGroupLag} measures the lag of the groups a member coordinates, for its metrics.
 * Guarantees: {@code docs/log.md} (Consumer groups).
 */
package dev.grid.log.impl.group;
