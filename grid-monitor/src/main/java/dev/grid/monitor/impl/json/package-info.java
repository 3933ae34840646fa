/** A small JSON reader and writer: the monitor's cluster records and HTTP answers. */
package dev.grid.monitor.impl.json;
