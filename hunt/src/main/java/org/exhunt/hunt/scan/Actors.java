package org.exhunt.hunt.scan;

import org.exhunt.hunt.finding.Actor;
import org.exhunt.sigma.SigmaEvent;

/** Reads who acted from an event's taxonomy fields, whatever log it came from. */
final class Actors {

    private Actors() {
    }

    static Actor of(SigmaEvent event) {
        String ip = text(event, "c-ip");
        String user = text(event, "cs-username");
        String ua = text(event, "cs-user-agent");
        if (ip == null && user == null && ua == null) return Actor.UNKNOWN;
        return new Actor(ip, user, ua);
    }

    private static String text(SigmaEvent event, String field) {
        Object v = event.get(field);
        if (v == null) return null;
        String s = v.toString().trim();
        return s.isEmpty() || s.equals("-") ? null : s;
    }
}
