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

/**
 * Moves file outcomes between the tasks that read a server's files and the task that judges the
 * server. hunt's records are not {@link Serializable} (they are not meant to travel), so this
 * writes their components, which are strings, numbers, instants and enums, and rebuilds them.
 */
final class OutcomeCodec {

    private OutcomeCodec() {
    }

    static byte[] encode(List<FileHunter.Outcome> outcomes) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(buffer)) {
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
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode file outcomes", e);
        }
        return buffer.toByteArray();
    }

    static List<FileHunter.Outcome> decode(byte[] bytes) {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
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
        } catch (IOException | ClassNotFoundException e) {
            throw new IllegalStateException("cannot decode file outcomes (" + bytes.length + " bytes): " + e, e);
        }
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
