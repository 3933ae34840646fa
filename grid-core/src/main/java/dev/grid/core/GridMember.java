package dev.grid.core;

import java.util.Objects;
import java.util.UUID;

/**
 * A member of the cluster as seen by a {@link Grid}: its unique id, the address it listens on,
 * and whether it runs in this JVM (only ever true for an embedded grid's own member).
 *
 * @param id    the member's UUID, stable for the member's lifetime and never reused
 * @param host  the host the member announces
 * @param port  the port the member listens on
 * @param local true when this member is the calling embedded grid's own member
 *              (not part of equality: the same member seen from two grids is equal)
 * @since 0.1
 */
public record GridMember(UUID id, String host, int port, boolean local) {

    public GridMember {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(host, "host");
    }

    /** @return {@code host:port} */
    public String address() {
        return host + ":" + port;
    }

    /** Members are equal when their ids are: a member's id is never reused. */
    @Override
    public boolean equals(Object o) {
        return o instanceof GridMember && ((GridMember) o).id.equals(id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return address() + (local ? " (this member)" : "") + " " + id;
    }
}
