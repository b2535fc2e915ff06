package org.exhunt.server.auth;

import java.util.Locale;

/** What a token may do: agents only upload reports, analysts only read their own tenant's. */
public enum Role {
    AGENT,
    ANALYST;

    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Reads {@code agent} or {@code analyst} in any case. */
    public static Role parse(String word) {
        for (Role r : values()) {
            if (r.word().equalsIgnoreCase(word == null ? "" : word.trim())) return r;
        }
        throw new IllegalArgumentException("role must be agent or analyst, not '" + word + "'");
    }
}
