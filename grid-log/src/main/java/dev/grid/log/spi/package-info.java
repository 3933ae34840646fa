/**
 * grid-log's service provider interface for other modules' member-side code: {@link dev.grid.log.spi.MemberLog}, the
 * log as seen from inside a member (grid-query's SQL connector reads log partitions on the members that own them
 * through it). Not for applications: use {@link dev.grid.log.GridLog}.
 */
package dev.grid.log.spi;
