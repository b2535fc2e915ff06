package org.exhunt.server.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.ConnectionFactory;

/**
 * A small fixed-size pool: opening a PostgreSQL connection costs milliseconds and an SQLite
 * connection re-reads the schema, so connections are kept and handed out again. Jdbi calls
 * {@link #closeConnection} when a handle is done, which puts the connection back.
 */
final class ConnectionPool implements ConnectionFactory, AutoCloseable {

    private final String url;
    private final ConnectionSetup setup;
    private final BlockingQueue<Connection> idle;
    private final Semaphore permits;
    private volatile boolean closed;

    interface ConnectionSetup {
        void prepare(Connection connection) throws SQLException;
    }

    ConnectionPool(String url, int size, ConnectionSetup setup) {
        this.url = url;
        this.setup = setup;
        this.idle = new ArrayBlockingQueue<>(size);
        this.permits = new Semaphore(size, true);
    }

    @Override
    public Connection openConnection() throws SQLException {
        if (closed) throw new SQLException("the database connection pool is closed (server stopping)");
        try {
            if (!permits.tryAcquire(30, TimeUnit.SECONDS)) {
                throw new SQLException("no database connection free after 30 s (" + Redacted.url(url) + ")");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while waiting for a database connection", e);
        }
        try {
            Connection c = idle.poll();
            while (c != null && c.isClosed()) c = idle.poll();
            if (c == null) {
                c = DriverManager.getConnection(url);
                setup.prepare(c);
            }
            return c;
        } catch (SQLException | RuntimeException e) {
            permits.release();
            throw e;
        }
    }

    @Override
    public void closeConnection(Connection connection) throws SQLException {
        try {
            if (closed || connection.isClosed() || !connection.getAutoCommit() || !idle.offer(connection)) {
                connection.close();
            }
        } finally {
            permits.release();
        }
    }

    @Override
    public void close() {
        closed = true;
        Connection c;
        while ((c = idle.poll()) != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // closing on shutdown; nothing left to do with a connection that will not close
            }
        }
    }
}
