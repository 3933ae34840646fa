/**
 * GridMap change capture on the log's side: {@link dev.grid.log.impl.capture.LogMapChangeCapture} implements grid-core's
 * {@link dev.grid.core.spi.MapChangeCapture}, appending each change of a map with change capture on to the map's
 * change topic through one idempotent producer per member, and creating the topic when a map is first written.
 */
package dev.grid.log.impl.capture;
