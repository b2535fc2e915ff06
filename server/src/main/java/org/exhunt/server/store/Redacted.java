package org.exhunt.server.store;

import java.util.regex.Pattern;

/** Takes passwords out of JDBC URLs before they reach a log line or an error message. */
public final class Redacted {

    private static final Pattern PASSWORD = Pattern.compile("(?i)(password=)[^&;]*");
    private static final Pattern USER_INFO = Pattern.compile("(//[^/:@]+:)[^@/]*@");

    private Redacted() {
    }

    public static String url(String jdbcUrl) {
        if (jdbcUrl == null) return null;
        String s = PASSWORD.matcher(jdbcUrl).replaceAll("$1***");
        return USER_INFO.matcher(s).replaceAll("$1***@");
    }
}
