package org.exhunt.sigma;

/**
 * A Sigma logsource: which kind of log a rule is written for, or which kind of log an event
 * came from. Any part may be {@code null}.
 */
public record Logsource(String product, String category, String service) {

    /**
     * Whether a rule written for this logsource applies to events from {@code source}: every
     * part this logsource names must equal (case-insensitively) the same part of the source.
     */
    public boolean appliesTo(Logsource source) {
        return partMatches(product, source.product)
                && partMatches(category, source.category)
                && partMatches(service, source.service);
    }

    private static boolean partMatches(String wanted, String actual) {
        return wanted == null || (actual != null && wanted.equalsIgnoreCase(actual));
    }

    /*
     * Written out rather than left to the record's generated methods, which the quick compiler
     * runs through method handles: every Windows event looks its matcher up by logsource.
     */
    @Override
    public boolean equals(Object o) {
        return o == this || (o instanceof Logsource l && java.util.Objects.equals(product, l.product)
                && java.util.Objects.equals(category, l.category) && java.util.Objects.equals(service, l.service));
    }

    @Override
    public int hashCode() {
        return (java.util.Objects.hashCode(product) * 31 + java.util.Objects.hashCode(category)) * 31
                + java.util.Objects.hashCode(service);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        if (product != null) sb.append("product=").append(product);
        if (category != null) sb.append(sb.length() > 0 ? " " : "").append("category=").append(category);
        if (service != null) sb.append(sb.length() > 0 ? " " : "").append("service=").append(service);
        return sb.length() == 0 ? "(any)" : sb.toString();
    }
}
