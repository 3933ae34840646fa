package dev.grid.core.impl.security;

import com.hazelcast.client.impl.protocol.ClientMessage;
import com.hazelcast.internal.networking.HandlerStatus;
import com.hazelcast.internal.networking.InboundHandler;
import com.hazelcast.internal.nio.Bits;
import com.hazelcast.internal.nio.Protocols;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import static com.hazelcast.internal.networking.HandlerStatus.CLEAN;
import static com.hazelcast.internal.networking.HandlerStatus.DIRTY;
import static com.hazelcast.internal.nio.IOUtil.compactOrClear;

/**
 * Sits in front of Hazelcast's protocol decoder on every connection a member accepts and passes
 * the bytes on unchanged, except that on a client connection it reads each frame's header first:
 * a frame, a message or the open fragments of fragmented messages larger than the limit, or a
 * message of more frames than the limit allows, fail the connection before the header reaches
 * Hazelcast's decoder, which would allocate the frame's whole claimed length at once. The check
 * holds on every client connection, authenticated or not (Hazelcast's own limit,
 * {@code hazelcast.client.protocol.max.message.bytes}, stops at authentication).
 *
 * <p>On a member-to-member connection the guard removes itself once it has handed on the bytes it
 * holds, so member traffic pays nothing for it.
 */
final class ClientFrameGuard extends InboundHandler<ByteBuffer, ByteBuffer> {
    /** Hazelcast keeps every frame as an object: a message may have at most one frame per this many bytes of the limit. */
    static final int BYTES_PER_FRAME = 32;
    /** The most fragmented messages a connection may have open at once. */
    static final int MAX_OPEN_FRAGMENTED = 16;

    private static final int HEADER = ClientMessage.SIZE_OF_FRAME_LENGTH_AND_FLAGS;
    private static final int PROTOCOL_LENGTH = Protocols.PROTOCOL_LENGTH;
    private static final byte[] CLIENT_PROTOCOL = Protocols.CLIENT_BINARY.getBytes(StandardCharsets.UTF_8);
    private static final int FRAGMENT_ID_BYTES = Bits.LONG_SIZE_IN_BYTES;

    private final long maxMessageBytes;
    private final long maxFrames;
    private final int receiveBufferBytes;

    private boolean protocolKnown;
    private boolean client;
    private int protocolBytesLeft = PROTOCOL_LENGTH;

    private final byte[] header = new byte[HEADER];
    private int headerFill;
    private boolean headerPending;
    private int headerOut;
    private int bodyLeft;
    private boolean finalFrame;

    private boolean inMessage;
    private long messageBytes;
    private long messageFrames;
    private int firstFlags;
    private boolean fragment;
    private final byte[] fragmentId = new byte[FRAGMENT_ID_BYTES];
    private int fragmentIdFill;
    private final Map<Long, Long> openFragments = new HashMap<>();
    private long openFragmentBytes;

    ClientFrameGuard(long maxMessageBytes, int receiveBufferBytes) {
        this.maxMessageBytes = maxMessageBytes;
        this.maxFrames = Math.max(1, maxMessageBytes / BYTES_PER_FRAME);
        this.receiveBufferBytes = receiveBufferBytes;
    }

    @Override
    public void handlerAdded() {
        initSrcBuffer(receiveBufferBytes);
    }

    @Override
    public HandlerStatus onRead() {
        src.flip();
        try {
            if (!protocolKnown) {
                if (src.remaining() < PROTOCOL_LENGTH) {
                    return CLEAN;
                }
                client = isClientProtocol(src);
                protocolKnown = true;
            }
            return client ? guardClient() : passOnAndLeave();
        } finally {
            compactOrClear(src);
        }
    }

    private static boolean isClientProtocol(ByteBuffer buffer) {
        for (int i = 0; i < PROTOCOL_LENGTH; i++) {
            if (buffer.get(buffer.position() + i) != CLIENT_PROTOCOL[i]) {
                return false;
            }
        }
        return true;
    }

    /** Not the client protocol: hand everything on, then step out of the pipeline. */
    private HandlerStatus passOnAndLeave() {
        copy(src.remaining());
        if (src.hasRemaining()) {
            return DIRTY;
        }
        channel.inboundPipeline().remove(this);
        return CLEAN;
    }

    private HandlerStatus guardClient() {
        if (protocolBytesLeft > 0) {
            protocolBytesLeft -= copy(protocolBytesLeft);
            if (protocolBytesLeft > 0) {
                return DIRTY;
            }
        }
        while (true) {
            if (headerPending) {
                int n = Math.min(HEADER - headerOut, dst.remaining());
                if (n == 0) {
                    return DIRTY;
                }
                dst.put(header, headerOut, n);
                headerOut += n;
                if (headerOut < HEADER) {
                    return DIRTY;
                }
                headerOut = 0;
                headerPending = false;
                if (bodyLeft == 0) {
                    endFrame();
                }
            } else if (bodyLeft > 0) {
                int copied = copyBody();
                if (copied == 0) {
                    return src.hasRemaining() ? DIRTY : CLEAN;
                }
            } else if (src.hasRemaining()) {
                int n = Math.min(HEADER - headerFill, src.remaining());
                src.get(header, headerFill, n);
                headerFill += n;
                if (headerFill < HEADER) {
                    return CLEAN;
                }
                headerFill = 0;
                startFrame();
            } else {
                return CLEAN;
            }
        }
    }

    /** Checks a complete frame header before any of it is handed on. */
    private void startFrame() {
        long frameLength = Integer.toUnsignedLong(Bits.readIntL(header, 0));
        int flags = Bits.readShortL(header, Bits.INT_SIZE_IN_BYTES) & 0xFFFF;
        if (frameLength < HEADER) {
            throw refuse("a frame claims " + frameLength + " bytes, less than its own " + HEADER + "-byte header");
        }
        if (!inMessage) {
            inMessage = true;
            messageBytes = 0;
            messageFrames = 0;
            firstFlags = flags;
            fragment = !ClientMessage.isFlagSet(flags, ClientMessage.UNFRAGMENTED_MESSAGE);
            fragmentIdFill = fragment ? 0 : FRAGMENT_ID_BYTES;
        }
        messageBytes += frameLength;
        messageFrames++;
        if (frameLength > maxMessageBytes) {
            throw refuse("a frame claims " + frameLength + " bytes, more than grid.security.maxMessageBytes (" + maxMessageBytes + ")");
        }
        if (messageBytes > maxMessageBytes) {
            throw refuse("a message grows to " + messageBytes + " bytes, more than grid.security.maxMessageBytes (" + maxMessageBytes + ")");
        }
        if (fragment && openFragmentBytes + messageBytes > maxMessageBytes) {
            throw refuse("fragmented messages hold " + (openFragmentBytes + messageBytes) + " bytes, more than "
                    + "grid.security.maxMessageBytes (" + maxMessageBytes + ")");
        }
        if (messageFrames > maxFrames) {
            throw refuse("a message has more than " + maxFrames + " frames (one per " + BYTES_PER_FRAME
                    + " bytes of grid.security.maxMessageBytes)");
        }
        bodyLeft = (int) (frameLength - HEADER);
        finalFrame = ClientMessage.isFlagSet(flags, ClientMessage.IS_FINAL_FLAG);
        headerPending = true;
    }

    private int copyBody() {
        int n = Math.min(bodyLeft, Math.min(src.remaining(), dst.remaining()));
        if (n == 0) {
            return 0;
        }
        if (fragmentIdFill < FRAGMENT_ID_BYTES) {
            // a fragment's first frame starts with the fragmentation id
            int idBytes = Math.min(n, FRAGMENT_ID_BYTES - fragmentIdFill);
            src.get(src.position(), fragmentId, fragmentIdFill, idBytes);
            fragmentIdFill += idBytes;
        }
        copy(n);
        bodyLeft -= n;
        if (bodyLeft == 0) {
            endFrame();
        }
        return n;
    }

    private void endFrame() {
        if (fragmentIdFill < FRAGMENT_ID_BYTES) {
            fragmentIdFill = FRAGMENT_ID_BYTES; // a short first frame: Hazelcast's decoder refuses it
        }
        if (!finalFrame) {
            return;
        }
        inMessage = false;
        if (!fragment) {
            return;
        }
        long id = Bits.readLongL(fragmentId, 0);
        Long held = openFragments.get(id);
        if (ClientMessage.isFlagSet(firstFlags, ClientMessage.END_FRAGMENT_FLAG)) {
            if (held != null) {
                openFragments.remove(id);
                openFragmentBytes -= held;
            }
            return;
        }
        if (held == null && openFragments.size() >= MAX_OPEN_FRAGMENTED) {
            throw refuse("more than " + MAX_OPEN_FRAGMENTED + " fragmented messages are open at once");
        }
        openFragments.put(id, (held == null ? 0 : held) + messageBytes);
        openFragmentBytes += messageBytes;
    }

    /** Hands on at most {@code max} bytes, as many as the next handler can take. */
    private int copy(int max) {
        int n = Math.min(max, Math.min(src.remaining(), dst.remaining()));
        if (n > 0) {
            ByteBuffer slice = src.slice(src.position(), n);
            dst.put(slice);
            src.position(src.position() + n);
        }
        return n;
    }

    private IllegalStateException refuse(String what) {
        return new IllegalStateException("client connection from " + channel.remoteSocketAddress() + " closed: " + what
                + "; nothing of it was allocated");
    }
}
