/**
 * The one place the harness uses Hazelcast and grid internals: scans of one partition (YCSB
 * workload E) for GridMap (its fetch-partition operation, embedded or through the client
 * protocol) and for IMap (Hazelcast's partition iterator).
 */
package dev.grid.perf.bench.targets.impl;
