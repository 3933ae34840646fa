package dev.grid.txn.impl;

import dev.grid.core.Grid;
import dev.grid.core.GridMember;
import dev.grid.core.GridMode;
import dev.grid.core.spi.MemberContext;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Base64;
import java.util.UUID;

/** Defaults derived from the grid: node identifier from the member or client UUID, object store directory. */
final class NodeIds {
    private NodeIds() {
    }

    /** @return {@code g-} and the 22-character URL-safe Base64 of the member's (or client's) UUID: 24 characters */
    static String derive(Grid grid) {
        UUID uuid = grid.localMember().map(GridMember::id).orElseGet(() -> grid.hazelcast().getLocalEndpoint().getUuid());
        ByteBuffer bytes = ByteBuffer.allocate(16).putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits());
        return "g-" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array());
    }

    /** @return {@code <grid.dataDirectory>/txn} on an embedded member, {@code grid-data/txn} otherwise */
    static Path defaultObjectStore(Grid grid) {
        if (grid.mode() == GridMode.EMBEDDED) {
            return MemberContext.of(grid).config().getDataDirectory().resolve("txn");
        }
        return Path.of("grid-data", "txn");
    }
}
