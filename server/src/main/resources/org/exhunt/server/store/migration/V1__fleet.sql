-- The fleet's tables. Plain SQL that SQLite and PostgreSQL both accept: TEXT for strings,
-- BIGINT epoch milliseconds for instants (sortable and dialect-free).

CREATE TABLE tokens (
    hash        TEXT    NOT NULL PRIMARY KEY,
    tenant      TEXT    NOT NULL,
    role        TEXT    NOT NULL,
    created_ms  BIGINT  NOT NULL
);

CREATE TABLE scans (
    id              TEXT    NOT NULL PRIMARY KEY,
    tenant          TEXT    NOT NULL,
    host            TEXT    NOT NULL,
    scan_key        TEXT    NOT NULL,
    body_sha256     TEXT    NOT NULL,
    verdict         TEXT    NOT NULL,
    exposure_build  TEXT,
    exposure_cves   TEXT    NOT NULL,
    findings        INTEGER NOT NULL,
    scan_time_ms    BIGINT,
    received_ms     BIGINT  NOT NULL,
    report          TEXT    NOT NULL,
    CONSTRAINT scans_once_per_tenant UNIQUE (tenant, scan_key)
);

CREATE INDEX scans_by_tenant_host ON scans (tenant, host);

CREATE TABLE actor_sightings (
    scan_id   TEXT    NOT NULL REFERENCES scans (id),
    tenant    TEXT    NOT NULL,
    host      TEXT    NOT NULL,
    address   TEXT    NOT NULL,
    first_ms  BIGINT,
    last_ms   BIGINT,
    findings  INTEGER NOT NULL
);

CREATE INDEX actor_sightings_by_tenant ON actor_sightings (tenant, address);
