package io.kadam.jobs.cli;

import io.kadam.jobs.report.ReportWriter;
import io.kadam.jobs.sql.ResultTables;
import org.apache.spark.sql.SparkSession;

import java.io.PrintStream;
import java.util.Set;

/** {@code kadam report <out>}: rebuilds and prints the tables from existing results. */
final class ReportCommand {

    static final String USAGE = """
            usage: kadam report <out> [--sweep NAME] [--master URL] [--progress]

              rebuilds out/tables/* from out/trials, out/steps and out/evals and prints them; every
              sweep is read with its own table parameters (its spec's analysis: section, recorded
              by kadam run in out/analysis)
              --progress       also show Spark's console progress bar
            """;

    private ReportCommand() {}

    static int run(String[] args, PrintStream out) {
        if (args.length < 2 || args[1].equals("help") || args[1].equals("--help")) {
            out.print(USAGE);
            return args.length < 2 ? 2 : 0;
        }
        CliArgs a = CliArgs.parse(args, 1, Set.of("sweep", "master"), Set.of("progress"));
        if (a.positionals().size() != 1) {
            throw new CliArgs.UsageException("kadam report needs exactly one results directory, got " + a.positionals());
        }
        String outDir = a.positionals().get(0);
        if (!new java.io.File(outDir, "trials").isDirectory() && !outDir.contains("://")) {
            throw new CliArgs.UsageException(outDir + " holds no results (no trials/ directory): run a sweep with --out " + outDir + " first");
        }
        SparkSession spark = Sessions.start("kadam report", a.options().get("master"), a.has("progress"));
        try {
            ResultTables.registerViews(spark, outDir);
            ResultTables.recordDerivedAnalysis(spark, outDir);
            var tables = ResultTables.writeAll(spark, outDir);
            Reports.print(tables, a.options().get("sweep"), out);
            out.println("kadam: tables written to " + outDir + "/tables");
            for (String page : ReportWriter.write(spark, outDir, tables, a.options().get("sweep"), out)) {
                out.println("kadam: report written to " + page);
            }
            return 0;
        } finally {
            spark.stop();
        }
    }
}
