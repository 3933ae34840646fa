package dev.grid.core.impl.security;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;

/**
 * A mutual challenge-response over a freshly opened TCP connection, before any Hazelcast byte: each
 * side proves it knows the shared secret by answering the other side's random challenge with an
 * HMAC-SHA256, so the secret itself never crosses the network and a recorded exchange cannot be
 * replayed (every connection has new challenges). The connecting side speaks first:
 *
 * <pre>
 * connector -> acceptor   "GRIDSEC1", role ('M' member, 'C' client), challenge C (32 bytes)
 * acceptor  -> connector  challenge A (32 bytes), HMAC(secret, "grid-acceptor" | C | A)
 * connector -> acceptor   HMAC(secret, "grid-connector" | role | A | C), once the acceptor's proof checked out
 * acceptor  -> connector  0 (accepted) or 1 (refused)
 * </pre>
 *
 * The two proofs carry different labels, so one side's answer is never valid as the other's. After
 * the exchange the connection carries Hazelcast's protocol unchanged, unencrypted. Reads wait at most
 * the handshake timeout, so a silent peer holds the thread running the handshake that long at most.
 */
final class SecretHandshake {
    static final byte[] MAGIC = "GRIDSEC1".getBytes(StandardCharsets.US_ASCII);
    static final byte ROLE_MEMBER = 'M';
    static final byte ROLE_CLIENT = 'C';
    static final int CHALLENGE_BYTES = 32;
    static final int PROOF_BYTES = 32;
    static final byte ACCEPTED = 0;
    static final byte REFUSED = 1;

    private static final byte[] ACCEPTOR_LABEL = "grid-acceptor".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CONNECTOR_LABEL = "grid-connector".getBytes(StandardCharsets.US_ASCII);
    private static final String HMAC = "HmacSHA256";

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();
    private final int timeoutMillis;

    /**
     * @param secret  the shared secret
     * @param timeout how long the whole exchange may wait for the peer's bytes
     */
    SecretHandshake(String secret, Duration timeout) {
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), HMAC);
        this.timeoutMillis = Math.toIntExact(timeout.toMillis());
    }

    /**
     * The accepting side.
     *
     * @return the role the peer announced ({@link #ROLE_MEMBER} or {@link #ROLE_CLIENT})
     * @throws HandshakeRefusedException if the peer answered the challenge without knowing the secret
     * @throws IOException               if the peer does not speak the handshake, goes silent or closes
     */
    byte accept(Socket socket) throws IOException {
        return withTimeout(socket, () -> {
            DataInputStream in = new DataInputStream(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            byte[] magic = new byte[1];
            for (byte expected : MAGIC) {
                // byte by byte: a peer that sent Hazelcast's 3 protocol bytes and waits is refused at once
                readFully(in, magic, socket, "the handshake's first bytes");
                if (magic[0] != expected) {
                    throw new IOException("refused a connection from " + socket.getRemoteSocketAddress()
                            + ": it did not start grid's handshake (a client or member without grid.security.secret, or not grid at all)");
                }
            }
            byte role = in.readByte();
            if (role != ROLE_MEMBER && role != ROLE_CLIENT) {
                throw new IOException("refused a connection from " + socket.getRemoteSocketAddress() + ": unknown role " + role);
            }
            byte[] theirs = new byte[CHALLENGE_BYTES];
            readFully(in, theirs, socket, "the connector's challenge");
            byte[] ours = challenge();
            out.write(concat(ours, mac(ACCEPTOR_LABEL, new byte[0], theirs, ours)));
            out.flush();
            byte[] proof = new byte[PROOF_BYTES];
            readFully(in, proof, socket, "the connector's proof");
            boolean known = MessageDigest.isEqual(proof, mac(CONNECTOR_LABEL, new byte[] {role}, ours, theirs));
            out.write(known ? ACCEPTED : REFUSED);
            out.flush();
            if (!known) {
                throw new HandshakeRefusedException("refused a connection from " + describe(role) + " at " + socket.getRemoteSocketAddress()
                        + ": it does not know this cluster's grid.security.secret");
            }
            return role;
        });
    }

    /**
     * The connecting side.
     *
     * @param role {@link #ROLE_MEMBER} or {@link #ROLE_CLIENT}
     * @throws HandshakeRefusedException if the acceptor refused our proof, or could not prove it knows the secret
     * @throws IOException               if the acceptor does not speak the handshake, goes silent or closes
     */
    void connect(Socket socket, byte role) throws IOException {
        withTimeout(socket, () -> {
            DataInputStream in = new DataInputStream(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            byte[] ours = challenge();
            out.write(concat(MAGIC, new byte[] {role}, ours));
            out.flush();
            byte[] theirs = new byte[CHALLENGE_BYTES];
            byte[] theirProof = new byte[PROOF_BYTES];
            readFully(in, theirs, socket, "the member's challenge");
            readFully(in, theirProof, socket, "the member's proof");
            String peer = "member at " + socket.getRemoteSocketAddress();
            // the member proves itself first: a peer that cannot gets no proof of ours for a challenge of its choosing
            if (!MessageDigest.isEqual(theirProof, mac(ACCEPTOR_LABEL, new byte[0], ours, theirs))) {
                throw new HandshakeRefusedException(peer + " does not know this " + describe(role)
                        + "'s grid.security.secret: the secrets differ");
            }
            out.write(mac(CONNECTOR_LABEL, new byte[] {role}, theirs, ours));
            out.flush();
            int verdict = in.read();
            if (verdict == REFUSED) {
                throw new HandshakeRefusedException(peer + " refused this " + describe(role)
                        + ": its grid.security.secret differs from the member's");
            }
            if (verdict != ACCEPTED) {
                throw new EOFException(peer + " closed the connection during grid's handshake");
            }
            return role;
        });
    }

    private byte[] challenge() {
        byte[] bytes = new byte[CHALLENGE_BYTES];
        random.nextBytes(bytes);
        return bytes;
    }

    private byte[] mac(byte[] label, byte[] role, byte[] first, byte[] second) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(key);
            mac.update(label);
            mac.update(role);
            mac.update(first);
            mac.update(second);
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JVM offers no " + HMAC, e);
        }
    }

    private static void readFully(DataInputStream in, byte[] into, Socket socket, String what) throws IOException {
        try {
            in.readFully(into);
        } catch (EOFException e) {
            throw new EOFException(socket.getRemoteSocketAddress() + " closed the connection during grid's handshake, before "
                    + what + " (does it run without grid.security.secret, or with an older grid?)");
        } catch (SocketTimeoutException e) {
            throw new SocketTimeoutException(socket.getRemoteSocketAddress() + " sent nothing within the handshake timeout (waiting for " + what + ")");
        }
    }

    private static String describe(byte role) {
        return role == ROLE_CLIENT ? "client" : "member";
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] all = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }

    private byte withTimeout(Socket socket, Exchange exchange) throws IOException {
        int previous = socket.getSoTimeout();
        socket.setSoTimeout(timeoutMillis);
        try {
            return exchange.run();
        } finally {
            socket.setSoTimeout(previous);
        }
    }

    @FunctionalInterface
    private interface Exchange {
        byte run() throws IOException;
    }
}
