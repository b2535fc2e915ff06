package org.exhunt.server;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** The end-to-end scenario on PostgreSQL (EXHUNT_TEST_PG_URL); fails when PostgreSQL does not answer. */
class PostgresEndToEndTest extends EndToEndScenario {

    private PostgresTestDatabase db;

    @BeforeEach
    void database() {
        db = PostgresTestDatabase.create();
    }

    @AfterEach
    void dropDatabase() {
        db.close();
    }

    @Override
    String databaseUrl() {
        return db.url();
    }
}
