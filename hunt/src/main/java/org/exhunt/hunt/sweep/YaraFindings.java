package org.exhunt.hunt.sweep;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.exhunt.hunt.event.SourceRef;
import org.exhunt.hunt.finding.Finding;
import org.exhunt.hunt.finding.Level;
import org.exhunt.hunt.finding.RuleRef;
import org.exhunt.yara.MatchedString;
import org.exhunt.yara.YaraMatch;

/**
 * Turns a YARA match into a finding. Our rules say everything in their metadata ({@code id},
 * {@code title}, {@code level}, {@code tags}); community rules are read as their authors wrote
 * them: signature-base's {@code score} (0–100: 75 and up is an alert, 60 and up suspicious)
 * gives the level, {@code description} the title.
 */
final class YaraFindings {

    static final String ENGINE = "yara";
    /** How many matched strings a finding shows; the rest are counted. */
    static final int SHOWN_STRINGS = 8;

    private YaraFindings() {
    }

    static Finding of(YaraMatch m, String path, String sha256) {
        Map<String, Object> matched = new LinkedHashMap<>();
        matched.put("rule", m.rule());
        List<String> shown = new ArrayList<>();
        for (MatchedString s : m.strings()) {
            if (shown.size() == SHOWN_STRINGS) {
                shown.add("... " + (m.strings().size() - SHOWN_STRINGS) + " more");
                break;
            }
            shown.add("0x" + Long.toHexString(s.offset()) + " " + s.id() + ": " + printable(s.data()));
        }
        if (!shown.isEmpty()) {
            matched.put("strings", String.join("\n", shown));
        }
        matched.put("sha256", sha256);
        long offset = m.strings().isEmpty() ? -1 : m.strings().get(0).offset();
        return new Finding(ruleRef(m), ENGINE, null, new SourceRef(path, -1, -1, offset), matched, null);
    }

    static RuleRef ruleRef(YaraMatch m) {
        String id = text(m.metaValue("id"));
        String title = text(m.metaValue("title"));
        if (title == null) {
            title = text(m.metaValue("description"));
        }
        return new RuleRef(id != null ? id : "yara:" + m.rule(), title != null ? title : m.rule(), level(m), tags(m));
    }

    static Level level(YaraMatch m) {
        String level = text(m.metaValue("level"));
        if (level != null) {
            return Level.parse(level);
        }
        Object score = m.metaValue("score");
        long s = -1;
        if (score instanceof Long l) {
            s = l;
        } else if (score instanceof String text) {
            try {
                s = Long.parseLong(text.trim());
            } catch (NumberFormatException notANumber) {
                s = -1;
            }
        }
        if (s >= 75) {
            return Level.HIGH;
        }
        if (s >= 60) {
            return Level.MEDIUM;
        }
        return s >= 0 ? Level.LOW : Level.MEDIUM;
    }

    private static List<String> tags(YaraMatch m) {
        List<String> tags = new ArrayList<>();
        String written = text(m.metaValue("tags"));
        if (written != null) {
            for (String t : written.split("[\\s,]+")) {
                if (!t.isBlank()) {
                    tags.add(t.toLowerCase(Locale.ROOT));
                }
            }
        }
        return tags;
    }

    /** Meta strings hold bytes one char per byte; rule authors write UTF-8. */
    private static String text(Object v) {
        if (!(v instanceof String s)) {
            return null;
        }
        return new String(s.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1), java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Matched bytes as a reader can take them: printable ASCII kept, the rest as \xNN. */
    static String printable(byte[] data) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < data.length && b.length() < 120; i++) {
            int c = data[i] & 0xFF;
            if (c >= 0x20 && c < 0x7F) {
                b.append((char) c);
            } else {
                b.append(String.format("\\x%02x", c));
            }
        }
        return b.toString();
    }
}
