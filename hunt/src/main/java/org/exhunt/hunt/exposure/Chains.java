package org.exhunt.hunt.exposure;

import java.util.List;
import java.util.Map;

/** The public names of the attack chains each CVE of the build table belongs to. */
public final class Chains {

    // OWASSRF reuses ProxyNotShell's second step (CVE-2022-41082) behind a new first step.
    private static final Map<String, List<String>> CHAINS = Map.of(
            "CVE-2021-26855", List.of("ProxyLogon"),
            "CVE-2021-26857", List.of("ProxyLogon"),
            "CVE-2021-26858", List.of("ProxyLogon"),
            "CVE-2021-27065", List.of("ProxyLogon"),
            "CVE-2021-34473", List.of("ProxyShell"),
            "CVE-2021-34523", List.of("ProxyShell"),
            "CVE-2021-31207", List.of("ProxyShell"),
            "CVE-2022-41040", List.of("ProxyNotShell"),
            "CVE-2022-41082", List.of("ProxyNotShell", "OWASSRF"),
            "CVE-2022-41080", List.of("OWASSRF"));

    private Chains() {
    }

    /** The chains a CVE belongs to, e.g. {@code [ProxyLogon]}; empty for a CVE of no known chain. */
    public static List<String> of(String cve) {
        return CHAINS.getOrDefault(cve, List.of());
    }
}
