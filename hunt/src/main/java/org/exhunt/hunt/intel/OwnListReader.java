package org.exhunt.hunt.intel;

import java.util.ArrayList;
import java.util.List;
import org.exhunt.hunt.ioc.Ioc;
import org.exhunt.hunt.ioc.IocList;
import org.exhunt.hunt.ioc.IocSet;
import org.exhunt.hunt.ioc.IocType;

/** exhunt's own list format, read by {@link IocSet#parse} and handed on as a feed. */
final class OwnListReader {

    private OwnListReader() {
    }

    /** Whether the text has a {@code #!} directive line or its first value line starts with a known type and a tab. */
    static boolean recognises(String text) {
        for (String line : text.split("\r?\n|\r", 200)) {
            String l = line.startsWith("\uFEFF") ? line.substring(1) : line;
            if (l.startsWith("#!")) return true;
            if (l.isBlank() || l.startsWith("#")) continue;
            int tab = l.indexOf('\t');
            return tab > 0 && IocType.fromWord(l.substring(0, tab)) != null;
        }
        return false;
    }

    static Feed read(String source, String text) {
        IocSet set = IocSet.parse(source, text);
        IocList list = set.lists().get(0);
        List<FeedEntry> entries = new ArrayList<>();
        for (Ioc ioc : set.entries()) {
            entries.add(new FeedEntry(ioc.type(), ioc.value(), ioc.description(), ioc.reference(), ioc.line()));
        }
        List<org.exhunt.hunt.ioc.IocProblem> problems = new ArrayList<>(set.problems());
        if (entries.isEmpty() && problems.isEmpty()) {
            problems.add(new org.exhunt.hunt.ioc.IocProblem(source, 0, "no indicators found in this exhunt list"));
        }
        return new Feed(source, "exhunt list", list.name(), list.title(), list.tags(), entries, problems);
    }
}
