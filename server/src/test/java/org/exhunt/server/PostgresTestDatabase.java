package org.exhunt.server;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A fresh PostgreSQL schema per test class, in the database named by the system property or
 * environment variable {@code EXHUNT_TEST_PG_URL}. The tests need PostgreSQL: when it does not
 * answer they fail and say how to start it.
 */
public final class PostgresTestDatabase implements AutoCloseable {

    static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5432/exhunt_test?user=exhunt&password=exhunt";

    private final String baseUrl;
    private final String schema;

    private PostgresTestDatabase(String baseUrl, String schema) {
        this.baseUrl = baseUrl;
        this.schema = schema;
    }

    public static PostgresTestDatabase create() {
        String url = System.getProperty("EXHUNT_TEST_PG_URL", System.getenv().getOrDefault("EXHUNT_TEST_PG_URL", DEFAULT_URL));
        String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new AssertionError("PostgreSQL is not reachable at " + url.replaceAll("password=[^&]*", "password=***")
                    + " (" + e.getMessage() + "). Start it and create the test role and database:\n"
                    + "  pg_ctlcluster 15 main start\n"
                    + "  su postgres -c \"psql -c \\\"CREATE ROLE exhunt LOGIN PASSWORD 'exhunt'\\\"\"\n"
                    + "  su postgres -c \"psql -c \\\"CREATE DATABASE exhunt_test OWNER exhunt\\\"\"\n"
                    + "or point EXHUNT_TEST_PG_URL at another database.", e);
        }
        return new PostgresTestDatabase(url, schema);
    }

    /** A JDBC URL whose default schema is this test's own. */
    public String url() {
        return baseUrl + (baseUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    @Override
    public void close() {
        try (Connection c = DriverManager.getConnection(baseUrl); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA " + schema + " CASCADE");
        } catch (SQLException e) {
            throw new AssertionError("could not drop test schema " + schema + ": " + e.getMessage(), e);
        }
    }
}
