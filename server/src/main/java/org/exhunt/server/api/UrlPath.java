package org.exhunt.server.api;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Encodes a value (a host name) as one URL path segment. */
public final class UrlPath {

    private UrlPath() {
    }

    public static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
