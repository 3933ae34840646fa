package dev.grid.core.impl.security;

import com.hazelcast.client.impl.protocol.ClientMessage;
import com.hazelcast.internal.networking.Channel;
import com.hazelcast.internal.networking.ChannelOptions;
import com.hazelcast.internal.networking.HandlerStatus;
import com.hazelcast.internal.networking.InboundPipeline;
import com.hazelcast.internal.nio.Bits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.ByteArrayOutputStream;
import java.lang.reflect.Proxy;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static com.hazelcast.client.impl.protocol.ClientMessage.IS_FINAL_FLAG;
import static com.hazelcast.client.impl.protocol.ClientMessage.UNFRAGMENTED_MESSAGE;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The guard alone, fed bytes in chunks of every size into a small next buffer, as the network
 * may deliver them: valid streams pass unchanged, a frame header beyond the limit fails before any
 * byte of it is handed on, and a member connection's bytes pass and the guard steps out.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ClientFrameGuardTest {
    private static final int LIMIT = 4096;

    private final AtomicBoolean removed = new AtomicBoolean();
    private final ByteArrayOutputStream handedOn = new ByteArrayOutputStream();

    private ClientFrameGuard newGuard(ByteBuffer next) {
        ClientFrameGuard guard = new ClientFrameGuard(LIMIT, 64);
        guard.setChannel(channel());
        guard.handlerAdded();
        guard.dst(next);
        return guard;
    }

    private Channel channel() {
        ChannelOptions options = (ChannelOptions) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {ChannelOptions.class},
                (proxy, method, args) -> method.getName().equals("getOption") ? Boolean.FALSE : proxy);
        InboundPipeline pipeline = (InboundPipeline) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {InboundPipeline.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("remove")) {
                        removed.set(true);
                    }
                    return proxy;
                });
        return (Channel) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Channel.class}, (proxy, method, args) -> {
            switch (method.getName()) {
                case "options":
                    return options;
                case "inboundPipeline":
                    return pipeline;
                case "remoteSocketAddress":
                    return new InetSocketAddress("127.0.0.1", 40000);
                default:
                    throw new UnsupportedOperationException(method.getName());
            }
        });
    }

    /** Feeds {@code bytes} in chunks of {@code chunk} bytes, draining the next handler's small buffer after every pass. */
    private void feed(ClientFrameGuard guard, ByteBuffer next, byte[] bytes, int chunk) {
        int at = 0;
        while (at < bytes.length || guard.src().position() > 0) {
            ByteBuffer src = guard.src();
            int n = Math.min(chunk, Math.min(src.remaining(), bytes.length - at));
            src.put(bytes, at, n);
            at += n;
            HandlerStatus status;
            do {
                status = guard.onRead();
                next.flip();
                byte[] out = new byte[next.remaining()];
                next.get(out);
                handedOn.writeBytes(out);
                next.clear();
            } while (status == HandlerStatus.DIRTY);
            if (n == 0 && at >= bytes.length) {
                break;
            }
        }
    }

    private static byte[] frame(int contentLength, int flags) {
        byte[] frame = new byte[ClientMessage.SIZE_OF_FRAME_LENGTH_AND_FLAGS + contentLength];
        Bits.writeIntL(frame, 0, frame.length);
        Bits.writeShortL(frame, Bits.INT_SIZE_IN_BYTES, (short) flags);
        for (int i = ClientMessage.SIZE_OF_FRAME_LENGTH_AND_FLAGS; i < frame.length; i++) {
            frame[i] = (byte) i;
        }
        return frame;
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            all.writeBytes(part);
        }
        return all.toByteArray();
    }

    @Test
    void aValidClientStreamPassesUnchangedWhateverTheChunking() {
        byte[] stream = concat("CP2".getBytes(StandardCharsets.US_ASCII),
                frame(22, UNFRAGMENTED_MESSAGE), frame(0, 0), frame(300, 0), frame(5, IS_FINAL_FLAG),
                frame(LIMIT - 100, UNFRAGMENTED_MESSAGE | IS_FINAL_FLAG));
        for (int chunk = 1; chunk <= 13; chunk++) {
            handedOn.reset();
            ByteBuffer next = ByteBuffer.allocate(7);
            feed(newGuard(next), next, stream, chunk);
            assertArrayEquals(stream, handedOn.toByteArray(), "chunks of " + chunk);
        }
    }

    @Test
    void aFrameHeaderBeyondTheLimitFailsBeforeAnyByteOfItIsHandedOn() {
        byte[] valid = concat("CP2".getBytes(StandardCharsets.US_ASCII), frame(10, UNFRAGMENTED_MESSAGE | IS_FINAL_FLAG));
        byte[] huge = new byte[6];
        Bits.writeIntL(huge, 0, Integer.MAX_VALUE - 15);
        Bits.writeShortL(huge, 4, (short) (UNFRAGMENTED_MESSAGE | IS_FINAL_FLAG));
        for (int chunk = 1; chunk <= 7; chunk++) {
            handedOn.reset();
            ByteBuffer next = ByteBuffer.allocate(5);
            ClientFrameGuard guard = newGuard(next);
            int size = chunk;
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> feed(guard, next, concat(valid, huge), size));
            assertEquals("client connection from /127.0.0.1:40000 closed: a frame claims 2147483632 bytes, more than "
                    + "grid.security.maxMessageBytes (4096); nothing of it was allocated", e.getMessage());
            assertArrayEquals(valid, handedOn.toByteArray(), "chunks of " + chunk);
        }
    }

    @Test
    void aMemberConnectionsBytesPassAndTheGuardStepsOut() {
        byte[] stream = concat("HZC".getBytes(StandardCharsets.US_ASCII), new byte[] {4, 0, 0, 0, 0, 0, 0, 10}, new byte[100]);
        ByteBuffer next = ByteBuffer.allocate(3);
        feed(newGuard(next), next, stream, 50);
        assertArrayEquals(stream, handedOn.toByteArray());
        assertTrue(removed.get());
    }

    @Test
    void aClientConnectionKeepsItsGuard() {
        ByteBuffer next = ByteBuffer.allocate(64);
        feed(newGuard(next), next, concat("CP2".getBytes(StandardCharsets.US_ASCII), frame(1, UNFRAGMENTED_MESSAGE | IS_FINAL_FLAG)), 64);
        assertFalse(removed.get());
    }
}
