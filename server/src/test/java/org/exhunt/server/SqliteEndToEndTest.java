package org.exhunt.server;

/** The end-to-end scenario on the default store, SQLite in the data folder. */
class SqliteEndToEndTest extends EndToEndScenario {

    @Override
    String databaseUrl() {
        return null;
    }
}
