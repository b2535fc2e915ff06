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

/**
 * The hunt of {@code exhunt scan} as a Spark job over a log lake laid out {@code <root>/<server>/…}.
 * Each server's files are hunted in one task by hunt's own readers and rules (compiled once per
 * executor); the findings are written as Parquet ({@code findings.parquet}) and as the JSON lines
 * of {@code --jsonl} ({@code findings.jsonl/part-*}); only the per-server summaries come back to the
 * driver, which writes them to {@code verdicts.json}.
 */
public final class HuntJob {

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
        SparkSession spark = builder.getOrCreate();
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
     * @return the per-server summaries written to {@code verdicts.json}, largest server first
     */
    public static List<String> run(SparkSession spark, List<String> inputs, String out) {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Configuration hadoop = jsc.hadoopConfiguration();
        List<ServerFiles> servers = LakeListing.list(inputs, hadoop);
        SerializableConfiguration conf = new SerializableConfiguration(hadoop);
        String version = version();
        // One partition per server: a server's files are judged together, like a scan of its folder.
        JavaRDD<ServerResult> results = jsc.parallelize(servers, Math.max(1, servers.size()))
                .map(s -> ServerHunt.run(s, conf.value(), version))
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
