/**
 * grid-log's API: {@link dev.grid.log.GridLog}, a partitioned, replicated log on disk, with
 * {@link dev.grid.log.LogProducer producers}, reads by offset and time, and
 * {@link dev.grid.log.LogConsumer consumers} in groups. Model and guarantees: {@code docs/log.md}.
 */
package dev.grid.log;
