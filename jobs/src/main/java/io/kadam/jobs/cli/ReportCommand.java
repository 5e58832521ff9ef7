package io.kadam.jobs.cli;

import io.kadam.jobs.report.ReportWriter;
import io.kadam.jobs.sql.ResultTables;
import org.apache.spark.sql.SparkSession;

import java.io.PrintStream;
import java.util.Set;

/** {@code kadam report <out>}: rebuilds and prints the tables from existing results. */
final class ReportCommand {

    static final String USAGE = """
            usage: kadam report <out> [--sweep NAME] [--slope-step N] [--n1 N] [--n2 N] [--master URL] [--progress]

              rebuilds out/tables/* from out/trials, out/steps and out/evals and prints them
              --slope-step N   step of the slope in slope_vs_c (default 1000)
              --n1, --n2       best_loss horizons in iterations (default 1000, 3000)
              --progress       also show Spark's console progress bar
            """;

    private ReportCommand() {}

    static int run(String[] args, PrintStream out) {
        if (args.length < 2 || args[1].equals("help") || args[1].equals("--help")) {
            out.print(USAGE);
            return args.length < 2 ? 2 : 0;
        }
        CliArgs a = CliArgs.parse(args, 1, Set.of("sweep", "slope-step", "n1", "n2", "master"), Set.of("progress"));
        if (a.positionals().size() != 1) {
            throw new CliArgs.UsageException("kadam report needs exactly one results directory, got " + a.positionals());
        }
        String outDir = a.positionals().get(0);
        if (!new java.io.File(outDir, "trials").isDirectory() && !outDir.contains("://")) {
            throw new CliArgs.UsageException(outDir + " holds no results (no trials/ directory): run a sweep with --out " + outDir + " first");
        }
        ResultTables.Params params = new ResultTables.Params(a.integer("slope-step", 1000), a.integer("n1", 1000), a.integer("n2", 3000));
        SparkSession spark = Sessions.start("kadam report", a.options().get("master"), a.has("progress"));
        try {
            ResultTables.registerViews(spark, outDir);
            var tables = ResultTables.writeAll(spark, outDir, params);
            Reports.print(tables, a.options().get("sweep"), params, out);
            out.println("kadam: tables written to " + outDir + "/tables");
            for (String page : ReportWriter.write(spark, outDir, tables, a.options().get("sweep"), params, out)) {
                out.println("kadam: report written to " + page);
            }
            return 0;
        } finally {
            spark.stop();
        }
    }
}
