/**
 * What members accept from the network: message sizes on client connections, the shared secret on
 * member and client connections, tested with real connections, spoken by hand where a well-behaved
 * client would never send such bytes.
 */
package dev.grid.core.security;
