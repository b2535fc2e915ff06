package org.exhunt.hunt.event;

import org.exhunt.sigma.Logsource;

/**
 * What an evidence file is, decided from its content. Each readable kind names the Sigma
 * logsource its events satisfy (see DESIGN.md section 4, "Logsources").
 */
public enum SourceKind {
    IIS_W3C("iis-w3c", new Logsource("windows", "webserver", "iis")),
    EXCHANGE_HTTPPROXY("exchange-httpproxy", new Logsource("exchange", null, "httpproxy")),
    EXCHANGE_ECP("exchange-ecp-server", new Logsource("exchange", null, "ecp-server")),
    EXCHANGE_OABGENERATOR("exchange-oabgenerator", new Logsource("exchange", null, "oabgenerator")),
    /** Any other Exchange log with a {@code #Fields:} header, read generically. */
    EXCHANGE_CSV("exchange-csv", new Logsource("exchange", null, null)),
    /**
     * Windows events exported as JSON (evtx_dump, Winlogbeat/ECS, NXLog-style flat records). Each
     * event names its own logsource from its channel and event ID, see {@link LogEvent#logsource()}.
     */
    WINDOWS_JSON("windows-json", new Logsource("windows", null, null), true),
    /** Windows event log files (EVTX); like {@link #WINDOWS_JSON}, each event names its own logsource. */
    WINDOWS_EVTX("windows-evtx", new Logsource("windows", null, null), true),
    /** Not a log we read; reported in coverage as skipped with the reason. */
    UNKNOWN("unknown", null);

    private final String id;
    private final Logsource logsource;
    private final boolean logsourcePerEvent;

    SourceKind(String id, Logsource logsource) {
        this(id, logsource, false);
    }

    SourceKind(String id, Logsource logsource, boolean logsourcePerEvent) {
        this.id = id;
        this.logsource = logsource;
        this.logsourcePerEvent = logsourcePerEvent;
    }

    /** The stable name used in reports ({@code coverage.files[].kind}). */
    public String id() {
        return id;
    }

    /** The logsource that events of this kind satisfy, or {@code null} for unreadable kinds. */
    public Logsource logsource() {
        return logsource;
    }

    /**
     * Whether each event names its own logsource (a Windows export mixes channels in one file), so
     * rules must be chosen per event rather than once per file.
     */
    public boolean logsourcePerEvent() {
        return logsourcePerEvent;
    }
}
