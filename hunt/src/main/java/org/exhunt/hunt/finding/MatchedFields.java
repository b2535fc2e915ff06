package org.exhunt.hunt.finding;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * A finding's matched fields: an immutable map in insertion order, kept as one array of keys and
 * values. A scan can hold a hundred thousand findings until the report is written; a
 * {@code LinkedHashMap} costs about five times as many bytes per field (an entry object, a table
 * and two list links each), which decided whether a large Windows scan fits a small heap. A
 * finding has a handful of fields, so a lookup scans them.
 */
final class MatchedFields extends AbstractMap<String, Object> {

    private static final MatchedFields EMPTY = new MatchedFields(new Object[0]);

    /** Key, value, key, value, … in the order given. */
    private final Object[] keysAndValues;

    private MatchedFields(Object[] keysAndValues) {
        this.keysAndValues = keysAndValues;
    }

    /** An immutable copy in the map's iteration order; the same object when it already is one. */
    static Map<String, Object> copyOf(Map<String, Object> fields) {
        if (fields instanceof MatchedFields same) return same;
        if (fields.isEmpty()) return EMPTY;
        Object[] kv = new Object[fields.size() * 2];
        int i = 0;
        for (Map.Entry<String, Object> e : fields.entrySet()) {
            if (i == kv.length) throw new IllegalStateException("the fields changed while being copied");
            kv[i++] = e.getKey();
            kv[i++] = e.getValue();
        }
        if (i != kv.length) throw new IllegalStateException("the fields changed while being copied");
        return new MatchedFields(kv);
    }

    @Override
    public int size() {
        return keysAndValues.length / 2;
    }

    @Override
    public Object get(Object key) {
        int i = indexOf(key);
        return i < 0 ? null : keysAndValues[i + 1];
    }

    @Override
    public boolean containsKey(Object key) {
        return indexOf(key) >= 0;
    }

    private int indexOf(Object key) {
        for (int i = 0; i < keysAndValues.length; i += 2) {
            Object k = keysAndValues[i];
            if (k == null ? key == null : k.equals(key)) return i;
        }
        return -1;
    }

    @Override
    public Set<Map.Entry<String, Object>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Map.Entry<String, Object>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < keysAndValues.length;
                    }

                    @Override
                    public Map.Entry<String, Object> next() {
                        if (next >= keysAndValues.length) throw new NoSuchElementException();
                        String key = (String) keysAndValues[next];
                        Object value = keysAndValues[next + 1];
                        next += 2;
                        return new AbstractMap.SimpleImmutableEntry<>(key, value);
                    }
                };
            }

            @Override
            public int size() {
                return keysAndValues.length / 2;
            }
        };
    }
}
