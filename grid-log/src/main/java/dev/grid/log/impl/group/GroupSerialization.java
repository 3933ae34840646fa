package dev.grid.log.impl.group;

import dev.grid.core.spi.SerializableTypes;

/** The serializable types of consumer groups: class ids 100 to 149 of grid-log's factory. */
public final class GroupSerialization {
    private GroupSerialization() {
    }

    public static SerializableTypes addTo(SerializableTypes types) {
        return types;
    }
}
