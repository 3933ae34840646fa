/** Producers: per-partition batching, one batch in flight per partition, idempotent retries. */
package dev.grid.log.impl.producer;
