package dev.grid.core.test;

import com.hazelcast.client.impl.protocol.ClientMessage;
import com.hazelcast.client.impl.protocol.codec.ClientAuthenticationCodec;
import com.hazelcast.internal.nio.Bits;
import dev.grid.core.impl.security.SecretSocketInterceptor;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static com.hazelcast.client.impl.protocol.ClientMessage.IS_FINAL_FLAG;
import static com.hazelcast.client.impl.protocol.ClientMessage.SIZE_OF_FRAME_LENGTH_AND_FLAGS;
import static com.hazelcast.client.impl.protocol.ClientMessage.UNFRAGMENTED_MESSAGE;

/**
 * A client connection spoken by hand, over a plain socket: Hazelcast's client protocol bytes,
 * authentication with Hazelcast's own codec, then whatever bytes a test wants to send, well-formed
 * or not. What a badly behaved client (or an attacker) can do to a member.
 */
public final class RawClientConnection implements AutoCloseable {
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private long nextCorrelationId = 1;

    private RawClientConnection(Socket socket) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
    }

    /**
     * Opens a connection and sends the client protocol's bytes; with a secret, runs grid's
     * handshake first, as a grid client does.
     */
    public static RawClientConnection open(String host, int port, String secret) throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress(host, port), 10_000);
        socket.setSoTimeout(30_000);
        if (secret != null) {
            SecretSocketInterceptor.forClient(secret).onConnect(socket);
        }
        RawClientConnection connection = new RawClientConnection(socket);
        connection.out.write("CP2".getBytes(StandardCharsets.US_ASCII));
        connection.out.flush();
        return connection;
    }

    /** @return the authentication status the member answered (0: authenticated) */
    public byte authenticate(String clusterName) throws IOException {
        ClientMessage request = ClientAuthenticationCodec.encodeRequest(clusterName, null, null, UUID.randomUUID(), "JVM",
                (byte) 1, "5.7.0", "raw-client", List.of(), (byte) 0, false);
        send(request);
        return ClientAuthenticationCodec.decodeResponse(read()).status;
    }

    /** Sends a whole message, its last frame marked final, as Hazelcast's client writes it. */
    public void send(ClientMessage message) throws IOException {
        message.setCorrelationId(nextCorrelationId++);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (ClientMessage.Frame frame = message.getStartFrame(); frame != null; frame = frame.next) {
            int flags = frame.next == null ? frame.flags | IS_FINAL_FLAG : frame.flags;
            bytes.write(header(SIZE_OF_FRAME_LENGTH_AND_FLAGS + frame.content.length, flags));
            bytes.write(frame.content);
        }
        out.write(bytes.toByteArray());
        out.flush();
    }

    /** Sends only a frame header, claiming a frame of {@code frameLength} bytes (header included) that never follows. */
    public void sendFrameHeader(long frameLength) throws IOException {
        out.write(header((int) frameLength, UNFRAGMENTED_MESSAGE | IS_FINAL_FLAG));
        out.flush();
    }

    /** Sends raw bytes. */
    public void sendBytes(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /** @return a frame header of that length and flags, as the protocol lays it out (little-endian) */
    public static byte[] header(int frameLength, int flags) {
        byte[] header = new byte[SIZE_OF_FRAME_LENGTH_AND_FLAGS];
        Bits.writeIntL(header, 0, frameLength);
        Bits.writeShortL(header, Bits.INT_SIZE_IN_BYTES, (short) flags);
        return header;
    }

    /** Reads one whole message. */
    public ClientMessage read() throws IOException {
        DataInputStream data = new DataInputStream(in);
        ClientMessage message = null;
        while (true) {
            byte[] header = new byte[SIZE_OF_FRAME_LENGTH_AND_FLAGS];
            data.readFully(header);
            int length = Bits.readIntL(header, 0);
            int flags = Bits.readShortL(header, Bits.INT_SIZE_IN_BYTES) & 0xFFFF;
            byte[] content = new byte[length - SIZE_OF_FRAME_LENGTH_AND_FLAGS];
            data.readFully(content);
            ClientMessage.Frame frame = new ClientMessage.Frame(content, flags);
            if (message == null) {
                message = ClientMessage.createForDecode(frame);
            } else {
                message.add(frame);
            }
            if (ClientMessage.isFlagSet(flags, IS_FINAL_FLAG)) {
                return message;
            }
        }
    }

    /**
     * @return true if the member closes the connection within the timeout (reading whatever it
     *         still sends), false if it is still open then
     */
    public boolean closedByMemberWithin(Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        byte[] sink = new byte[4096];
        while (System.nanoTime() < deadline) {
            socket.setSoTimeout((int) Math.max(1, Math.min(500, (deadline - System.nanoTime()) / 1_000_000)));
            try {
                if (in.read(sink) < 0) {
                    return true;
                }
            } catch (SocketTimeoutException e) {
                // still open: try again until the deadline
            } catch (EOFException | SocketException e) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
