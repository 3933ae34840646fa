/**
 * Hazelcast Jet's jobs as grid monitors them: their figures read from Jet's job metrics and snapshot records, a
 * cached view refreshed on the monitor's own thread, the metrics it reports, and the actions the dashboard takes on a job.
 */
package dev.grid.monitor.impl.jobs;
