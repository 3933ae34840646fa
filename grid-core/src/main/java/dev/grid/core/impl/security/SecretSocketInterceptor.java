package dev.grid.core.impl.security;

import com.hazelcast.config.InvalidConfigurationException;
import com.hazelcast.nio.MemberSocketInterceptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.Socket;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;

/**
 * Runs {@link SecretHandshake} on every connection a member accepts or opens, and on every
 * connection a client opens, before Hazelcast uses it. Hazelcast calls it through its socket
 * interceptor hook (an Enterprise feature that grid enables with {@link GridNodeExtension} on
 * members and {@link GridClientExtension} on clients). A connection whose peer cannot prove it
 * knows the secret is closed before Hazelcast reads a byte of it.
 *
 * <p>On a client, a member that refuses the secret (or cannot prove it knows it) ends the
 * connection attempts at once with that reason, rather than retrying until the connect timeout.
 */
public final class SecretSocketInterceptor implements MemberSocketInterceptor {
    /** How long a handshake may wait for the peer's bytes. */
    public static final Duration HANDSHAKE_TIMEOUT = Duration.ofSeconds(5);

    private static final Logger LOG = LoggerFactory.getLogger(SecretSocketInterceptor.class);

    private final SecretHandshake handshake;
    private final byte role;
    private volatile String lastRefusal;
    private volatile String lastFailure;

    private SecretSocketInterceptor(String secret, byte role) {
        this.handshake = new SecretHandshake(secret, HANDSHAKE_TIMEOUT);
        this.role = role;
    }

    /** @return the interceptor of a member that shares {@code secret} with its cluster */
    public static SecretSocketInterceptor forMember(String secret) {
        return new SecretSocketInterceptor(secret, SecretHandshake.ROLE_MEMBER);
    }

    /** @return the interceptor of a client that knows its cluster's {@code secret} */
    public static SecretSocketInterceptor forClient(String secret) {
        return new SecretSocketInterceptor(secret, SecretHandshake.ROLE_CLIENT);
    }

    @Override
    public void init(Properties properties) {
        // configured in code
    }

    @Override
    public void onAccept(Socket acceptedSocket) throws IOException {
        try {
            handshake.accept(acceptedSocket);
        } catch (IOException e) {
            LOG.warn("{}", e.getMessage());
            throw e;
        }
    }

    @Override
    public void onConnect(Socket connectedSocket) throws IOException {
        try {
            handshake.connect(connectedSocket, role);
        } catch (HandshakeRefusedException e) {
            lastRefusal = e.getMessage();
            LOG.error("{}", e.getMessage());
            if (role == SecretHandshake.ROLE_CLIENT) {
                // Hazelcast's client stops trying a cluster on this exception instead of retrying until its timeout
                throw new InvalidConfigurationException(e.getMessage());
            }
            throw e;
        } catch (IOException e) {
            lastFailure = e.getMessage();
            LOG.warn("{}", e.getMessage());
            throw e;
        }
    }

    /** @return why a peer this side connected to last refused it, or could not prove it knows the secret */
    public Optional<String> lastRefusal() {
        return Optional.ofNullable(lastRefusal);
    }

    /** @return why the last handshake this side started failed otherwise (the peer closed, went silent...) */
    public Optional<String> lastFailure() {
        return Optional.ofNullable(lastFailure);
    }
}
