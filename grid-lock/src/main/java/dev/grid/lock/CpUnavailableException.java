package dev.grid.lock;

import dev.grid.core.GridException;

/**
 * The CP group cannot serve a lock call: the CP subsystem is off ({@code grid.cp.memberCount: 0}),
 * the group has not formed yet (fewer members than {@code grid.cp.memberCount} have joined), or no
 * leader answered within the retry window ({@code grid.cp.sessionTtl}), for example because the
 * group has lost its majority. The message says which.
 *
 * <p>When this is thrown by {@code lock()} or {@code unlock()}, the outcome of the call is unknown:
 * it may have been applied just before the group became unreachable.
 *
 * @since 0.1
 */
public class CpUnavailableException extends GridException {
    private static final long serialVersionUID = 1L;

    public CpUnavailableException(String message) {
        super(message);
    }
}
