package io.kadam.jobs.report;

import io.kadam.jobs.sql.ResultTables;
import io.kadam.jobs.sql.ResultTables.Table;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes, per sweep of a results directory, {@code <out>/report/<sweep>/} with the figures as PNG
 * files and one self-contained {@code index.html} (figures embedded, no scripts). The views
 * {@code trials}, {@code steps}, {@code evals} must be registered ({@link ResultTables#registerViews}).
 */
public final class ReportWriter {

    private ReportWriter() {}

    /**
     * @param tables the tables {@link ResultTables#writeAll} returned (or null to compute them)
     * @param sweep  only this sweep, or null for every sweep with committed trials
     * @param log    where a figure that could not be drawn is reported (the report goes on without it)
     * @return the path of each index.html written, as {@code <out>/report/<sweep>/index.html}
     */
    public static List<String> write(SparkSession spark, String out, Map<Table, Dataset<Row>> tables, String sweep,
                                     PrintStream log) {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true"); // a driver under spark-submit may not say so
        }
        CodeVersion version = CodeVersion.detect();
        Configuration conf = spark.sparkContext().hadoopConfiguration();
        List<String> written = new ArrayList<>();
        for (String name : SweepLoader.sweeps(spark)) {
            if (sweep == null || sweep.equals(name)) {
                SweepData data = SweepLoader.load(spark, name, tables);
                written.add(write(data, ReportFiles.at(out + "/report/" + name, conf), version, out, log));
            }
        }
        return written;
    }

    /** Writes one sweep's figures and page into files; returns the page's path. */
    static String write(SweepData data, ReportFiles files, CodeVersion version, String resultsDir, PrintStream log) {
        List<HtmlPage.Rendered> rendered = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (var kind : FigureFactory.KINDS) {
            try {
                kind.apply(data).ifPresent(f -> rendered.add(new HtmlPage.Rendered(f, f.png())));
            } catch (RuntimeException | LinkageError | java.awt.AWTError | InternalError e) {
                // a figure (or AWT without fonts on a bare driver) is not worth losing the rest of
                // the report, nor failing a run whose tables are written, for
                String problem = "A figure could not be drawn: " + e;
                problems.add(problem);
                log.println("kadam: warning: report of sweep '" + data.name() + "': " + problem);
            }
        }
        files.reset();
        for (HtmlPage.Rendered r : rendered) {
            files.write(r.figure().fileName(), r.png());
        }
        String html = HtmlPage.render(data, rendered, problems, version, Instant.now(), resultsDir);
        files.write("index.html", html.getBytes(StandardCharsets.UTF_8));
        return files.path("index.html");
    }
}
