package dev.grid.query.impl.sql;

import com.hazelcast.internal.serialization.Data;
import com.hazelcast.internal.serialization.InternalSerializationService;
import com.hazelcast.internal.serialization.impl.DefaultSerializationServiceBuilder;
import com.hazelcast.internal.serialization.impl.HeapData;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.DataSerializable;
import com.hazelcast.nio.serialization.DataSerializableFactory;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import com.hazelcast.nio.serialization.impl.Versioned;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link DataSerializableReader} reads plain {@code DataSerializable} objects as Hazelcast does, and leaves everything
 * else to Hazelcast (null), so a scan never reads an object differently from Hazelcast nor hides its error.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class DataSerializableReaderTest {
    private static final int FACTORY = 7;
    private final InternalSerializationService serialization = new DefaultSerializationServiceBuilder()
            .addDataSerializableFactory(FACTORY, id -> new Identified()).build();
    private final DataSerializableReader reader = new DataSerializableReader(serialization);

    @Test
    void readsPlainDataSerializableObjectsAsHazelcastDoes() {
        for (int i = 0; i < 3; i++) { // the same class again: from the kept constructor
            Ticket ticket = new Ticket(i, "c" + i, i * 0.25);
            assertEquals(ticket, reader.readOrNull(serialization.toData(ticket)));
        }
        Data other = serialization.toData(new Other("x"));
        assertEquals(new Other("x").name, ((Other) reader.readOrNull(other)).name, "a second class after the first");
        assertEquals(new Ticket(9, null, 1.5), reader.readOrNull(serialization.toData(new Ticket(9, null, 1.5))), "null strings");
        // the community edition writes no versions, so a Versioned class's bytes are plain: read as Hazelcast reads them
        Data versioned = serialization.toData(new VersionedTicket());
        assertEquals(serialization.<Object>toObject(versioned), reader.readOrNull(versioned));
    }

    @Test
    void readsTheStoredBytesAsTheirData() {
        Ticket ticket = new Ticket(3, "c3", 0.75);
        assertEquals(ticket, reader.readOrNull(serialization.toData(ticket).toByteArray()));
        assertNull(reader.readOrNull((byte[]) null));
        assertNull(reader.readOrNull(new byte[8]), "no payload");
        assertNull(reader.readOrNull(serialization.toData("a string").toByteArray()), "another serializer");
        assertNull(reader.readOrNull(serialization.toData(new Identified()).toByteArray()), "an IdentifiedDataSerializable");
    }

    @Test
    void leavesEverythingElseToHazelcast() {
        assertNull(reader.readOrNull((Data) null));
        assertNull(reader.readOrNull(serialization.toData("a string")), "another serializer");
        assertNull(reader.readOrNull(serialization.toData(new Identified())), "an IdentifiedDataSerializable");
        assertNull(reader.readOrNull(serialization.toData(new Failing())), "a readData that throws");
        assertNull(reader.readOrNull(serialization.toData(new NoDefaultConstructor(1))), "no constructor without arguments");
    }

    @Test
    void leavesAClassItCannotLoadToHazelcast() {
        byte[] bytes = serialization.toData(new Ticket(1, "c", 1.0)).toByteArray().clone();
        String name = Ticket.class.getName();
        byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
        int at = indexOf(bytes, nameBytes);
        assertTrue(at > 0, "the class name is in the bytes");
        bytes[at + nameBytes.length - 1] = 'X'; // dev.grid...TickeX: no such class
        assertNull(reader.readOrNull(new HeapData(bytes)));
        assertNotEquals(null, reader.readOrNull(serialization.toData(new Ticket(2, "d", 2.0))), "the real class still read afterwards");
    }

    private static int indexOf(byte[] bytes, byte[] part) {
        for (int i = 0; i + part.length <= bytes.length; i++) {
            boolean match = true;
            for (int j = 0; j < part.length && match; j++) {
                match = bytes[i + j] == part[j];
            }
            if (match) {
                return i;
            }
        }
        return -1;
    }

    public static class Other implements DataSerializable {
        String name;

        public Other() {
        }

        Other(String name) {
            this.name = name;
        }

        @Override
        public void writeData(ObjectDataOutput out) throws IOException {
            out.writeString(name);
        }

        @Override
        public void readData(ObjectDataInput in) throws IOException {
            name = in.readString();
        }
    }

    public static class Identified implements IdentifiedDataSerializable {
        @Override
        public int getFactoryId() {
            return FACTORY;
        }

        @Override
        public int getClassId() {
            return 1;
        }

        @Override
        public void writeData(ObjectDataOutput out) {
        }

        @Override
        public void readData(ObjectDataInput in) {
        }
    }

    public static class VersionedTicket extends Ticket implements Versioned {
        public VersionedTicket() {
            super(1, "v", 1.0);
        }
    }

    public static class Failing implements DataSerializable {
        @Override
        public void writeData(ObjectDataOutput out) {
        }

        @Override
        public void readData(ObjectDataInput in) throws IOException {
            throw new IOException("broken on purpose");
        }
    }

    public static class NoDefaultConstructor implements DataSerializable {
        int value;

        public NoDefaultConstructor(int value) {
            this.value = value;
        }

        @Override
        public void writeData(ObjectDataOutput out) throws IOException {
            out.writeInt(value);
        }

        @Override
        public void readData(ObjectDataInput in) throws IOException {
            value = in.readInt();
        }
    }
}
