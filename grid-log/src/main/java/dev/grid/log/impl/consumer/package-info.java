/**
 * Consumers: polling assigned partitions with long-polling reads, positions, automatic and manual commits, and a
 * group member's heartbeats ({@link dev.grid.log.impl.consumer.DefaultLogConsumer}).
 */
package dev.grid.log.impl.consumer;
