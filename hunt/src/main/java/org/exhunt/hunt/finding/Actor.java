package org.exhunt.hunt.finding;

/**
 * Who did it, as far as the evidence tells: any part may be {@code null}.
 *
 * @param ip        the client address (IIS {@code c-ip}, HttpProxy {@code ClientIpAddress}, ECP {@code S:IP})
 * @param user      the authenticated or targeted account
 * @param userAgent the client's user agent, spaces restored
 */
public record Actor(String ip, String user, String userAgent) {
    public static final Actor UNKNOWN = new Actor(null, null, null);
}
