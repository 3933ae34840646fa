/** grid-log's implementation: the member service, the API over members and clients, serialization. */
package dev.grid.log.impl;
