package org.exhunt.server.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.locks.ReentrantLock;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;

/**
 * The fleet's database: an SQLite file in the data folder by default, PostgreSQL when a JDBC URL
 * names one. Opening it brings the schema up to date (Flyway). Every write runs in one
 * transaction; on SQLite writes are also taken one at a time, because SQLite has a single writer
 * and would otherwise answer "database is locked" under load.
 */
public final class Storage implements AutoCloseable {

    /** The SQLite file inside the data folder. */
    public static final String SQLITE_FILE = "fleet.db";

    private final String url;
    private final boolean sqlite;
    private final ConnectionPool pool;
    private final Jdbi jdbi;
    private final ReentrantLock sqliteWriter = new ReentrantLock(true);

    private Storage(String url, boolean sqlite, int poolSize) {
        this.url = url;
        this.sqlite = sqlite;
        this.pool = new ConnectionPool(url, poolSize, sqlite ? Storage::prepareSqlite : c -> { });
        this.jdbi = Jdbi.create(pool);
    }

    /**
     * Opens (and creates or migrates) the store.
     *
     * @param dataDir the server's data folder; holds the SQLite file when {@code jdbcUrl} is null
     * @param jdbcUrl a {@code jdbc:postgresql:} or {@code jdbc:sqlite:} URL, or null for the default
     */
    public static Storage open(Path dataDir, String jdbcUrl) {
        String url = jdbcUrl;
        if (url == null || url.isBlank()) {
            try {
                Files.createDirectories(dataDir);
            } catch (IOException e) {
                throw new StorageException("cannot create the data folder " + dataDir + ": " + e.getMessage(), e);
            }
            url = "jdbc:sqlite:" + dataDir.resolve(SQLITE_FILE).toAbsolutePath();
        }
        boolean sqlite = url.startsWith("jdbc:sqlite:");
        if (!sqlite && !url.startsWith("jdbc:postgresql:")) {
            throw new StorageException("unsupported database URL " + Redacted.url(url)
                    + ": use jdbc:postgresql://HOST:PORT/DB?user=U&password=P, or leave --db out for SQLite in the data folder");
        }
        Storage storage = new Storage(url, sqlite, sqlite ? 4 : 16);
        try {
            storage.migrate();
        } catch (RuntimeException e) {
            storage.close();
            throw e;
        }
        return storage;
    }

    private void migrate() {
        try {
            Flyway.configure()
                    .dataSource(url, null, null)
                    .locations("classpath:org/exhunt/server/store/migration")
                    .table("exhunt_schema_history")
                    .load()
                    .migrate();
        } catch (FlywayException e) {
            throw new StorageException("cannot bring the database schema up to date at " + Redacted.url(url)
                    + ": " + e.getMessage(), e);
        }
    }

    private static void prepareSqlite(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            // WAL lets readers run beside the writer; FULL sync makes a committed upload survive
            // a killed process and a power cut alike.
            s.execute("PRAGMA journal_mode=WAL");
            s.execute("PRAGMA synchronous=FULL");
            s.execute("PRAGMA busy_timeout=30000");
            s.execute("PRAGMA foreign_keys=ON");
        }
    }

    public boolean isSqlite() {
        return sqlite;
    }

    /** A redacted form of the database URL, for logs and messages. */
    public String describe() {
        return Redacted.url(url);
    }

    <R, X extends Exception> R read(HandleCallback<R, X> work) throws X {
        return jdbi.withHandle(work);
    }

    <R, X extends Exception> R write(HandleCallback<R, X> work) throws X {
        if (!sqlite) return jdbi.inTransaction(work);
        sqliteWriter.lock();
        try {
            return jdbi.inTransaction(work);
        } finally {
            sqliteWriter.unlock();
        }
    }

    /** Runs a statement that needs no transaction of its own, for tests and checks. */
    public boolean reachable() {
        return jdbi.withHandle((Handle h) -> h.createQuery("SELECT 1").mapTo(Integer.class).one() == 1);
    }

    @Override
    public void close() {
        pool.close();
    }
}
