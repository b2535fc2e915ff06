package org.exhunt.hunt.read.windows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.exhunt.sigma.SigmaEvent;

/**
 * The fields of one Windows event: names, values and whether a keyword search sees the value,
 * with a case-insensitive open-addressing index. Rules look fields up by the name they were
 * written with ({@code commandline}, {@code CommandLine}); folding each character while hashing
 * finds either spelling without allocating a lower-cased copy per lookup.
 *
 * <p>Cleared and refilled for every event of a file, so a reader allocates its arrays once.
 */
final class FieldTable {

    private String[] names = new String[32];
    private Object[] values = new Object[32];
    private boolean[] keyword = new boolean[32];
    private int[] hashes = new int[32];
    private int size;
    /** Slot → field index + 1; 0 marks an empty slot. Length is a power of two, at least twice size. */
    private int[] slots = new int[64];

    /**
     * Folded hashes of recently asked names, by identity. Rules ask for the same few hundred name
     * strings on every event, and a String caches its own hash code, so this turns hashing a
     * name into two array reads. Kept per reader thread rather than per table: a reader makes a
     * table per file, and most files hold a few dozen events, too few to repay hashing every
     * asked name again. Never shared between threads.
     */
    private final NameHashes asked;
    /**
     * The same memory for names written into the table, kept apart so that sources writing a new
     * String per record (JSON exports) cannot push out the names rules ask for. EVTX records
     * name their fields with the chunk's own String objects, the same for every record of the
     * chunk, so this spares hashing each name of each record.
     */
    private final NameHashes written;
    /** The thread whose memories these are; any other thread reading the table hashes afresh. */
    private final Thread owner;

    private static final ThreadLocal<NameHashes> ASKED = ThreadLocal.withInitial(NameHashes::new);
    private static final ThreadLocal<NameHashes> WRITTEN = ThreadLocal.withInitial(NameHashes::new);

    /** A table for one reader thread, remembering the hashes of the names rules ask for. */
    FieldTable() {
        this(true);
    }

    /** @param remember whether to keep hashes of asked names; false for tables other threads may read */
    FieldTable(boolean remember) {
        asked = remember ? ASKED.get() : null;
        written = remember ? WRITTEN.get() : null;
        owner = Thread.currentThread();
    }

    /**
     * A copy any thread may read (it keeps no name memories), its arrays just large enough, list
     * values copied so that the reader's later events cannot change them. Names keep their
     * hashes: a scan keeps an event per finding, a hundred thousand of them in a large one, and
     * hashing every name of each again was a measurable part of matching.
     */
    FieldTable frozenCopy() {
        FieldTable copy = new FieldTable(false);
        int capacity = Math.max(4, size);
        copy.names = Arrays.copyOf(names, capacity);
        copy.values = Arrays.copyOf(values, capacity);
        copy.keyword = Arrays.copyOf(keyword, capacity);
        copy.hashes = Arrays.copyOf(hashes, capacity);
        copy.size = size;
        for (int i = 0; i < size; i++) {
            if (copy.values[i] instanceof List<?> list) copy.values[i] = List.copyOf(list);
        }
        copy.slots = new int[Math.max(8, Integer.highestOneBit(capacity * 2 - 1) << 1)];
        for (int i = 0; i < size; i++) copy.insertSlot(i);
        return copy;
    }

    void clear() {
        Arrays.fill(names, 0, size, null);
        Arrays.fill(values, 0, size, null);
        Arrays.fill(slots, 0);
        size = 0;
    }

    int size() {
        return size;
    }

    String name(int i) {
        return names[i];
    }

    Object value(int i) {
        return values[i];
    }

    boolean isKeyword(int i) {
        return keyword[i];
    }

    /** Index of the field, or -1. */
    int indexOf(String name) {
        return indexOf(name, hashOf(name));
    }

    /** Index of the field, or -1; {@code hash} is {@link #foldHash foldHash(name)}, known to the caller. */
    int indexOf(String name, int hash) {
        int mask = slots.length - 1;
        int slot = hash & mask;
        while (true) {
            int entry = slots[slot];
            if (entry == 0) return -1;
            int i = entry - 1;
            // Most probes pass over other fields: their folded hash differs, so the character
            // comparison runs only for the field itself (often the very same String).
            if (hashes[i] == hash) {
                String n = names[i];
                if (n == name || n.equalsIgnoreCase(name)) return i;
            }
            slot = (slot + 1) & mask;
        }
    }

    /** Sets a field, replacing the value of a field of the same name (in any letter case). */
    void put(String name, Object value, boolean isKeyword) {
        put(name, putHash(name), value, isKeyword);
    }

    /** As {@link #put(String, Object, boolean)}, with {@code hash} = {@link #foldHash foldHash(name)} known to the caller. */
    void put(String name, int hash, Object value, boolean isKeyword) {
        int at = indexOf(name, hash);
        if (at >= 0) {
            values[at] = value;
            keyword[at] = keyword[at] || isKeyword;
            return;
        }
        add(name, value, isKeyword, hash);
    }

    /** Sets a field only when no field of that name exists yet. */
    void putIfAbsent(String name, Object value, boolean isKeyword) {
        int hash = putHash(name);
        if (indexOf(name, hash) < 0) add(name, value, isKeyword, hash);
    }

    /** Appends a value to a list-valued field (unnamed EventData items), creating it when absent. */
    @SuppressWarnings("unchecked")
    void append(String name, String value) {
        int at = indexOf(name);
        if (at < 0) {
            List<String> list = new ArrayList<>(4);
            list.add(value);
            add(name, list, true, foldHash(name));
        } else if (values[at] instanceof List<?> l) {
            ((List<String>) l).add(value);
        } else {
            List<String> list = new ArrayList<>(4);
            if (values[at] != null) list.add(values[at].toString());
            list.add(value);
            values[at] = list;
        }
    }

    private void add(String name, Object value, boolean isKeyword, int hash) {
        if (size == names.length) grow();
        names[size] = name;
        values[size] = value;
        keyword[size] = isKeyword;
        hashes[size] = hash;
        size++;
        if (size * 2 > slots.length) {
            slots = new int[slots.length * 2];
            for (int i = 0; i < size; i++) insertSlot(i);
        } else {
            insertSlot(size - 1);
        }
    }

    private int hashOf(String name) {
        return asked == null || Thread.currentThread() != owner ? foldHash(name) : asked.hash(name);
    }

    private int putHash(String name) {
        return written == null || Thread.currentThread() != owner ? foldHash(name) : written.hash(name);
    }

    private void insertSlot(int index) {
        int mask = slots.length - 1;
        int slot = hashes[index] & mask;
        while (slots[slot] != 0) slot = (slot + 1) & mask;
        slots[slot] = index + 1;
    }

    private void grow() {
        int n = names.length * 2;
        names = Arrays.copyOf(names, n);
        values = Arrays.copyOf(values, n);
        keyword = Arrays.copyOf(keyword, n);
        hashes = Arrays.copyOf(hashes, n);
    }

    /**
     * A hash that two names equal under {@link String#equalsIgnoreCase} share: each character is
     * folded to the lower case of its upper case, the same test equalsIgnoreCase applies.
     */
    static int foldHash(String s) {
        // the rule engine's own name hash, so callers that worked it out once can pass it in
        return SigmaEvent.nameHash(s);
    }
}
