package org.exhunt.hunt.exposure;

import java.time.LocalDate;
import java.util.List;

/**
 * One released Exchange build, a row of {@code rules/exchange-builds.csv}.
 *
 * @param product  2013, 2016 or 2019
 * @param cu       the CU line's name: RTM, SP1, CU1 ...
 * @param name     the build's full name, e.g. {@code Exchange Server 2019 CU8 Mar21SU}
 * @param build    its build number (with the update part)
 * @param released its release date
 * @param kind     CU, SU or HU
 * @param fixes    the CVEs closed from this build on within its CU line, in the table's order
 */
public record BuildRow(String product, String cu, String name, ExchangeBuild build, LocalDate released,
                       String kind, List<String> fixes) {
    public BuildRow {
        fixes = List.copyOf(fixes);
    }
}
