package dev.grid.core.impl.map.table;

import dev.grid.core.spi.EntryBytes;
import net.openhft.chronicle.map.MapEntry;

/**
 * The entry a table visit is at, as {@link EntryBytes}: sizes read from the entry, bytes copied out of the table only
 * when asked (Chronicle reads into the given array when it has the entry's size). One per visit, moved along the
 * entries; valid only while the visit is at the entry.
 */
final class StoredEntryBytes implements EntryBytes {
    private MapEntry<byte[], byte[]> entry;

    /** @return this view, at the entry (null: at none) */
    StoredEntryBytes at(MapEntry<byte[], byte[]> entry) {
        this.entry = entry;
        return this;
    }

    @Override
    public int keySize() {
        return (int) current().key().size();
    }

    @Override
    public int valueSize() {
        return (int) current().value().size();
    }

    @Override
    public byte[] key(byte[] reuse) {
        return current().key().getUsing(reuse);
    }

    @Override
    public byte[] value(byte[] reuse) {
        return current().value().getUsing(reuse);
    }

    private MapEntry<byte[], byte[]> current() {
        if (entry == null) {
            throw new IllegalStateException("an entry of a table visit was read after the visit moved past it");
        }
        return entry;
    }
}
