package org.exhunt.spark;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.exhunt.hunt.event.RetainedEvent;
import org.exhunt.hunt.event.SourceKind;
import org.exhunt.hunt.event.SourceRef;
import org.exhunt.hunt.exposure.BuildClue;
import org.exhunt.hunt.exposure.ExchangeBuild;
import org.exhunt.hunt.finding.Actor;
import org.exhunt.hunt.finding.Finding;
import org.exhunt.hunt.finding.Level;
import org.exhunt.hunt.finding.RuleRef;
import org.exhunt.hunt.report.FileCoverage;
import org.exhunt.hunt.report.ScanError;
import org.exhunt.hunt.scan.FileHunter;
import org.exhunt.hunt.scan.HeldMatch;

/**
 * Moves slice outcomes (file outcomes, EVTX chunk-range outcomes, held correlation matches)
 * between the tasks that read a server's files and the task that judges the server. hunt's records are not {@link Serializable} (they are not meant to travel), so this
 * writes their components, which are strings, numbers, instants and enums, and rebuilds them.
 */
final class OutcomeCodec {

    private OutcomeCodec() {
    }

    static byte[] encode(SliceOutcome slice) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(buffer)) {
            writeOutcomes(out, slice.files());
            out.writeInt(slice.parts().size());
            for (SliceOutcome.Part p : slice.parts()) {
                out.writeObject(p.uri());
                out.writeInt(p.firstChunk());
                writeOutcomes(out, List.of(p.outcome()));
            }
            out.writeInt(slice.held().size());
            for (HeldMatch m : slice.held()) writeHeld(out, m);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode file outcomes", e);
        }
        return buffer.toByteArray();
    }

    static SliceOutcome decode(byte[] bytes) {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            List<FileHunter.Outcome> files = readOutcomes(in);
            int partCount = in.readInt();
            List<SliceOutcome.Part> parts = new ArrayList<>(partCount);
            for (int i = 0; i < partCount; i++) {
                String uri = (String) in.readObject();
                int first = in.readInt();
                parts.add(new SliceOutcome.Part(uri, first, readOutcomes(in).get(0)));
            }
            int heldCount = in.readInt();
            List<HeldMatch> held = new ArrayList<>(heldCount);
            for (int i = 0; i < heldCount; i++) held.add(readHeld(in));
            return new SliceOutcome(files, parts, held);
        } catch (IOException | ClassNotFoundException e) {
            throw new IllegalStateException("cannot decode file outcomes (" + bytes.length + " bytes): " + e, e);
        }
    }

    private static void writeOutcomes(ObjectOutputStream out, List<FileHunter.Outcome> outcomes) throws IOException {
        out.writeInt(outcomes.size());
        for (FileHunter.Outcome o : outcomes) {
            writeCoverage(out, o.coverage());
            out.writeInt(o.findings().size());
            for (Finding f : o.findings()) writeFinding(out, f);
            out.writeLong(o.bytes());
            writeBuild(out, o.build());
            out.writeObject(o.host());
            out.writeInt(o.errors().size());
            for (ScanError e : o.errors()) {
                out.writeObject(e.source());
                out.writeObject(e.message());
            }
        }
    }

    private static List<FileHunter.Outcome> readOutcomes(ObjectInputStream in) throws IOException, ClassNotFoundException {
        int n = in.readInt();
        List<FileHunter.Outcome> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            FileCoverage coverage = readCoverage(in);
            int count = in.readInt();
            List<Finding> findings = new ArrayList<>(count);
            for (int j = 0; j < count; j++) findings.add(readFinding(in));
            long size = in.readLong();
            BuildClue build = readBuild(in);
            String host = (String) in.readObject();
            int errorCount = in.readInt();
            List<ScanError> errors = new ArrayList<>(errorCount);
            for (int j = 0; j < errorCount; j++) {
                errors.add(new ScanError((String) in.readObject(), (String) in.readObject()));
            }
            out.add(new FileHunter.Outcome(coverage, findings, size, build, host, errors));
        }
        return out;
    }

    /** A held match: the rule's place and id, and the event snapshot (time, source, the read fields). */
    private static void writeHeld(ObjectOutputStream out, HeldMatch m) throws IOException {
        out.writeInt(m.rule());
        out.writeObject(m.ruleId());
        RetainedEvent e = m.event();
        out.writeObject(e.kind());
        SourceRef s = e.source();
        out.writeObject(s.path());
        out.writeLong(s.line());
        out.writeLong(s.record());
        out.writeLong(s.offset());
        out.writeObject(e.timestamp());
        out.writeObject(serialisable(e.fields()));
    }

    @SuppressWarnings("unchecked")
    private static HeldMatch readHeld(ObjectInputStream in) throws IOException, ClassNotFoundException {
        int rule = in.readInt();
        String ruleId = (String) in.readObject();
        SourceKind kind = (SourceKind) in.readObject();
        SourceRef source = new SourceRef((String) in.readObject(), in.readLong(), in.readLong(), in.readLong());
        Instant time = (Instant) in.readObject();
        Map<String, Object> fields = (Map<String, Object>) in.readObject();
        return new HeldMatch(rule, ruleId, new RetainedEvent(kind, source, time, fields, List.of()));
    }

    /** Event values are strings, numbers, booleans and lists of those; anything else travels as its text. */
    private static LinkedHashMap<String, Object> serialisable(Map<String, Object> values) {
        LinkedHashMap<String, Object> out = new LinkedHashMap<>();
        values.forEach((k, v) -> out.put(k, serialisable(v)));
        return out;
    }

    private static Object serialisable(Object v) {
        if (v instanceof List<?> list) {
            ArrayList<Object> copy = new ArrayList<>(list.size());
            for (Object item : list) copy.add(serialisable(item));
            return copy;
        }
        return v == null || v instanceof String || v instanceof Number || v instanceof Boolean ? v : String.valueOf(v);
    }

    private static void writeCoverage(ObjectOutputStream out, FileCoverage c) throws IOException {
        out.writeBoolean(c != null);
        if (c == null) return;
        out.writeObject(c.path());
        out.writeObject(c.kind());
        out.writeLong(c.events());
        out.writeObject(c.first());
        out.writeObject(c.last());
        out.writeObject(c.status());
        out.writeObject(c.reason());
        out.writeObject(new ArrayList<>(c.warnings()));
    }

    @SuppressWarnings("unchecked")
    private static FileCoverage readCoverage(ObjectInputStream in) throws IOException, ClassNotFoundException {
        if (!in.readBoolean()) return null;
        return new FileCoverage((String) in.readObject(), (String) in.readObject(), in.readLong(),
                (Instant) in.readObject(), (Instant) in.readObject(), (String) in.readObject(),
                (String) in.readObject(), (List<String>) in.readObject());
    }

    private static void writeFinding(ObjectOutputStream out, Finding f) throws IOException {
        RuleRef r = f.rule();
        out.writeObject(r.id());
        out.writeObject(r.title());
        out.writeObject(r.level());
        out.writeObject(new ArrayList<>(r.tags()));
        out.writeObject(f.engine());
        out.writeObject(f.time());
        SourceRef s = f.source();
        out.writeBoolean(s != null);
        if (s != null) {
            out.writeObject(s.path());
            out.writeLong(s.line());
            out.writeLong(s.record());
            out.writeLong(s.offset());
        }
        LinkedHashMap<String, Object> matched = new LinkedHashMap<>();
        // Values are strings and numbers; anything else travels as its text.
        f.matched().forEach((k, v) -> matched.put(k, v == null || v instanceof Serializable ? v : String.valueOf(v)));
        out.writeObject(matched);
        Actor a = f.actor();
        out.writeBoolean(a != null);
        if (a != null) {
            out.writeObject(a.ip());
            out.writeObject(a.user());
            out.writeObject(a.userAgent());
        }
    }

    @SuppressWarnings("unchecked")
    private static Finding readFinding(ObjectInputStream in) throws IOException, ClassNotFoundException {
        RuleRef rule = new RuleRef((String) in.readObject(), (String) in.readObject(), (Level) in.readObject(),
                (List<String>) in.readObject());
        String engine = (String) in.readObject();
        Instant time = (Instant) in.readObject();
        SourceRef source = in.readBoolean()
                ? new SourceRef((String) in.readObject(), in.readLong(), in.readLong(), in.readLong()) : null;
        Map<String, Object> matched = (Map<String, Object>) in.readObject();
        Actor actor = in.readBoolean()
                ? new Actor((String) in.readObject(), (String) in.readObject(), (String) in.readObject()) : null;
        if (Actor.UNKNOWN.equals(actor)) actor = Actor.UNKNOWN;
        return new Finding(rule, engine, time, source, matched, actor);
    }

    private static void writeBuild(ObjectOutputStream out, BuildClue b) throws IOException {
        out.writeBoolean(b != null);
        if (b == null) return;
        ExchangeBuild v = b.build();
        out.writeInt(v.major());
        out.writeInt(v.minor());
        out.writeInt(v.build());
        out.writeInt(v.revision());
        out.writeObject(b.source());
        out.writeObject(b.strength());
    }

    private static BuildClue readBuild(ObjectInputStream in) throws IOException, ClassNotFoundException {
        if (!in.readBoolean()) return null;
        ExchangeBuild v = new ExchangeBuild(in.readInt(), in.readInt(), in.readInt(), in.readInt());
        return new BuildClue(v, (String) in.readObject(), (BuildClue.Strength) in.readObject());
    }
}
