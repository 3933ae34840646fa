/**
 * The FencedLock proxies' shared behaviour ({@link dev.grid.lock.impl.proxy.FencedLockCore}: per-thread
 * ownership checks, retries under a new session, exceptions), the CP session of a member or client,
 * and the member-side proxy and gateway.
 */
package dev.grid.lock.impl.proxy;
