package dev.grid.core.spi;

import com.hazelcast.nio.serialization.DataSerializableFactory;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The table behind one module's {@code DataSerializerHook}: class id to constructor. An id given
 * twice fails at once; an unknown id on the wire fails with a message naming the module and the id.
 */
public final class SerializableTypes {
    private final String module;
    private final int factoryId;
    private final Map<Integer, Supplier<IdentifiedDataSerializable>> constructors = new HashMap<>();

    /**
     * @param module    the module's name, for messages (e.g. {@code grid-core})
     * @param factoryId the hook's factory id
     */
    public SerializableTypes(String module, int factoryId) {
        this.module = module;
        this.factoryId = factoryId;
    }

    /** @throws IllegalStateException if the class id is already taken */
    public SerializableTypes add(int classId, Supplier<IdentifiedDataSerializable> constructor) {
        if (constructors.putIfAbsent(classId, constructor) != null) {
            throw new IllegalStateException(module + " gives class id " + classId + " twice (factory " + factoryId + ")");
        }
        return this;
    }

    /** @return the factory Hazelcast calls to create an instance before reading it */
    public DataSerializableFactory factory() {
        Map<Integer, Supplier<IdentifiedDataSerializable>> table = Map.copyOf(constructors);
        return typeId -> {
            Supplier<IdentifiedDataSerializable> constructor = table.get(typeId);
            if (constructor == null) {
                throw new IllegalArgumentException(module + " has no serializable type with class id " + typeId
                        + " (factory " + factoryId + "): is the sender running another grid version?");
            }
            return constructor.get();
        };
    }
}
