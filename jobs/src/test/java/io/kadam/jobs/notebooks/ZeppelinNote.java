package io.kadam.jobs.notebooks;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kadam.jobs.sql.ResultTables;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The generator of {@code notebooks/kadam-results.zpln}, the Zeppelin (0.10/0.11) note: a {@code %spark} paragraph
 * that registers the views, one {@code %spark.sql} paragraph per table holding that table's {@code .sql} file as it
 * is, and a few chart paragraphs. The table SQL has no parameters: each sweep's slope step and horizons come from the
 * {@code analysis} view (the results directory's {@code analysis} table, recorded by {@code kadam run} and
 * {@code kadam report}), so the note builds the same tables as the jobs from the same results.
 *
 * <p>Regenerate after changing a {@code .sql} file or this class:
 * {@code mvn -pl jobs test -Dtest=ZeppelinNoteTest -Dkadam.notebooks.write=true} (or run {@link #main}).
 */
public final class ZeppelinNote {

    /** Zeppelin's paragraph-form pattern ({@code org.apache.zeppelin.display.Input.VAR_PTN}). */
    static final Pattern ZEPPELIN_FORM = Pattern.compile("([_])?[$][{]([^=}]*([=][^}]*)?)[}]");

    static final String VIEWS_TITLE = "Views: trials, steps, evals, check_series, check_metrics (committed trials only), analysis";
    private static final String SQL = "%spark.sql\n";
    private static final String DATE = "2026-11-23 00:00:00.000";
    private static final ObjectMapper JSON = new ObjectMapper();

    private ZeppelinNote() {}

    /**
     * What Zeppelin runs for a paragraph of simple forms ({@code Input.getSimpleQuery}): each {@code ${name=default}}
     * replaced by {@code values.get(name)}, else its default (a form without one: empty).
     */
    static String fillForms(String text, Map<String, String> values) {
        Matcher m = ZEPPELIN_FORM.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String body = m.group(2);
            int eq = body.indexOf('=');
            String name = (eq > 0 ? body.substring(0, eq) : body).trim();
            String value = values.containsKey(name) ? values.get(name) : eq > 0 ? body.substring(eq + 1) : "";
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        return m.appendTail(out).toString();
    }

    /** The body of a paragraph's text after its interpreter line. */
    static String body(String paragraphText) {
        int nl = paragraphText.indexOf('\n');
        return nl < 0 ? "" : paragraphText.substring(nl + 1);
    }

    /** The note, as written to notebooks/kadam-results.zpln. */
    static String render() {
        try {
            DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                    .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                    .withArrayIndenter(new DefaultIndenter("  ", "\n"));
            return JSON.writer(printer).writeValueAsString(build()) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ObjectNode build() {
        ObjectNode note = JSON.createObjectNode();
        ArrayNode paragraphs = note.putArray("paragraphs");
        paragraphs.add(paragraph(0, "About", INTRO, "markdown", "ace/mode/markdown", table(), true));
        paragraphs.add(paragraph(1, VIEWS_TITLE, VIEWS, "scala", "ace/mode/scala", table(), false));
        paragraphs.add(paragraph(2, "Sweeps", SQL + SWEEPS, "sql", "ace/mode/sql", table(), false));
        int i = 3;
        for (ResultTables.Table t : ResultTables.Table.values()) {
            String name = t.fileName();
            paragraphs.add(paragraph(i++, name, SQL + NotebookPaths.sql(name), "sql", "ace/mode/sql", table(), false));
        }
        paragraphs.add(paragraph(i++, CHECK_METRICS_TITLE, SQL + CHECK_METRICS, "sql", "ace/mode/sql", table(), false));
        paragraphs.add(paragraph(i++, "Chart: log max-update by step (Fig. 3a)", SQL + MAX_UPDATE_CHART, "sql", "ace/mode/sql",
                chart("lineChart", "step", "trial", "log_max_update"), false));
        paragraphs.add(paragraph(i++, "Chart: test loss by step", SQL + TEST_LOSS_CHART, "sql", "ace/mode/sql",
                chart("lineChart", "step", "trial", "test_loss"), false));
        paragraphs.add(paragraph(i, "Chart: best test loss vs C (Fig. 4b)", SQL + BEST_LOSS_CHART, "sql", "ace/mode/sql",
                scatter("c", "best_test_loss", "sweep"), false));
        note.put("name", "kadam results");
        note.put("id", "2KADAMRES");
        note.put("defaultInterpreterGroup", "spark");
        note.put("version", "0.10.1");
        note.putObject("noteParams");
        note.putObject("noteForms");
        note.putObject("angularObjects");
        note.putObject("config").put("isZeppelinNotebookCronEnable", false);
        note.putObject("info");
        return note;
    }

    private static ObjectNode paragraph(int index, String title, String text, String language, String mode,
                                        ObjectNode graph, boolean hideEditor) {
        ObjectNode p = JSON.createObjectNode();
        String id = String.format(Locale.ROOT, "paragraph_kadam_%02d", index);
        p.put("title", title);
        p.put("text", text);
        p.put("user", "anonymous");
        p.put("dateUpdated", DATE);
        p.put("progress", 0);
        ObjectNode config = p.putObject("config");
        ObjectNode editor = config.putObject("editorSetting");
        editor.put("language", language);
        editor.put("editOnDblClick", language.equals("markdown"));
        editor.put("completionSupport", !language.equals("markdown"));
        config.put("colWidth", 12.0);
        config.put("editorMode", mode);
        config.put("fontSize", 9.0);
        config.put("title", true);
        config.put("editorHide", hideEditor);
        config.put("tableHide", false);
        config.put("enabled", true);
        ObjectNode result = config.putObject("results").putObject("0");
        result.set("graph", graph);
        result.putObject("helium");
        ObjectNode settings = p.putObject("settings");
        settings.putObject("params");
        settings.putObject("forms");
        p.putArray("apps");
        p.putObject("runtimeInfos");
        p.put("progressUpdateIntervalMs", 500);
        p.put("jobName", id);
        p.put("id", id);
        p.put("dateCreated", DATE);
        p.put("status", "READY");
        return p;
    }

    private static ObjectNode graph(String mode) {
        ObjectNode g = JSON.createObjectNode();
        g.put("mode", mode);
        g.put("height", 300.0);
        g.put("optionOpen", false);
        return g;
    }

    private static ObjectNode table() {
        return graph("table");
    }

    private static ObjectNode column(String name, int index) {
        ObjectNode c = JSON.createObjectNode();
        c.put("name", name);
        c.put("index", (double) index);
        c.put("aggr", "sum");
        return c;
    }

    private static ObjectNode chart(String mode, String key, String group, String value) {
        ObjectNode g = graph(mode);
        ObjectNode line = g.putObject("setting").putObject(mode);
        line.put("forceY", false);
        line.put("lineWithFocus", true);
        line.putObject("rotate").put("degree", "-45");
        line.put("xLabelStatus", "default");
        g.putObject("commonSetting");
        g.putArray("keys").add(column(key, 0));
        g.putArray("groups").add(column(group, 1));
        g.putArray("values").add(column(value, 2));
        return g;
    }

    private static ObjectNode scatter(String x, String y, String group) {
        ObjectNode g = graph("scatterChart");
        ObjectNode s = g.putObject("setting").putObject("scatterChart");
        s.set("xAxis", column(x, 0));
        s.set("yAxis", column(y, 1));
        s.set("group", column(group, 2));
        g.putObject("commonSetting");
        g.putArray("keys");
        g.putArray("groups");
        g.putArray("values");
        return g;
    }

    /** The table paragraphs' titles: the tables' file names, in ResultTables.Table order. */
    static List<String> tableTitles() {
        return java.util.Arrays.stream(ResultTables.Table.values()).map(ResultTables.Table::fileName).toList();
    }

    static JsonNode parse(String json) throws IOException {
        return JSON.readTree(json);
    }

    /** Writes the note (run from the repository root or the jobs module). */
    public static void main(String[] args) throws IOException {
        Files.writeString(NotebookPaths.zeppelinNote(), render(), StandardCharsets.UTF_8);
        System.out.println("wrote " + NotebookPaths.zeppelinNote());
    }

    // %md paragraphs take simple forms too: no "${" may appear in the text, so the markdown writes &#36; for "$".
    private static final String INTRO = """
            %md
            ## kadam results: the paper's tables on Spark

            1. Set **results** in the next paragraph to the sweep's output directory (`--out` of `kadam run`; any Hadoop URI:
               `hdfs:///kadam/results`, `s3a://bucket/kadam/results`, `file:///data/kadam/results`) and run it: it registers the
               views `trials`, `steps`, `evals`, `check_series`, `check_metrics` (committed trials only: semi-joined to trials)
               and `analysis`.
            2. Run the table paragraphs. Their SQL is exactly `jobs/src/main/resources/sql/<table>.sql`, which `kadam run` and
               `kadam report` also run. Each sweep is read with its own parameters from the view `analysis`: the step where
               `slope_vs_c` measures the slope (slope_step, from n ± 5) and `best_loss`'s horizons n1 and n2, set by the
               sweep's spec (`analysis:`; defaults from its run length) and recorded in the results by `kadam run`. The
               **Sweeps** paragraph shows them.
            3. The chart paragraphs plot one sweep (form **sweep**); the table paragraphs can be switched to charts too
               (`slope_vs_c`: a scatter of `measured_slope` and `predicted_slope` against `c` is Fig. 3b).

            This note is generated by `jobs/src/test/java/io/kadam/jobs/notebooks/ZeppelinNote.java`, and a test fails when
            its SQL drifts from the `.sql` files: edit the generator, not the note, and regenerate with
            `mvn -pl jobs test -Dtest=ZeppelinNoteTest -Dkadam.notebooks.write=true`.""";

    private static final String VIEWS = """
            %spark
            // The sweep's results directory: any Hadoop URI (hdfs:///kadam/results, s3a://bucket/kadam/results, file:///...).
            val results = z.textbox("results", "hdfs:///kadam/results").toString.trim.stripSuffix("/")

            // A trial counts as committed iff its trials file exists (steps and evals files are moved into place before it),
            // so steps and evals are semi-joined to trials: the remains of an attempt that died mid-commit are never read.
            val trials = spark.read.parquet(results + "/trials")
            trials.createOrReplaceTempView("trials")
            for (table <- Seq("steps", "evals")) {
              spark.read.parquet(results + "/" + table)
                .join(trials.select("sweep", "trial_id"), Seq("sweep", "trial_id"), "left_semi")
                .createOrReplaceTempView(table)
            }
            // The continuous-time checks' tables, written by check sweeps only: empty views without them.
            val fs = new org.apache.hadoop.fs.Path(results).getFileSystem(spark.sparkContext.hadoopConfiguration)
            for ((table, columns) <- Seq(
                "check_series" -> "trial_id STRING, check STRING, series STRING, subject STRING, iteration BIGINT, value DOUBLE, sweep STRING",
                "check_metrics" -> "trial_id STRING, check STRING, metric STRING, value DOUBLE, sweep STRING")) {
              val rows = if (fs.exists(new org.apache.hadoop.fs.Path(results + "/" + table))) {
                spark.read.parquet(results + "/" + table).join(trials.select("sweep", "trial_id"), Seq("sweep", "trial_id"), "left_semi")
              } else spark.createDataFrame(java.util.Collections.emptyList[org.apache.spark.sql.Row](),
                org.apache.spark.sql.types.StructType.fromDDL(columns))
              rows.createOrReplaceTempView(table)
            }
            // Each sweep's table parameters (slope_step, n1, n2), recorded by kadam run and kadam report.
            val analysis = try spark.read.parquet(results + "/analysis") catch {
              case e: org.apache.spark.sql.AnalysisException => throw new IllegalStateException(results + " has no analysis"
                + " table (results of an older kadam): run `kadam report " + results + "` once to record it", e)
            }
            analysis.createOrReplaceTempView("analysis")
            val committed = trials.count()
            println("views trials, steps, evals, check_series, check_metrics, analysis over " + results + ": " + committed + " committed trials")""";

    private static final String SWEEPS = """
            -- What the results hold: trials per sweep and status, the longest run, and the table parameters.
            SELECT t.sweep,
                   COUNT(*) AS trials,
                   SUM(CASE WHEN status = 'completed' THEN 1 ELSE 0 END) AS completed,
                   SUM(CASE WHEN status = 'diverged' THEN 1 ELSE 0 END) AS diverged,
                   SUM(CASE WHEN status = 'exceeded_bound' THEN 1 ELSE 0 END) AS exceeded_bound,
                   SUM(CASE WHEN status = 'failed' THEN 1 ELSE 0 END) AS failed,
                   MIN(k) AS k_min,
                   MAX(k) AS k_max,
                   MAX(steps_planned) AS steps,
                   FIRST(a.slope_step) AS slope_step,
                   FIRST(a.n1) AS n1,
                   FIRST(a.n2) AS n2
            FROM trials t
            LEFT JOIN analysis a ON a.sweep = t.sweep
            GROUP BY t.sweep
            ORDER BY t.sweep""";

    static final String CHECK_METRICS_TITLE = "Check metrics (Figs. 1, 5, 8, 9)";

    private static final String CHECK_METRICS = """
            -- The continuous-time checks' headline numbers, per check trial (check sweeps only; see the README's checks).
            SELECT m.sweep, t.idx, t.lr, m.check, m.metric, m.value
            FROM check_metrics m
            JOIN trials t ON m.sweep = t.sweep AND m.trial_id = t.trial_id
            ORDER BY m.sweep, t.idx, m.metric""";

    private static final String MAX_UPDATE_CHART = """
            -- log of the max-update of every Adam trial (k = 1) of one sweep, every few steps (forms: sweep, every).
            -- Zeppelin's line chart has no log axis, hence LN: in B- the lines rise with slope |C|/2.
            SELECT s.step,
                   CONCAT(LPAD(CAST(t.idx AS STRING), 3, '0'), ' C=', FORMAT_NUMBER(t.c, 4), ' ', t.region) AS trial,
                   LN(s.max_update) AS log_max_update
            FROM steps s
            JOIN trials t ON s.sweep = t.sweep AND s.trial_id = t.trial_id
            WHERE t.sweep = '${sweep=quickstart}' AND t.k = 1 AND s.step % ${every=10} = 0
            ORDER BY s.step, trial""";

    private static final String TEST_LOSS_CHART = """
            -- Test loss of every trial of one sweep at each evaluation (form: sweep); diverged evaluations (NaN) left out.
            SELECT e.step,
                   CONCAT(LPAD(CAST(t.idx AS STRING), 3, '0'), ' k=', CAST(t.k AS STRING), ' ', t.strategy, ' C=', FORMAT_NUMBER(t.c, 4)) AS trial,
                   e.test_loss
            FROM evals e
            JOIN trials t ON e.sweep = t.sweep AND e.trial_id = t.trial_id
            WHERE t.sweep = '${sweep=quickstart}' AND NOT isnan(e.test_loss)
            ORDER BY e.step, trial""";

    private static final String BEST_LOSS_CHART = """
            -- Each Adam trial's best test loss over the whole run against C, all sweeps (best_loss has it within n1 and n2).
            SELECT t.c, t.best_test_loss, t.sweep
            FROM trials t
            WHERE t.k = 1 AND NOT isnan(t.best_test_loss) AND NOT isnan(t.c)
            ORDER BY t.sweep, t.c""";
}
