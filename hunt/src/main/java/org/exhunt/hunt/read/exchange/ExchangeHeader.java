package org.exhunt.hunt.read.exchange;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.exhunt.hunt.event.SourceKind;

/**
 * The columns of one {@code #Fields:} block of an Exchange CSV log, with the taxonomy names of
 * docs/fields.md bound to them for the log's kind.
 */
final class ExchangeHeader {

    static final String URI = "cs-uri";

    /** HttpProxy native column → taxonomy name. */
    private static final String[][] HTTPPROXY_ALIASES = {
        {"ClientIpAddress", "c-ip"}, {"UserAgent", "cs-user-agent"}, {"UrlStem", "cs-uri-stem"},
        {"UrlQuery", "cs-uri-query"}, {"Method", "cs-method"}, {"UrlHost", "cs-host"},
        {"HttpStatus", "sc-status"}, {"AuthenticatedUser", "cs-username"},
    };

    /** ECP server taxonomy name → key inside {@code EventData}. */
    static final Map<String, String> ECP_ALIASES = Map.of("c-ip", "s:ip", "cs-user-agent", "s:ua", URI, "s:url");

    final String[] names;
    private final Map<String, Integer> columns;
    /** The time column, or -1; see {@link #timestampGuessed}. */
    int timestamp;
    /**
     * No column is named as a time ({@code DateTime}, {@code TimeStamp}, {@code date-time}): the
     * first column is taken if the first record holds an ISO-8601 time there, else none is.
     */
    boolean timestampGuessed;
    final int eventData;
    final int stem;
    final int query;
    final boolean ecpAliases;
    private final List<String> allNames;

    private ExchangeHeader(String[] names, SourceKind kind) {
        this.names = names;
        Map<String, Integer> map = new HashMap<>();
        List<String> all = new ArrayList<>();
        Collections.addAll(all, names);
        for (int i = 0; i < names.length; i++) map.putIfAbsent(names[i].toLowerCase(Locale.ROOT), i);
        if (kind == SourceKind.EXCHANGE_HTTPPROXY) {
            for (String[] alias : HTTPPROXY_ALIASES) {
                Integer c = map.get(alias[0].toLowerCase(Locale.ROOT));
                if (c != null && map.putIfAbsent(alias[1], c) == null) all.add(alias[1]);
            }
        }
        this.columns = map;
        this.eventData = col("eventdata");
        this.stem = kind == SourceKind.EXCHANGE_HTTPPROXY ? col("urlstem") : -1;
        this.query = kind == SourceKind.EXCHANGE_HTTPPROXY ? col("urlquery") : -1;
        if (stem >= 0 && !map.containsKey(URI)) all.add(URI);
        this.ecpAliases = kind == SourceKind.EXCHANGE_ECP && eventData >= 0;
        if (ecpAliases) {
            for (String alias : List.of("c-ip", "cs-user-agent", URI)) if (!map.containsKey(alias)) all.add(alias);
        }
        int ts = -1;
        for (String candidate : List.of("datetime", "timestamp", "date-time")) {
            if (ts < 0) ts = col(candidate);
        }
        this.timestampGuessed = ts < 0 && names.length > 0;
        this.timestamp = ts >= 0 ? ts : timestampGuessed ? 0 : -1;
        this.allNames = List.copyOf(all);
    }

    /** Parses the text after {@code #Fields:}; names are separated by commas. */
    static ExchangeHeader parse(String fieldsText, SourceKind kind) {
        String text = fieldsText.trim();
        String[] names = text.isEmpty() ? new String[0] : text.split(",", -1);
        for (int i = 0; i < names.length; i++) names[i] = names[i].trim();
        return new ExchangeHeader(names, kind);
    }

    int col(String lowerName) {
        Integer i = columns.get(lowerName);
        return i == null ? -1 : i;
    }

    int size() {
        return names.length;
    }

    List<String> allNames() {
        return allNames;
    }
}
