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
    /** Not a log we read; reported in coverage as skipped with the reason. */
    UNKNOWN("unknown", null);

    private final String id;
    private final Logsource logsource;

    SourceKind(String id, Logsource logsource) {
        this.id = id;
        this.logsource = logsource;
    }

    /** The stable name used in reports ({@code coverage.files[].kind}). */
    public String id() {
        return id;
    }

    /** The logsource that events of this kind satisfy, or {@code null} for unreadable kinds. */
    public Logsource logsource() {
        return logsource;
    }
}
