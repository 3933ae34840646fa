/** The monitor's implementation: wiring of its parts and their scheduled tasks. */
package dev.grid.monitor.impl;
