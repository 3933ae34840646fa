/**
 * Corrupt or truncated replica files: finding them (reads, replication, migration copies, the check of each rolled
 * segment, a low-rate background scrub), logging and counting each, and rebuilding the replica from another one (a
 * backup cuts its log and is refilled by its owner; an owner copies the records back from a synchronous backup).
 * What is promised is in {@code docs/log.md}, "Corrupt or truncated files".
 */
package dev.grid.log.impl.repair;
