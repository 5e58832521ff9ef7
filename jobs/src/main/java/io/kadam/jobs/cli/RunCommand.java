package io.kadam.jobs.cli;

import io.kadam.jobs.store.ResultLayout;
import io.kadam.jobs.store.ResultStore;
import io.kadam.jobs.report.ReportWriter;
import io.kadam.jobs.run.SweepJob;
import io.kadam.jobs.spec.SpecParser;
import io.kadam.jobs.spec.SweepExpander;
import io.kadam.jobs.spec.SweepSpec;
import io.kadam.jobs.spec.TrialSpec;
import io.kadam.jobs.sql.ResultTables;
import org.apache.spark.sql.SparkSession;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code kadam run <spec.yaml>}: validates the spec (and that its data exists) before Spark
 * starts, runs the trials that have no committed result, then builds and prints the tables.
 */
final class RunCommand {

    static final String USAGE = """
            usage: kadam run <spec.yaml> [--out DIR] [--master URL] [--rerun-failed] [--force] [--progress]

              --out DIR        results directory (Parquet tables trials/, steps/, evals/, tables/); default results
              --master URL     Spark master; default: the one spark-submit set, else local[*] (embedded)
              --rerun-failed   also run trials whose committed status is failed
              --force          run every trial again, replacing its committed result
              --progress       also show Spark's console progress bar (it draws over kadam's lines)

            A rerun of the same spec on the same --out runs only the trials without a committed result.
            The tables read each sweep with its own parameters: the spec's analysis: section (slope_step,
            n1, n2; defaults from the run length), recorded in --out/analysis.
            """;

    private RunCommand() {}

    /**
     * Where the slots' time went: training steps (forward, backward, k-Adam, metrics) against the
     * wall time times the task slots; the rest is Spark, data loading, evaluation and commits.
     */
    private static String timeAccount(SparkSession spark, String sweep, SweepJob.Summary summary, List<TrialSpec> trials) {
        String ids = trials.stream().map(t -> "'" + t.trialId() + "'").collect(java.util.stream.Collectors.joining(","));
        String where = "sweep = '" + sweep.replace("'", "''") + "' AND trial_id IN (" + ids + ")";
        double trialSeconds = spark.sql("SELECT COALESCE(SUM(seconds), 0) FROM trials WHERE " + where).first().getDouble(0);
        double stepSeconds = spark.sql("SELECT COALESCE(SUM(seconds), 0) FROM steps WHERE " + where).first().getDouble(0);
        int slots = Math.min(spark.sparkContext().defaultParallelism(), summary.ran());
        double slotSeconds = summary.seconds() * slots;
        return String.format(Locale.ROOT, "kadam: time: wall %.1f s x %d task slots = %.1f slot-s; inside trials %.1f s, of it training "
                        + "steps %.1f s; outside training steps: %.0f%% of the slot time",
                summary.seconds(), slots, slotSeconds, trialSeconds, stepSeconds, 100 * (1 - stepSeconds / slotSeconds));
    }

    static int run(String[] args, PrintStream out) throws IOException {
        if (args.length < 2 || args[1].equals("help") || args[1].equals("--help")) {
            out.print(USAGE);
            return args.length < 2 ? 2 : 0;
        }
        CliArgs a = CliArgs.parse(args, 1, Set.of("out", "master"), Set.of("rerun-failed", "force", "progress"));
        if (a.positionals().size() != 1) {
            throw new CliArgs.UsageException("kadam run needs exactly one spec file, got " + a.positionals());
        }
        Path specFile = Path.of(a.positionals().get(0));
        if (!Files.isRegularFile(specFile)) {
            throw new CliArgs.UsageException("spec file " + specFile.toAbsolutePath() + " does not exist");
        }
        SweepSpec spec = SpecParser.parse(specFile);
        List<TrialSpec> trials = SweepExpander.expand(spec);
        String outDir = a.options().getOrDefault("out", "results");
        SparkSession spark = Sessions.start("kadam " + spec.name(), a.options().get("master"), a.has("progress"));
        try {
            SweepJob.Summary summary = SweepJob.run(spark, spec.name(), SweepFingerprint.of(trials), trials, outDir,
                    new SweepJob.Options(a.has("rerun-failed"), a.has("force")), out);
            // after the run: SweepJob accepted this spec for the sweep name before anything was written
            new ResultStore(new ResultLayout(outDir), spark.sparkContext().hadoopConfiguration())
                    .recordAnalysis(spec.name(), spec.analysis());
            ResultTables.registerViews(spark, outDir);
            ResultTables.recordDerivedAnalysis(spark, outDir);
            var tables = ResultTables.writeAll(spark, outDir);
            Reports.print(tables, spec.name(), out);
            out.printf(Locale.ROOT, "kadam: sweep '%s' done in %.1f s: %d trials, %d already committed, %d run %s; tables in %s/tables%n",
                    spec.name(), summary.seconds(), summary.total(), summary.alreadyCommitted(), summary.ran(), summary.statuses(), outDir);
            if (!summary.nothingToDo() && spec.check() == null) { // check trials record no steps to account
                out.println(timeAccount(spark, spec.name(), summary, trials));
            }
            for (String page : ReportWriter.write(spark, outDir, tables, spec.name(), out)) {
                out.println("kadam: report written to " + page);
            }
            return 0;
        } finally {
            spark.stop();
        }
    }
}
