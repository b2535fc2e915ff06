package org.exhunt.hunt.intel;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.exhunt.hunt.ioc.IocProblem;
import org.exhunt.hunt.ioc.IocSet;

/**
 * Loads indicator feeds from files and folders, recognising each format by its content: STIX 2.1
 * bundles, MISP events, CSV with an indicator column (MSTIC, Volexity), CHIRP YAML, exhunt's own
 * lists, and plain one-value-per-line lists (signature-base's among them). Loading never throws:
 * whatever can't be read becomes a problem of the feed, naming the file and the place in it.
 */
public final class IndicatorFeeds {

    /** Larger files are no feeds anyone publishes; reading them whole would only risk memory. */
    static final long MAX_BYTES = 256L * 1024 * 1024;

    /** File name endings read when walking a folder; a file given by name is read whatever its name. */
    private static final Set<String> FOLDER_EXTENSIONS = Set.of(
            "json", "csv", "tsv", "txt", "yaml", "yml", "lst", "list", "ioc", "iocs", "stix", "misp");

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
            .build();

    static {
        JSON.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(200).build());
    }

    private IndicatorFeeds() {
    }

    /** Every feed of every path (files, or folders walked for feed files), in order. */
    public static List<Feed> load(List<Path> paths) {
        List<Feed> feeds = new ArrayList<>();
        for (Path p : paths) feeds.addAll(load(p));
        return feeds;
    }

    /** The feeds of one file (a MISP answer may hold several events) or of every feed file below a folder, sorted by path. */
    public static List<Feed> load(Path fileOrFolder) {
        if (!Files.isDirectory(fileOrFolder)) return readFile(fileOrFolder);
        List<Path> files;
        try (Stream<Path> walk = Files.walk(fileOrFolder)) {
            files = walk.filter(Files::isRegularFile).filter(IndicatorFeeds::looksLikeFeedFile).sorted().toList();
        } catch (IOException | RuntimeException e) {
            return List.of(failed(fileOrFolder.toString(), "cannot list the feed folder: " + e.getMessage()));
        }
        if (files.isEmpty()) {
            return List.of(failed(fileOrFolder.toString(), "the folder holds no feed files (expected names ending in "
                    + String.join(", ", FOLDER_EXTENSIONS.stream().sorted().toList()) + ")"));
        }
        List<Feed> feeds = new ArrayList<>();
        for (Path f : files) feeds.addAll(readFile(f));
        return feeds;
    }

    /** The feeds' indicators as one IOC set, each feed keeping its own list name and title. */
    public static IocSet iocSet(List<Feed> feeds) {
        IocSet all = IocSet.empty();
        for (Feed f : feeds) all = all.merge(f.iocSet());
        return all;
    }

    /**
     * Several feeds as one list named {@code name}: the first feed to give a value keeps it, and
     * each description starts with the title of the feed it came from, so that a merged list
     * still tells where each value was published.
     */
    public static Feed merge(String name, List<Feed> feeds) {
        if (feeds.size() == 1) return feeds.get(0);
        java.util.Map<String, FeedEntry> entries = new java.util.LinkedHashMap<>();
        java.util.Set<String> tags = new java.util.LinkedHashSet<>();
        List<String> sources = new ArrayList<>();
        List<IocProblem> problems = new ArrayList<>();
        for (Feed f : feeds) {
            sources.add(FeedDraft.fileName(f.source()));
            tags.addAll(f.tags());
            problems.addAll(f.problems());
            String from = f.title().replaceFirst("^Indicator from ", "");
            for (FeedEntry e : f.entries()) {
                String description = e.description().isEmpty() ? from : from + ": " + e.description();
                entries.putIfAbsent(e.type().word() + "\t" + e.value(),
                        new FeedEntry(e.type(), e.value(), description, e.reference(), e.line()));
            }
        }
        String listName = FeedDraft.listName(name);
        return new Feed(String.join(", ", sources), "merged", listName, "Indicator from feeds " + String.join(", ", sources),
                List.copyOf(tags), List.copyOf(entries.values()), problems);
    }

    /** The feeds in {@code content}, read from {@code source} (a file name, used for names and problems). */
    public static List<Feed> read(String source, byte[] content) {
        String text = FeedText.decode(content);
        if (text == null) {
            return List.of(failed(source, "not a text file (it holds zero bytes and is no UTF-16 text);"
                    + " expected a STIX or MISP JSON file, a CSV, a CHIRP YAML file or a list"));
        }
        if (text.startsWith("\uFEFF")) text = text.substring(1);
        String head = text.stripLeading();
        if (head.startsWith("{") || head.startsWith("[")) return readJson(source, text);
        if (ChirpFeedReader.recognises(text)) return List.of(ChirpFeedReader.read(source, text));
        if (OwnListReader.recognises(text)) return List.of(OwnListReader.read(source, text));
        if (CsvFeedReader.recognises(text)) return List.of(CsvFeedReader.read(source, text));
        return List.of(PlainListReader.read(source, text, "plain list"));
    }

    private static List<Feed> readFile(Path file) {
        try {
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                return List.of(failed(file.toString(), "feed is " + size + " bytes, more than the "
                        + MAX_BYTES / (1024 * 1024) + " MB a feed may have"));
            }
            return read(file.toString(), Files.readAllBytes(file));
        } catch (IOException | RuntimeException e) {
            return List.of(failed(file.toString(), "cannot read the feed: " + e));
        }
    }

    private static List<Feed> readJson(String source, String text) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            int line = at == null ? 0 : Math.max(0, at.getLineNr());
            String place = at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
            return List.of(failed(source, line, "not valid JSON" + place + ": " + e.getOriginalMessage()
                    + "; expected a STIX 2.1 bundle or a MISP event"));
        } catch (RuntimeException e) {
            return List.of(failed(source, "cannot read the JSON: " + e.getMessage()));
        }
        if (root == null) return List.of(failed(source, "the JSON document is empty"));
        if (MispFeedReader.recognises(root)) return MispFeedReader.read(source, root);
        if (StixFeedReader.recognises(root)) return List.of(StixFeedReader.read(source, root));
        return List.of(failed(source, "JSON document is neither a STIX 2.1 bundle ({\"type\": \"bundle\", \"objects\": [...]})"
                + " nor a MISP event ({\"Event\": {...}})"));
    }

    private static boolean looksLikeFeedFile(Path p) {
        String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        return !name.startsWith(".") && dot > 0 && FOLDER_EXTENSIONS.contains(name.substring(dot + 1));
    }

    static Feed failed(String source, String reason) {
        return failed(source, 0, reason);
    }

    static Feed failed(String source, int line, String reason) {
        return new Feed(source, "unknown", FeedDraft.listName(FeedDraft.fileName(source)), "Indicator from feed "
                + FeedDraft.fileName(source), List.of(), List.of(), List.of(new IocProblem(source, line, reason)));
    }
}
