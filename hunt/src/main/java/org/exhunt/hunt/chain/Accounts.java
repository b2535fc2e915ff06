package org.exhunt.hunt.chain;

import java.util.Locale;
import java.util.Set;

/**
 * Which account names stand for a person (or an attacker posing as one) and so may tie addresses
 * together. Built-in service identities, machine accounts, anonymous requests and Exchange's own
 * health and system mailboxes are used by everyone and tie nothing.
 */
final class Accounts {

    private static final Set<String> SHARED = Set.of(
            "system", "local system", "localsystem", "local service", "network service", "anonymous",
            "anonymous logon", "guest", "iusr", "defaultapppool", "msexchangeowaapppool",
            "msexchangeecpapppool", "exchange", "nt authority", "administrator$");

    private Accounts() {
    }

    /**
     * The account's comparable form ({@code CONTOSO\Alice} and {@code alice@contoso.com} both →
     * {@code alice}), or {@code null} when it is a shared identity that must not tie actors.
     */
    static String key(String account) {
        if (account == null) return null;
        String a = account.trim().toLowerCase(Locale.ROOT);
        int slash = a.lastIndexOf('\\');
        if (slash >= 0) a = a.substring(slash + 1);
        int at = a.indexOf('@');
        if (at >= 0) a = a.substring(0, at);
        a = a.trim();
        if (a.isEmpty() || a.equals("-") || a.endsWith("$") || SHARED.contains(a)) return null;
        if (a.startsWith("healthmailbox") || a.startsWith("sm_") || a.startsWith("systemmailbox")
                || a.startsWith("federatedemail") || a.startsWith("migration.") || a.startsWith("iis apppool")
                || a.startsWith("extest_")) {
            return null;
        }
        return a;
    }
}
