package dev.grid.monitor.impl.http;

import dev.grid.core.GridClock;
import dev.grid.core.GridMonitorConfig;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.ScheduledExecutorScheduler;

import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.ServerSocketChannel;

/**
 * The monitor's HTTP server (Jetty, HTTP/1.1): dashboard, JSON API, {@code /metrics}. Bound to
 * {@code grid.monitor.host}; with a token configured every request must carry it
 * ({@code Authorization: Bearer} or {@code ?token=}), else 401. Errors are JSON naming the problem.
 *
 * <p>No client can stop it from answering others: requests are parsed without holding a thread, a request
 * line and headers above {@value #MAX_REQUEST_HEAD_BYTES} bytes get 431 or 414, a malformed one 400, a
 * connection that sends its request too slowly ({@code grid.monitor.requestTimeout}) or nothing at all
 * ({@code grid.monitor.idleTimeout}) is closed, and at most {@code grid.monitor.maxConnections} are open
 * (see {@link ConnectionGuard}). It runs on at most {@value #MAX_THREADS} threads plus one scheduler thread.
 */
public final class MonitorHttpServer implements AutoCloseable {
    /** The largest request line plus headers accepted. */
    static final int MAX_REQUEST_HEAD_BYTES = 8192;
    /** Threads of the server's pool: one accepts, one selects, the others answer requests. */
    static final int MAX_THREADS = 8;
    /** Connections the kernel queues while the server is accepting others. */
    private static final int ACCEPT_BACKLOG = 128;

    private final Server server;
    private final ServerConnector connector;
    private final String url;

    private MonitorHttpServer(Server server, ServerConnector connector, String url) {
        this.server = server;
        this.connector = connector;
        this.url = url;
    }

    /**
     * @throws BindException naming the ports tried when none is free
     * @throws IOException   when the server cannot start
     */
    public static MonitorHttpServer start(GridMonitorConfig config, ApiRoutes routes) throws IOException {
        ServerSocketChannel channel = bind(config);
        int port = ((InetSocketAddress) channel.getLocalAddress()).getPort();
        QueuedThreadPool threads = new QueuedThreadPool(MAX_THREADS, 2, 60_000);
        threads.setName("grid-monitor-http-" + port);
        threads.setDaemon(true);
        threads.setReservedThreads(0);
        ScheduledExecutorScheduler scheduler = new ScheduledExecutorScheduler("grid-monitor-http-" + port + "-scheduler", true);
        Server server = new Server(threads, scheduler, null);
        server.setStopTimeout(0);

        HttpConfiguration http = new HttpConfiguration();
        http.setRequestHeaderSize(MAX_REQUEST_HEAD_BYTES);
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        ServerConnector connector = new ServerConnector(server, null, scheduler, null, 1, 1, new HttpConnectionFactory(http));
        connector.setIdleTimeout(config.getIdleTimeout().toMillis());
        ConnectionGuard guard = new ConnectionGuard(config.getRequestTimeout(), config.getMaxConnections(), GridClock.SYSTEM); // network timeouts: real time, as Jetty's own
        connector.addBean(guard);
        server.addConnector(connector);
        server.setHandler(new MonitorHandler(routes, config.getToken()));
        server.setErrorHandler(new JsonErrorHandler());
        try {
            connector.open(channel);
            server.start();
        } catch (Exception e) {
            stopQuietly(server);
            channel.close();
            throw e instanceof IOException ? (IOException) e : new IOException("the monitor's HTTP server did not start: " + e, e);
        }
        guard.start(scheduler);
        String host = config.getHost().contains(":") ? "[" + config.getHost() + "]" : config.getHost();
        return new MonitorHttpServer(server, connector, "http://" + host + ":" + port + "/");
    }

    /** Binds to the first free port of {@code grid.monitor.port} and the next ones (with auto-increment). */
    private static ServerSocketChannel bind(GridMonitorConfig config) throws IOException {
        int first = config.getPort();
        int tries = first == 0 || !config.isPortAutoIncrement() ? 1 : GridMonitorConfig.PORT_TRIES;
        BindException last = null;
        for (int i = 0; i < tries && first + i <= 65535; i++) {
            ServerSocketChannel channel = ServerSocketChannel.open();
            try {
                channel.setOption(StandardSocketOptions.SO_REUSEADDR, true);
                channel.bind(new InetSocketAddress(config.getHost(), first + i), ACCEPT_BACKLOG);
                return channel;
            } catch (BindException e) {
                channel.close();
                last = e;
            } catch (IOException | RuntimeException e) {
                channel.close();
                throw e;
            }
        }
        String ports = tries == 1 ? "port " + first : "ports " + first + ".." + Math.min(65535, first + tries - 1);
        BindException e = new BindException("the monitor cannot listen on " + config.getHost() + ": " + ports + " in use (grid.monitor.port"
                + (tries == 1 ? ", grid.monitor.portAutoIncrement false" : "") + ")");
        e.initCause(last);
        throw e;
    }

    /** @return the base URL, e.g. {@code http://127.0.0.1:7070/} */
    public String url() {
        return url;
    }

    public int port() {
        return connector.getLocalPort();
    }

    @Override
    public void close() {
        stopQuietly(server);
    }

    private static void stopQuietly(Server server) {
        try {
            server.stop();
        } catch (Exception e) {
            // stopping closes the listening socket and every connection; a failure leaves nothing to undo
            org.slf4j.LoggerFactory.getLogger(MonitorHttpServer.class).debug("stopping the monitor's HTTP server: {}", e.toString());
        }
    }
}
