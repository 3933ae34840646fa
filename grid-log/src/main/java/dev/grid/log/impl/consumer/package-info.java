/** Consumers: polling assigned partitions, positions, automatic and manual commits. */
package dev.grid.log.impl.consumer;
