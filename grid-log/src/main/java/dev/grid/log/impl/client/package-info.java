/** grid-log's client protocol: one message type carries an operation to a partition's owner, another a member call. */
package dev.grid.log.impl.client;
