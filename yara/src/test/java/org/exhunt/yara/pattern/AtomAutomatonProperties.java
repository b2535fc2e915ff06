package org.exhunt.yara.pattern;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/** Both forms of the atom automaton report exactly the atom occurrences a naive search finds. */
class AtomAutomatonProperties {

    @Property(tries = 300)
    void dense_and_sparse_automata_find_every_atom_occurrence(@ForAll long seed) {
        Random r = new Random(seed);
        List<byte[]> atoms = new ArrayList<>();
        int n = 1 + r.nextInt(30);
        for (int i = 0; i < n; i++) {
            byte[] a = new byte[1 + r.nextInt(4)];
            for (int j = 0; j < a.length; j++) a[j] = (byte) "ab\u0000\u00ff".charAt(r.nextInt(4));
            atoms.add(a);
        }
        byte[] data = new byte[r.nextInt(200)];
        for (int j = 0; j < data.length; j++) data[j] = (byte) "abc\u0000\u00ff".charAt(r.nextInt(5));

        List<String> naive = new ArrayList<>();
        for (int end = 1; end <= data.length; end++) {
            for (int id = 0; id < atoms.size(); id++) {
                byte[] a = atoms.get(id);
                if (end >= a.length && java.util.Arrays.equals(data, end - a.length, end, a, 0, a.length)) naive.add(end + "/" + id);
            }
        }
        assertThat(hits(AtomAutomaton.build(atoms, false), data)).containsExactlyInAnyOrderElementsOf(naive);
        assertThat(hits(AtomAutomaton.build(atoms, true), data)).containsExactlyInAnyOrderElementsOf(naive);
    }

    private static List<String> hits(AtomAutomaton a, byte[] data) {
        List<String> out = new ArrayList<>();
        a.scan(data, (atom, end) -> out.add(end + "/" + atom));
        return out;
    }
}
