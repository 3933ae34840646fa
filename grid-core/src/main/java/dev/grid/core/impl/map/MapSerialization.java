package dev.grid.core.impl.map;

import com.hazelcast.internal.serialization.Data;
import com.hazelcast.internal.serialization.SerializationService;
import com.hazelcast.internal.serialization.impl.HeapData;
import com.hazelcast.nio.serialization.HazelcastSerializationException;
import dev.grid.core.impl.security.DeserializationAllowlist;

import java.util.Objects;

/**
 * Turns a GridMap's keys and values into the bytes it stores and back, with errors that name the
 * map, the argument and the key; shared by the member and the client proxy.
 */
public final class MapSerialization {
    private final String mapName;
    private final SerializationService serialization;
    private final DirectCodec direct;

    public MapSerialization(String mapName, SerializationService serialization) {
        this.mapName = mapName;
        this.serialization = serialization;
        this.direct = new DirectCodec(serialization);
    }

    public Data key(Object key) {
        Objects.requireNonNull(key, "key must not be null");
        Data encoded = direct.encode(key);
        if (encoded != null) {
            return encoded;
        }
        try {
            return serialization.toData(key);
        } catch (HazelcastSerializationException e) {
            throw new IllegalArgumentException("GridMap '" + mapName + "': cannot serialize the key " + describe(key)
                    + ": " + e.getMessage() + "; nothing was stored", e);
        }
    }

    public Data value(Object key, Object value, String argument) {
        Objects.requireNonNull(value, argument + " must not be null");
        Data encoded = direct.encode(value);
        if (encoded != null) {
            return encoded;
        }
        try {
            return serialization.toData(value);
        } catch (HazelcastSerializationException e) {
            throw new IllegalArgumentException("GridMap '" + mapName + "': cannot serialize the " + argument + " "
                    + describe(value) + " for key " + describe(key) + ": " + e.getMessage() + "; nothing was stored", e);
        }
    }

    public Data processor(Object key, Object processor) {
        Objects.requireNonNull(processor, "processor must not be null");
        try {
            return serialization.toData(processor);
        } catch (HazelcastSerializationException e) {
            throw new IllegalArgumentException("GridMap '" + mapName + "': cannot serialize the entry processor "
                    + processor.getClass().getName() + " for key " + describe(key) + ": " + e.getMessage(), e);
        }
    }

    /** @throws IllegalArgumentException if the fence is not a fence a FencedLock could have issued */
    public long fence(Object key, long fence) {
        if (fence <= 0) {
            throw new IllegalArgumentException("GridMap '" + mapName + "': a fenced write to key " + describe(key)
                    + " needs a fence > 0 (as FencedLock issues them), was " + fence + "; nothing was stored");
        }
        return fence;
    }

    public <T> T toObject(Object data) {
        try {
            return serialization.toObject(data);
        } catch (HazelcastSerializationException e) {
            throw explained(e);
        }
    }

    @SuppressWarnings("unchecked")
    public <T> T toObject(byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        Object decoded = direct.decode(bytes);
        return decoded != DirectCodec.NOT_DECODED ? (T) decoded : toObject(new HeapData(bytes));
    }

    /** A member's deserialization allowlist refusing a stored key's or value's class gets a message saying how to allow it. */
    private HazelcastSerializationException explained(HazelcastSerializationException e) {
        return DeserializationAllowlist.refusedClass(e)
                .map(refused -> new HazelcastSerializationException("GridMap '" + mapName + "': cannot read an entry: "
                        + DeserializationAllowlist.explain(refused), e))
                .orElse(e);
    }

    private static String describe(Object object) {
        return KeyDescriptions.describe(object) + " (" + object.getClass().getName() + ")";
    }
}
