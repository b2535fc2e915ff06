package org.exhunt.hunt.quarantine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Takes the files a scan report names as web shells or dropped tools into a quarantine folder:
 * verified, content-addressed copies ({@code DIR/files/<sha256>}) listed in a chain-of-custody
 * manifest ({@code DIR/manifest.json}); with {@link Options#remove()} the originals are deleted,
 * each only once its copy is verified and durably listed, and only if it has not changed since.
 * Every step is journaled ({@code DIR/journal}) so a run killed at any point leaves every file
 * either in place or verified in the quarantine; the next run repairs and resumes. Running it
 * again over the same report does nothing new. docs/quarantine.md tells the whole story.
 *
 * <pre>
 * Outcome o = Quarantine.run(Path.of("report.json"), Path.of("/srv/quarantine/exch01"),
 *         Quarantine.Options.defaults().withRemove(true));
 * </pre>
 */
public final class Quarantine {

    /**
     * How to run: {@code remove} deletes the originals after verification; {@code dryRun} only
     * says what would be taken and writes nothing; {@code base} is the folder the report's relative
     * paths are taken from (where the scan ran); {@code toolVersion} goes into the manifest;
     * {@code listener} hears each file's step as it is done.
     */
    public record Options(boolean remove, boolean dryRun, Path base, String toolVersion, Consumer<Step> listener) {

        public Options {
            base = base == null ? Path.of("").toAbsolutePath() : base.toAbsolutePath();
            toolVersion = toolVersion == null ? "dev" : toolVersion;
            listener = listener == null ? s -> { } : listener;
        }

        public static Options defaults() {
            return new Options(false, false, null, null, null);
        }

        public Options withRemove(boolean on) {
            return new Options(on, dryRun, base, toolVersion, listener);
        }

        public Options withDryRun(boolean on) {
            return new Options(remove, on, base, toolVersion, listener);
        }

        public Options withBase(Path folder) {
            return new Options(remove, dryRun, folder, toolVersion, listener);
        }

        public Options withToolVersion(String version) {
            return new Options(remove, dryRun, base, version, listener);
        }

        public Options withListener(Consumer<Step> l) {
            return new Options(remove, dryRun, base, toolVersion, l);
        }
    }

    private Quarantine() {
    }

    /**
     * Quarantines what {@code report} names into {@code dir} (created when missing).
     *
     * @throws QuarantineException when the report cannot be read, the folder is inside the
     *     evidence or in use by another run, or the journal or manifest cannot be written
     */
    public static Outcome run(Path report, Path dir, Options options) throws QuarantineException {
        return run(report, dir, options, p -> { });
    }

    /** As above; {@code beforeRemoving} sees each original just before it is checked and deleted (tests change it there). */
    static Outcome run(Path report, Path dir, Options options, Consumer<Path> beforeRemoving) throws QuarantineException {
        ReportFiles.Selection sel = ReportFiles.read(report, options.base());
        List<Step> steps = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        if (sel.targets().isEmpty()) {
            notes.add("the report names no web shell or dropped tool (no yara or ioc finding on a file itself,"
                    + " no finding with a TargetFilename): nothing to quarantine");
            return new Outcome(steps, notes);
        }
        Path qdir = dir.toAbsolutePath().normalize();
        Places.refuseInsideEvidence(qdir, sel);
        Consumer<Step> record = s -> {
            steps.add(s);
            options.listener().accept(s);
        };
        if (options.dryRun()) {
            preview(sel, qdir, options, record);
            return new Outcome(steps, notes);
        }
        try {
            Files.createDirectories(qdir.resolve("files"));
        } catch (IOException e) {
            throw new QuarantineException("cannot create the quarantine folder " + qdir + ": " + e, e);
        }
        try (DirLock lock = DirLock.acquire(qdir)) {
            JournalReader.Contents before = Journal.readExisting(qdir);
            Manifest manifest = Manifest.load(qdir);
            try (Journal journal = Journal.open(qdir)) {
                notes.addAll(Recovery.recover(qdir, before, manifest, journal));
                new Taking(qdir, manifest, journal, options, record, beforeRemoving).all(sel, report.toAbsolutePath().normalize());
            }
        } catch (IOException e) {
            throw new QuarantineException("quarantine into " + qdir + " stopped: " + e.getMessage()
                    + " (nothing is lost; run it again once the cause is fixed, it resumes where it stopped)", e);
        }
        return new Outcome(steps, notes);
    }

    private static void preview(ReportFiles.Selection sel, Path qdir, Options options, Consumer<Step> record)
            throws QuarantineException {
        Manifest manifest;
        try {
            manifest = Files.exists(qdir.resolve(Manifest.FILE_NAME)) ? Manifest.load(qdir) : new Manifest();
        } catch (IOException e) {
            throw new QuarantineException(e.getMessage(), e);
        }
        for (ReportFiles.Target t : sel.targets()) {
            String problem = Taking.whyNot(t, qdir);
            if (problem == null && !Files.exists(t.path(), LinkOption.NOFOLLOW_LINKS)) {
                problem = manifest.forPath(t.path().toString()).isEmpty()
                        ? Taking.notFound(t, options.base()) : null;
                if (problem == null) {
                    record.accept(new Step(t.reported(), Action.ALREADY, "in the quarantine; the original is no longer at its path"));
                    continue;
                }
            }
            if (problem == null && !Files.isRegularFile(t.path(), LinkOption.NOFOLLOW_LINKS)) {
                problem = "not a regular file (a folder or a device)";
            }
            if (problem != null) {
                record.accept(new Step(t.reported(), Action.SKIPPED, problem));
                continue;
            }
            long size;
            try {
                size = Files.size(t.path());
            } catch (IOException e) {
                size = -1;
            }
            record.accept(new Step(t.reported(), Action.WOULD_TAKE, size + " bytes, named by "
                    + Taking.findingsText(t.findings()) + (options.remove() ? "; the original would be removed" : "")));
        }
    }
}
