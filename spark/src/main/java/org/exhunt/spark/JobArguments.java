package org.exhunt.spark;

import java.util.ArrayList;
import java.util.List;

/**
 * The job's command line: {@code [--master URL] [--rules DIR]... INPUT… --out DIR}. The master is
 * optional because {@code spark-submit} sets it; the launcher passes it for local runs.
 */
record JobArguments(List<String> inputs, String out, String master, List<String> rules) {

    static final String USAGE = "usage: exhunt-spark [--master URL] [--rules DIR]... INPUT... --out DIR";

    static JobArguments parse(String[] args) {
        List<String> inputs = new ArrayList<>();
        List<String> rules = new ArrayList<>();
        String out = null;
        String master = null;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--out" -> out = value(args, ++i, a);
                case "--master" -> master = value(args, ++i, a);
                case "--rules" -> {
                    String dir = value(args, ++i, a);
                    // The setting that carries them to the executors is a comma-separated list.
                    if (dir.contains(",")) throw new IllegalArgumentException("--rules " + dir
                            + ": a rule folder name with a comma cannot be passed to the executors\n" + USAGE);
                    rules.add(dir);
                }
                case "-h", "--help" -> throw new IllegalArgumentException(USAGE);
                default -> {
                    if (a.startsWith("--")) throw new IllegalArgumentException("unknown option " + a + "\n" + USAGE);
                    inputs.add(a);
                }
            }
        }
        if (inputs.isEmpty()) throw new IllegalArgumentException("no INPUT given\n" + USAGE);
        if (out == null) throw new IllegalArgumentException("--out DIR is required\n" + USAGE);
        return new JobArguments(List.copyOf(inputs), out, master, List.copyOf(rules));
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) throw new IllegalArgumentException(option + " needs a value\n" + USAGE);
        return args[i];
    }
}
