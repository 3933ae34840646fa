/** Alert rules: built-in rules, evaluation, the cluster's alert map, webhook notification. */
package dev.grid.monitor.impl.alerts;
