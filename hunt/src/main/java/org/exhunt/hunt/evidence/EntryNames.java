package org.exhunt.hunt.evidence;

import java.util.ArrayList;
import java.util.List;

/**
 * Archive entry names are data, never file-system paths. An entry that tries to climb out of
 * its archive ({@code ..}, an absolute path, a drive letter) is reported, and its content is
 * still read under a cleaned display name with those parts removed: a hostile name does not
 * get to hide what the entry holds.
 */
final class EntryNames {

    private EntryNames() {
    }

    /** Whether the name would leave the archive if used as a path. */
    static boolean traverses(String name) {
        String n = name.replace('\\', '/');
        if (n.startsWith("/")) return true;
        if (n.length() >= 2 && Character.isLetter(n.charAt(0)) && n.charAt(1) == ':') return true;
        for (String part : n.split("/")) {
            if (part.equals("..")) return true;
        }
        return false;
    }

    /** The name with separators as {@code /}, and empty, {@code .}, {@code ..} and drive parts dropped. */
    static String clean(String name) {
        String n = name.replace('\\', '/');
        List<String> kept = new ArrayList<>();
        String[] parts = n.split("/");
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i];
            if (p.isEmpty() || p.equals(".") || p.equals("..")) continue;
            if (i == 0 && p.length() == 2 && Character.isLetter(p.charAt(0)) && p.charAt(1) == ':') continue;
            kept.add(p);
        }
        return String.join("/", kept);
    }
}
