package org.exhunt.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ForkJoinPool;
import org.exhunt.evtx.EvtxProblem;
import org.exhunt.evtx.EvtxReader;
import org.exhunt.evtx.EvtxRecord;
import org.exhunt.evtx.EvtxSummary;
import org.exhunt.evtx.RecordSink;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "evtx", mixinStandardHelpOptions = true,
        description = "Reads Windows event log files (EVTX).",
        subcommands = {EvtxCommand.Dump.class})
final class EvtxCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "missing subcommand: dump");
    }

    enum Format { xml, json, jsonl }

    @Command(name = "dump", mixinStandardHelpOptions = true,
            description = {"Prints every record of each file in file order: as XML (the layout of evtxexport),",
                    "as JSON documents shaped as evtx_dump writes them, or as one JSON object per line.",
                    "Damage is reported on standard error with its byte offset; reading goes on."},
            footer = {"", "Exit codes: 0 every file read cleanly, 1 a file had damage (some records may be lost),",
                    "2 a file could not be read or is not an EVTX file."})
    static final class Dump implements Callable<Integer> {

        @Parameters(arity = "1..*", paramLabel = "FILE", description = "EVTX files.")
        List<Path> files;

        @Option(names = {"-f", "--format"}, defaultValue = "xml", description = "xml, json or jsonl (default: ${DEFAULT-VALUE}).")
        Format format;

        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            EvtxReader reader = EvtxReader.parallel(ForkJoinPool.commonPool());
            int exit = Main.OK;
            for (Path file : files) {
                if (!Files.isRegularFile(file)) {
                    err.println(file + ": no such file");
                    exit = Main.ERROR;
                    continue;
                }
                try {
                    EvtxSummary s = reader.read(file, new RecordSink() {
                        @Override
                        public void record(EvtxRecord r) {
                            print(out, r);
                        }

                        @Override
                        public void problem(EvtxProblem p) {
                            err.println(file + ": " + p);
                        }
                    });
                    if (!s.recognised()) {
                        err.println(file + ": not an EVTX file");
                        exit = Main.ERROR;
                    } else if (!s.clean() && exit == Main.OK) {
                        exit = Main.FINDINGS;
                    }
                } catch (IOException e) {
                    err.println(file + ": cannot be read: " + e.getMessage());
                    exit = Main.ERROR;
                }
                out.flush();
                err.flush();
            }
            return exit;
        }

        private void print(PrintWriter out, EvtxRecord r) {
            switch (format) {
                case json -> out.println(r.toJson());
                case jsonl -> out.println(r.toJsonLine());
                default -> out.println(r.toXml());
            }
        }
    }
}
