package org.exhunt.spark;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.apache.spark.util.SerializableConfiguration;
import scala.Tuple2;

/**
 * The hunt of {@code exhunt scan} as a Spark job over a log lake laid out {@code <root>/<server>/…}.
 * Each server's files are cut into slices of about {@value #DEFAULT_SLICE_BYTES} bytes (setting
 * {@value #SLICE_BYTES}; an EVTX file larger than that is cut into ranges of its 64 KiB chunks),
 * each hunted by one task with hunt's own readers and rules (compiled once per executor); the
 * outcomes of a server meet in one task that joins the ranges of each file, runs the Sigma
 * correlations over the matches of all the server's files and judges it as a scan of its folder
 * would. The findings are written as Parquet ({@code findings.parquet}) and as the JSON lines
 * of {@code --jsonl} ({@code findings.jsonl/part-*}); only the per-server summaries come back to the
 * driver, which writes them to {@code verdicts.json}.
 */
public final class HuntJob {

    /** Spark setting: the bytes of evidence one task reads (files are never cut). */
    public static final String SLICE_BYTES = "spark.exhunt.sliceBytes";
    static final long DEFAULT_SLICE_BYTES = 64L * 1024 * 1024;
    /**
     * Spark setting: rule folders to load besides the built-in pack, comma-separated (as
     * {@code exhunt scan --rules}); each executor reads them at the same path.
     */
    public static final String RULES = "spark.exhunt.rules";

    private HuntJob() {
    }

    public static void main(String[] args) {
        JobArguments arguments;
        try {
            arguments = JobArguments.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("exhunt-spark: " + e.getMessage());
            System.exit(2);
            return;
        }
        SparkSession.Builder builder = SparkSession.builder().appName("exhunt-spark");
        if (arguments.master() != null) builder.master(arguments.master());
        if (!arguments.rules().isEmpty()) builder.config(RULES, String.join(",", arguments.rules()));
        SparkSession spark = builder.getOrCreate();
        // Spark's start-up talk drowns the job's own lines; warnings and errors still show.
        spark.sparkContext().setLogLevel("WARN");
        try {
            List<String> verdicts = run(spark, arguments.inputs(), arguments.out());
            System.out.println("exhunt-spark: " + verdicts.size() + " servers judged; results in " + arguments.out());
        } finally {
            spark.stop();
        }
    }

    /**
     * Hunts {@code inputs} and writes the results under {@code out} (replacing earlier results).
     *
     * @return the per-server summaries written to {@code verdicts.json}, one JSON object each
     */
    public static List<String> run(SparkSession spark, List<String> inputs, String out) {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Configuration hadoop = jsc.hadoopConfiguration();
        List<ServerFiles> servers = LakeListing.list(inputs, hadoop);
        long sliceBytes = spark.conf().getOption(SLICE_BYTES).map(Long::parseLong).getOrElse(() -> DEFAULT_SLICE_BYTES);
        String rules = spark.conf().getOption(RULES).getOrElse(() -> "");
        List<ServerFiles.Slice> slices = new ArrayList<>();
        for (ServerFiles s : servers) slices.addAll(s.slices(sliceBytes, f -> EvtxFiles.isEvtx(f, hadoop)));
        SerializableConfiguration conf = new SerializableConfiguration(hadoop);
        String version = version();
        // Reading is spread by slice, so one huge server keeps every core busy; judging needs all of
        // a server's outcomes (findings, build clues, host names) in one place, one task per server.
        JavaRDD<ServerResult> results = jsc.parallelize(slices, Math.max(1, slices.size()))
                .mapToPair(s -> new Tuple2<>(s.server(), ServerHunt.hunt(s, conf.value(), rules)))
                .groupByKey(Math.max(1, servers.size()))
                .map(g -> ServerHunt.judge(g._1(), g._2(), version, rules))
                .persist(StorageLevel.MEMORY_AND_DISK_SER());
        try {
            Dataset<Row> findings = spark.createDataFrame(results.flatMap(r -> r.findings().iterator()),
                    FindingRows.SCHEMA);
            findings.write().mode(SaveMode.Overwrite).parquet(out + "/findings.parquet");
            findings.select("jsonl").as(Encoders.STRING()).write().mode(SaveMode.Overwrite)
                    .text(out + "/findings.jsonl");
            List<String> summaries = new ArrayList<>(results.map(ServerResult::summaryJson).collect());
            writeVerdicts(summaries, out + "/verdicts.json", hadoop);
            return summaries;
        } finally {
            results.unpersist(false);
        }
    }

    private static void writeVerdicts(List<String> summaries, String target, Configuration conf) {
        Path path = new Path(target);
        try {
            FileSystem fs = path.getFileSystem(conf);
            try (OutputStream o = fs.create(path, true)) {
                o.write(("[\n" + String.join(",\n", summaries) + "\n]\n").getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    /** The version written into the jar's manifest, as the command line reports it. */
    static String version() {
        String v = HuntJob.class.getPackage().getImplementationVersion();
        return v != null ? v : "dev";
    }
}
