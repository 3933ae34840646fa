package dev.grid.txn.test;

import org.h2.jdbcx.JdbcDataSource;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/** In-memory H2 databases (kept until the JVM exits) with an {@code accounts(id, balance)} table. */
public final class H2Databases {
    private H2Databases() {
    }

    public static JdbcDataSource newDatabase() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:txn-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        dataSource.setUser("sa");
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("create table accounts(id varchar(32) primary key, balance int not null)");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return dataSource;
    }

    /** @return the balance of the account, or null when there is no such row */
    public static Integer balance(javax.sql.DataSource dataSource, String id) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             var query = connection.prepareStatement("select balance from accounts where id = ?")) {
            query.setString(1, id);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? rows.getInt(1) : null;
            }
        }
    }
}
