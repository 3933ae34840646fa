/** Consumer groups: membership, partition assignment and committed offsets, kept by each group's coordinator. */
package dev.grid.log.impl.group;
