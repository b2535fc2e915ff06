package org.exhunt.bench;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.exhunt.hunt.event.LogEvent;
import org.exhunt.hunt.event.SourceKind;
import org.exhunt.hunt.evidence.EvidenceFile;
import org.exhunt.hunt.read.ReadResult;
import org.exhunt.hunt.read.Readers;

/**
 * Where the benchmarks find their inputs, and how they turn them into events once, outside the
 * measured code. Inputs are real files of the project ({@code examples/}) and of the public test
 * corpus, read into memory so that disk speed never enters a kernel's score.
 */
final class BenchInputs {

    /** Marks the project root when walking up from the working directory. */
    private static final String ROOT_MARKER = "rules/pipelines/exhunt.yml";

    private static final String BUSY_W3C = "examples/busy-clean/inetpub/logs/LogFiles/W3SVC1/u_ex210614.log";
    private static final String COMPROMISED_W3C =
            "examples/proxylogon-compromised/inetpub/logs/LogFiles/W3SVC1/u_ex210303.log";
    private static final String HTTPPROXY_DIR =
            "examples/busy-clean/Program Files/Microsoft/Exchange Server/V15/Logging/HttpProxy/";
    private static final String TUNNA_W3C = "logs/EVTX-ATTACK-SAMPLES/Command and Control/Tunna_rdp_tunnel_IIS.log";

    private BenchInputs() {
    }

    /**
     * The exhunt project root: system property {@code exhunt.root}, else the nearest folder
     * above the working directory holding {@value #ROOT_MARKER}.
     */
    static Path projectRoot() {
        String given = System.getProperty("exhunt.root");
        if (given != null) {
            Path root = Path.of(given).toAbsolutePath();
            if (!Files.isRegularFile(root.resolve(ROOT_MARKER))) {
                throw new IllegalStateException("-Dexhunt.root=" + given + " has no " + ROOT_MARKER);
            }
            return root;
        }
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve(ROOT_MARKER))) return p;
        }
        throw new IllegalStateException("cannot find the exhunt project root (a folder with " + ROOT_MARKER
                + ") above " + Path.of("").toAbsolutePath() + "; run from inside the project or pass -Dexhunt.root=DIR");
    }

    /** The public test corpus: system property {@code exhunt.corpus}, else {@code <root>/../shared/corpus}. */
    static Path corpus() {
        String given = System.getProperty("exhunt.corpus");
        Path corpus = given != null ? Path.of(given) : projectRoot().resolve("../shared/corpus").normalize();
        if (!Files.isDirectory(corpus)) {
            throw new IllegalStateException("test corpus not found at " + corpus + "; pass -Dexhunt.corpus=DIR");
        }
        return corpus;
    }

    /** A named benchmark input: its kind and its bytes. */
    record Input(String name, SourceKind kind, Path path, byte[] bytes) {
        EvidenceFile file() {
            return new MemoryFile(path.toString(), bytes);
        }
    }

    /**
     * The inputs the read benchmarks take by name: {@code w3c-busy} (1 MB of ordinary traffic),
     * {@code w3c-compromised} (ProxyLogon attack day), {@code w3c-tunna} (corpus: an RDP tunnel
     * through IIS), {@code httpproxy-owa} and {@code httpproxy-mapi} (Exchange HttpProxy CSV).
     */
    static Input input(String name) {
        Path root = projectRoot();
        return switch (name) {
            case "w3c-busy" -> load(name, SourceKind.IIS_W3C, root.resolve(BUSY_W3C));
            case "w3c-compromised" -> load(name, SourceKind.IIS_W3C, root.resolve(COMPROMISED_W3C));
            case "w3c-tunna" -> load(name, SourceKind.IIS_W3C, corpus().resolve(TUNNA_W3C));
            case "httpproxy-owa" -> load(name, SourceKind.EXCHANGE_HTTPPROXY,
                    root.resolve(HTTPPROXY_DIR + "Owa/HttpProxy_2021061409-1.LOG"));
            case "httpproxy-mapi" -> load(name, SourceKind.EXCHANGE_HTTPPROXY,
                    root.resolve(HTTPPROXY_DIR + "Mapi/HttpProxy_2021061409-1.LOG"));
            default -> throw new IllegalArgumentException("unknown benchmark input '" + name + "'");
        };
    }

    private static Input load(String name, SourceKind kind, Path path) {
        if (!Files.isRegularFile(path)) {
            throw new IllegalStateException("benchmark input " + name + " missing: " + path);
        }
        try {
            return new Input(name, kind, path, Files.readAllBytes(path));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read benchmark input " + path, e);
        }
    }

    /**
     * Retained IIS W3C events for the matching benchmarks: the ordinary day and the attack day
     * together, repeated in file order until there are exactly {@code count}, so a score per
     * call can be divided by a fixed number of events.
     */
    static LogEvent[] w3cEvents(int count) {
        List<LogEvent> all = w3cEvents();
        LogEvent[] out = new LogEvent[count];
        for (int i = 0; i < count; i++) out[i] = all.get(i % all.size());
        return out;
    }

    /** Every event of the ordinary day and of the attack day, once each, retained. */
    static List<LogEvent> w3cEvents() {
        List<LogEvent> all = new ArrayList<>();
        for (String name : List.of("w3c-busy", "w3c-compromised")) {
            all.addAll(readRetained(input(name)));
        }
        return all;
    }

    /** Every event of an input, retained; fails if the reader gave up on the file. */
    static List<LogEvent> readRetained(Input in) {
        List<LogEvent> events = new ArrayList<>();
        ReadResult r = Readers.forKind(in.kind()).read(in.file(), e -> events.add(e.retain()));
        if (r.error() != null || events.isEmpty()) {
            throw new IllegalStateException("reading " + in.path() + " as " + in.kind().id() + " failed: "
                    + (r.error() != null ? r.error() : "no events"));
        }
        return events;
    }

    /** An evidence file whose content is already in memory. */
    private record MemoryFile(String path, byte[] content) implements EvidenceFile {
        @Override
        public long size() {
            return content.length;
        }

        @Override
        public InputStream open() {
            return new ByteArrayInputStream(content);
        }
    }
}
