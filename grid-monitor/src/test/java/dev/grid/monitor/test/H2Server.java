package dev.grid.monitor.test;

import dev.grid.core.spi.FreePorts;
import org.h2.jdbcx.JdbcDataSource;
import org.h2.tools.Server;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * An in-memory H2 database with an {@code accounts(id, balance)} table, served over TCP on 127.0.0.1 by
 * this JVM: it outlives the application JVMs that use it, as a database server would.
 */
public final class H2Server implements AutoCloseable {
    private final Server server;
    private final String name;
    private final JdbcDataSource local;

    private H2Server(Server server, String name, JdbcDataSource local) {
        this.server = server;
        this.name = name;
        this.local = local;
    }

    public static H2Server start() throws SQLException {
        if (System.getProperty("h2.bindAddress") == null) {
            System.setProperty("h2.bindAddress", "127.0.0.1"); // read once, when H2 is first used in this JVM
        }
        String name = "monitor-" + UUID.randomUUID().toString().substring(0, 8);
        JdbcDataSource local = new JdbcDataSource();
        local.setURL("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
        local.setUser("sa");
        try (Connection connection = local.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("create table accounts(id varchar(32) primary key, balance int not null)");
        }
        int port = FreePorts.loopback(1).get(0);
        Server server = Server.createTcpServer("-tcpPort", Integer.toString(port)).start();
        return new H2Server(server, name, local);
    }

    /** @return the URL other JVMs connect with */
    public String tcpUrl() {
        return "jdbc:h2:tcp://127.0.0.1:" + server.getPort() + "/mem:" + name;
    }

    /** @return the balance of the account, or null when there is no such row */
    public Integer balance(String id) throws SQLException {
        try (Connection connection = local.getConnection(); PreparedStatement query = connection.prepareStatement("select balance from accounts where id = ?")) {
            query.setString(1, id);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? rows.getInt(1) : null;
            }
        }
    }

    /** @return the transactions H2 holds prepared (in doubt) */
    public int preparedTransactions() throws SQLException {
        try (Connection connection = local.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select count(*) from information_schema.in_doubt")) {
            rows.next();
            return rows.getInt(1);
        }
    }

    @Override
    public void close() {
        server.stop();
        try (Connection connection = local.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("shutdown");
        } catch (SQLException ignored) {
            // already gone
        }
    }
}
