/**
 * Implementation of grid-core on Hazelcast: the embedded and client grids, the partition view,
 * the translation of grid's configuration into Hazelcast's, and the YAML reader.
 * Everything that touches Hazelcast's API or internals is kept here, so that a Hazelcast
 * upgrade touches this package, not the public one.
 */
package dev.grid.core.impl;
