package org.exhunt.server.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * Stored scans, always read within one tenant: every query carries the tenant, so an id or host
 * of another tenant finds nothing rather than something forbidden.
 */
public final class ScanStore {

    private static final String SUMMARY_COLUMNS =
            "id, host, verdict, exposure_build, exposure_cves, findings, scan_time_ms, received_ms";

    private final Storage storage;

    public ScanStore(Storage storage) {
        this.storage = storage;
    }

    /** Stores an upload in one transaction, or finds the scan it repeats. */
    public SaveOutcome save(NewScan scan) {
        try {
            return storage.write(h -> saveIn(h, scan));
        } catch (UnableToExecuteStatementException e) {
            // Two uploads of one scan raced past the lookup (PostgreSQL writes run side by side);
            // the unique key stopped the second. Run again: the lookup now finds the first.
            if (!isUniqueViolation(e)) throw e;
            return storage.write(h -> saveIn(h, scan));
        }
    }

    private static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                if ("23505".equals(state)) return true; // PostgreSQL unique_violation
                if (sql.getMessage() != null && sql.getMessage().contains("UNIQUE constraint failed")) return true;
            }
        }
        return false;
    }

    private static SaveOutcome saveIn(Handle h, NewScan scan) {
        Optional<Map<String, Object>> existing = h.createQuery(
                        "SELECT id, body_sha256 FROM scans WHERE tenant = :tenant AND scan_key = :key")
                .bind("tenant", scan.tenant())
                .bind("key", scan.scanKey())
                .mapToMap()
                .findOne();
        if (existing.isPresent()) {
            String id = (String) existing.get().get("id");
            boolean same = scan.bodySha256().equals(existing.get().get("body_sha256"));
            return new SaveOutcome(id, same ? SaveOutcome.Result.ALREADY_STORED : SaveOutcome.Result.CONFLICT);
        }
        String id = UUID.randomUUID().toString();
        h.createUpdate("INSERT INTO scans (id, tenant, host, scan_key, body_sha256, verdict, exposure_build, "
                        + "exposure_cves, findings, scan_time_ms, received_ms, report) VALUES (:id, :tenant, :host, "
                        + ":key, :sha, :verdict, :build, :cves, :findings, :scanTime, :received, :report)")
                .bind("id", id)
                .bind("tenant", scan.tenant())
                .bind("host", scan.host())
                .bind("key", scan.scanKey())
                .bind("sha", scan.bodySha256())
                .bind("verdict", scan.verdict())
                .bindBySqlType("build", scan.exposureBuild(), Types.VARCHAR)
                .bind("cves", String.join(",", scan.exposureCves()))
                .bind("findings", scan.findings())
                .bindBySqlType("scanTime", millis(scan.scanTime()), Types.BIGINT)
                .bind("received", scan.received().toEpochMilli())
                .bind("report", scan.report())
                .execute();
        if (!scan.actors().isEmpty()) {
            PreparedBatch batch = h.prepareBatch("INSERT INTO actor_sightings (scan_id, tenant, host, address, "
                    + "first_ms, last_ms, findings) VALUES (:id, :tenant, :host, :address, :first, :last, :findings)");
            for (ActorSighting a : scan.actors()) {
                batch.bind("id", id)
                        .bind("tenant", scan.tenant())
                        .bind("host", scan.host())
                        .bind("address", a.address())
                        .bindBySqlType("first", millis(a.first()), Types.BIGINT)
                        .bindBySqlType("last", millis(a.last()), Types.BIGINT)
                        .bind("findings", a.findings())
                        .add();
            }
            batch.execute();
        }
        return new SaveOutcome(id, SaveOutcome.Result.CREATED);
    }

    public Optional<StoredScan> scan(String tenant, String id) {
        return storage.read(h -> h.createQuery("SELECT " + SUMMARY_COLUMNS + ", report FROM scans "
                        + "WHERE tenant = :tenant AND id = :id")
                .bind("tenant", tenant)
                .bind("id", id)
                .map((rs, ctx) -> new StoredScan(summary(rs, ctx), rs.getString("report")))
                .findOne());
    }

    /**
     * The tenant's scans of one host, newest first. Host names are matched without regard to
     * case, as Windows treats them: EXCH01 and exch01 are one server.
     */
    public List<ScanSummary> scansOf(String tenant, String host) {
        List<ScanSummary> scans = storage.read(h -> h.createQuery("SELECT " + SUMMARY_COLUMNS + " FROM scans "
                        + "WHERE tenant = :tenant AND LOWER(host) = LOWER(:host)")
                .bind("tenant", tenant)
                .bind("host", host)
                .map(ScanStore::summary)
                .list());
        scans.sort(NEWEST_FIRST);
        return scans;
    }

    /** Every server of the tenant (host names compared without regard to case) with its newest scan, by host name. */
    public List<ServerSummary> servers(String tenant) {
        List<ScanSummary> all = storage.read(h -> h.createQuery("SELECT " + SUMMARY_COLUMNS + " FROM scans "
                        + "WHERE tenant = :tenant")
                .bind("tenant", tenant)
                .map(ScanStore::summary)
                .list());
        Map<String, List<ScanSummary>> byHost = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (ScanSummary s : all) byHost.computeIfAbsent(s.host(), k -> new ArrayList<>()).add(s);
        List<ServerSummary> servers = new ArrayList<>();
        for (var e : byHost.entrySet()) {
            ScanSummary newest = e.getValue().stream().min(NEWEST_FIRST).orElseThrow();
            servers.add(new ServerSummary(newest.host(), newest, e.getValue().size()));
        }
        return servers;
    }

    /** Client addresses seen by the tenant's scans, the most widespread first. */
    public List<FleetActor> actors(String tenant) {
        record Row(String address, String host, Long first, Long last, int findings) { }
        List<Row> rows = storage.read(h -> h.createQuery("SELECT address, host, MIN(first_ms) AS first_ms, "
                        + "MAX(last_ms) AS last_ms, SUM(findings) AS findings FROM actor_sightings "
                        + "WHERE tenant = :tenant GROUP BY address, host")
                .bind("tenant", tenant)
                .map((rs, ctx) -> new Row(rs.getString("address"), rs.getString("host"), nullableLong(rs, "first_ms"),
                        nullableLong(rs, "last_ms"), rs.getInt("findings")))
                .list());
        Map<String, List<Row>> byAddress = new LinkedHashMap<>();
        for (Row r : rows) byAddress.computeIfAbsent(r.address(), k -> new ArrayList<>()).add(r);
        List<FleetActor> actors = new ArrayList<>();
        for (var e : byAddress.entrySet()) {
            TreeSet<String> hosts = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
            Long first = null;
            Long last = null;
            int findings = 0;
            for (Row r : e.getValue()) {
                hosts.add(r.host());
                if (r.first() != null && (first == null || r.first() < first)) first = r.first();
                if (r.last() != null && (last == null || r.last() > last)) last = r.last();
                findings += r.findings();
            }
            actors.add(new FleetActor(e.getKey(), new ArrayList<>(hosts), instant(first), instant(last), findings));
        }
        actors.sort(Comparator.comparingInt((FleetActor a) -> a.hosts().size()).reversed()
                .thenComparing(FleetActor::findings, Comparator.reverseOrder())
                .thenComparing(FleetActor::address));
        return actors;
    }

    /** How many scans the tenant has; for checks and the load test. */
    public int count(String tenant) {
        return storage.read(h -> h.createQuery("SELECT COUNT(*) FROM scans WHERE tenant = :tenant")
                .bind("tenant", tenant).mapTo(Integer.class).one());
    }

    private static final Comparator<ScanSummary> NEWEST_FIRST = Comparator.comparing(ScanSummary::when)
            .thenComparing(ScanSummary::received).thenComparing(ScanSummary::id).reversed();

    private static ScanSummary summary(ResultSet rs, StatementContext ctx) throws SQLException {
        String cves = rs.getString("exposure_cves");
        return new ScanSummary(rs.getString("id"), rs.getString("host"), rs.getString("verdict"),
                rs.getString("exposure_build"),
                cves == null || cves.isEmpty() ? List.of() : Arrays.asList(cves.split(",")),
                rs.getInt("findings"), instant(nullableLong(rs, "scan_time_ms")),
                Instant.ofEpochMilli(rs.getLong("received_ms")));
    }

    private static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    private static Long millis(Instant t) {
        return t == null ? null : t.toEpochMilli();
    }

    private static Instant instant(Long millis) {
        return millis == null ? null : Instant.ofEpochMilli(millis);
    }
}
