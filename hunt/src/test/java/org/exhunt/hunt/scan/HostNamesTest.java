package org.exhunt.hunt.scan;

import static org.assertj.core.api.Assertions.assertThat;

import org.exhunt.hunt.event.LogEvent;
import org.exhunt.hunt.event.RetainedEvent;
import org.exhunt.hunt.event.SourceKind;
import org.exhunt.hunt.event.SourceRef;
import org.junit.jupiter.api.Test;

class HostNamesTest {

    @Test
    void theNameMostFilesGiveWinsAndFullyQualifiedNamesCountAsTheirShortName() {
        HostNames hosts = new HostNames();
        hosts.watcher().look(event("ServerHostName", "EXCH19"));
        hosts.watcher().look(event("Computer", "exch19.fabrikam.local"));
        hosts.watcher().look(event("Computer", "DC01.fabrikam.local"));
        assertThat(hosts.best()).isEqualTo("EXCH19");
    }

    @Test
    void addressesDashesAndFreeTextAreNoHostNames() {
        HostNames hosts = new HostNames();
        hosts.watcher().look(event("ServerHostName", "-"));
        hosts.watcher().look(event("Computer", "10.0.0.20"));
        hosts.watcher().look(event("s-computername", "not a <host>"));
        assertThat(hosts.best()).isNull();
    }

    @Test
    void aFileCountsOnceWhateverItsEventsSay() {
        HostNames hosts = new HostNames();
        HostNames.Watcher busy = hosts.watcher();
        for (int i = 0; i < 5; i++) busy.look(event("Computer", "WEB01"));
        hosts.watcher().look(event("Computer", "MBX16"));
        hosts.watcher().look(event("Computer", "MBX16"));
        assertThat(hosts.best()).isEqualTo("MBX16");
    }

    private static LogEvent event(String field, String value) {
        return RetainedEvent.ofPairs(SourceKind.WINDOWS_JSON, SourceRef.ofLine("x.json", 1, 0), null, field, value);
    }
}
