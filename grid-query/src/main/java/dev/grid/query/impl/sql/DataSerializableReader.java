package dev.grid.query.impl.sql;

import com.hazelcast.internal.nio.Bits;
import com.hazelcast.internal.nio.BufferObjectDataInput;
import com.hazelcast.internal.serialization.Data;
import com.hazelcast.internal.serialization.InternalSerializationService;
import com.hazelcast.nio.serialization.DataSerializable;
import com.hazelcast.version.Version;

import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Deserializes plain {@link DataSerializable} objects (not identified, not versioned) for a scan: the class named in
 * the bytes is resolved once and its no-argument constructor kept, then each object is {@code readData} from one reused
 * input. Hazelcast's {@code toObject} does the same per object with a class lookup by name, a reflective instantiation
 * and a thread-local class cache for user code deployment; for a scan of many entries of one class that was a quarter of
 * the scan's CPU. Anything this reader does not handle (another serializer, an identified or versioned
 * {@code DataSerializable}, a class this member cannot load, a constructor it cannot call, a read that fails) gives
 * null, and the caller leaves the object to Hazelcast, which deserializes it or reports the error it always reports.
 *
 * <p>Not thread-safe: one per projector.
 */
final class DataSerializableReader {
    /** Hazelcast's type id of {@link DataSerializable}; pinned with the Hazelcast version. */
    private static final int DATA_SERIALIZABLE = -2;
    /** Where a heap {@link Data}'s payload starts: after the partition hash and the type id. */
    private static final int PAYLOAD_OFFSET = 8;
    /** Where a heap {@link Data}'s type id starts: after the partition hash. */
    private static final int TYPE_OFFSET = 4;
    private static final int IDENTIFIED_OR_VERSIONED = 0b11;
    private static final int MAX_CLASSES = 64;

    private final InternalSerializationService serialization;
    private final BufferObjectDataInput input;
    /** Class name to its constructor, or to null when this reader leaves that class to Hazelcast. */
    private final Map<String, Supplier<? extends DataSerializable>> constructors = new HashMap<>();
    /** The UTF-8 bytes of the last class name read, and its constructor (null: left to Hazelcast). */
    private byte[] lastName;
    private Supplier<? extends DataSerializable> lastConstructor;

    DataSerializableReader(InternalSerializationService serialization) {
        this.serialization = serialization;
        this.input = serialization.createObjectDataInput(new byte[0]);
    }

    /** @return the object, or null to leave it to Hazelcast's deserialization */
    Object readOrNull(Data data) {
        if (data == null || data.getType() != DATA_SERIALIZABLE) {
            return null;
        }
        return readOrNull(data.toByteArray());
    }

    /**
     * @param bytes a key's or value's bytes as stored (Hazelcast's {@code Data} format), exactly: the object may read
     *              until their end
     * @return the object, or null to leave it to Hazelcast's deserialization
     */
    Object readOrNull(byte[] bytes) {
        if (bytes == null || bytes.length <= PAYLOAD_OFFSET || Bits.readIntB(bytes, TYPE_OFFSET) != DATA_SERIALIZABLE) {
            return null;
        }
        try {
            input.init(bytes, PAYLOAD_OFFSET);
            if ((input.readByte() & IDENTIFIED_OR_VERSIONED) != 0) {
                return null;
            }
            Supplier<? extends DataSerializable> constructor = constructorOf(bytes);
            if (constructor == null) {
                return null;
            }
            DataSerializable object = constructor.get();
            input.setVersion(Version.UNKNOWN);
            input.setWanProtocolVersion(Version.UNKNOWN);
            object.readData(input);
            return object;
        } catch (Exception | LinkageError e) {
            return null; // Hazelcast reads it again and fails in its own words
        } finally {
            input.clear();
        }
    }

    /**
     * Reads the class name (an int byte count, then UTF-8) and gives its constructor; when the name's bytes are the
     * previous object's, as they are for every entry of a map of one class, without decoding them.
     */
    private Supplier<? extends DataSerializable> constructorOf(byte[] bytes) throws java.io.IOException {
        int length = input.readInt();
        int at = input.position();
        if (length < 0 || length > bytes.length - at) {
            return null;
        }
        input.position(at + length);
        if (lastName != null && Arrays.equals(bytes, at, at + length, lastName, 0, lastName.length)) {
            return lastConstructor;
        }
        String className = new String(bytes, at, length, StandardCharsets.UTF_8);
        Supplier<? extends DataSerializable> constructor = constructorOf(className);
        lastName = Arrays.copyOfRange(bytes, at, at + length);
        lastConstructor = constructor;
        return constructor;
    }

    private Supplier<? extends DataSerializable> constructorOf(String className) {
        if (constructors.containsKey(className)) {
            return constructors.get(className);
        }
        Supplier<? extends DataSerializable> constructor = resolve(className);
        if (constructors.size() < MAX_CLASSES) {
            constructors.put(className, constructor);
        }
        return constructor;
    }

    private Supplier<? extends DataSerializable> resolve(String className) {
        try {
            ClassLoader loader = serialization.getClassLoader() != null ? serialization.getClassLoader()
                    : Thread.currentThread().getContextClassLoader();
            Class<?> type = Class.forName(className, false, loader);
            if (!DataSerializable.class.isAssignableFrom(type) || Modifier.isAbstract(type.getModifiers())) {
                return null;
            }
            Constructor<? extends DataSerializable> constructor = type.asSubclass(DataSerializable.class).getDeclaredConstructor();
            constructor.setAccessible(true);
            Supplier<? extends DataSerializable> fast = FastAccessors.constructor(constructor);
            return fast != null ? fast : () -> {
                try {
                    return constructor.newInstance();
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e); // the caller leaves the object to Hazelcast
                }
            };
        } catch (Exception | LinkageError e) {
            return null; // not loadable here (user code deployment, a missing class): Hazelcast's path decides
        }
    }
}
