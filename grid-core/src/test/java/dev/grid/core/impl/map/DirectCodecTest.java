package dev.grid.core.impl.map;

import com.hazelcast.internal.serialization.SerializationService;
import com.hazelcast.internal.serialization.impl.DefaultSerializationServiceBuilder;
import com.hazelcast.internal.serialization.impl.HeapData;
import org.junit.jupiter.api.Test;

import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The direct codec must produce Hazelcast's bytes exactly, or keys would land in other partitions. */
class DirectCodecTest {
    private final SerializationService hazelcast = new DefaultSerializationServiceBuilder().build();
    private final DirectCodec codec = new DirectCodec(hazelcast);

    @Test
    void encodesLikeHazelcastAndDecodesWhatHazelcastEncodes() {
        assertTrue(codec.enabled());
        SplittableRandom random = new SplittableRandom(7);
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(40);
            for (int c = 0; c < length; c++) {
                text.appendCodePoint(random.nextInt(4) == 0 ? random.nextInt(0x20, 0x10FFFF) : random.nextInt(0x20, 0x7F));
            }
            values.add(text.toString());
            values.add(random.nextInt());
            values.add(random.nextLong());
            byte[] bytes = new byte[random.nextInt(300)];
            random.nextBytes(bytes);
            values.add(bytes);
        }
        values.add("\uD800 unpaired surrogate");
        for (Object value : values) {
            byte[] expected = hazelcast.toData(value).toByteArray();
            assertArrayEquals(expected, codec.encode(value).toByteArray(), "encoding of " + value);
            Object decoded = codec.decode(expected);
            Object reference = hazelcast.toObject(new HeapData(expected));
            if (value instanceof byte[]) {
                assertArrayEquals((byte[]) reference, (byte[]) decoded);
            } else {
                assertEquals(reference, decoded);
            }
            assertEquals(hazelcast.toData(value).getPartitionHash(), codec.encode(value).getPartitionHash());
        }
    }

    @Test
    void leavesOtherTypesToHazelcast() {
        assertNull(codec.encode(3.5d));
        assertNull(codec.encode(List.of("a")));
        assertSame(DirectCodec.NOT_DECODED, codec.decode(hazelcast.toData(3.5d).toByteArray()));
    }

    @Test
    void switchesItselfOffWhenHazelcastIsConfiguredDifferently() {
        SerializationService littleEndian = new DefaultSerializationServiceBuilder().setByteOrder(ByteOrder.LITTLE_ENDIAN).build();
        DirectCodec off = new DirectCodec(littleEndian);
        assertFalse(off.enabled());
        assertNull(off.encode("key"));
        assertSame(DirectCodec.NOT_DECODED, off.decode(littleEndian.toData("key").toByteArray()));
    }
}
