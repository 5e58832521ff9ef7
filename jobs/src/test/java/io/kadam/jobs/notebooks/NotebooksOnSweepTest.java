package io.kadam.jobs.notebooks;

import io.kadam.jobs.spec.Analysis;
import com.fasterxml.jackson.databind.JsonNode;
import io.kadam.jobs.EmbeddedSparkTest;
import io.kadam.jobs.run.SweepJob;
import io.kadam.jobs.spec.DataCheck;
import io.kadam.jobs.spec.SpecParser;
import io.kadam.jobs.spec.SweepExpander;
import io.kadam.jobs.spec.TrialSpec;
import io.kadam.jobs.sql.ResultTables;
import io.kadam.jobs.store.ResultLayout;
import io.kadam.jobs.store.ResultStore;
import io.kadam.model.train.TrialStatus;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Both notebooks against REAL sweep output: tiny sweeps (generated text, a few trials of tens of steps; a tiny CNN
 * grid on Fashion-MNIST when Debian's dataset-fashion-mnist is installed) run with {@link SweepJob} into a temporary
 * directory once for the class. Every {@code %spark.sql} paragraph of the Zeppelin note runs through Spark SQL; the
 * Jupyter notebook is executed headless with nbconvert, and the tables it computes with DuckDB are compared with
 * Spark's.
 */
class NotebooksOnSweepTest extends EmbeddedSparkTest {

    private static final String CURVE = tinyCurveSpec("tiny");

    /** A check sweep (Fig. 1's replay, two seeds), for the check tables. */
    private static final String CHECK = tinyReplaySpec("tiny-replay", 20, 2);

    private static final String PRODUCT = """
            name: tiny-k
            model: {kind: gpt, layers: 1, heads: 2, dim: 16, context: 16}
            data: {dataset: generated, tokenizer: byte}
            training:
              steps: 24
              batch_size: 4
              eval_interval: 12
              eval_batches: 2
            optimizer: {weight_decay: 1.0e-4, coupling: decoupled}
            grid:
              kind: product
              k: [1, 2]
              strategy: [inverse-exp, naive]
              lr: [1.0e-3]
            """;

    private static final String CNN = """
            name: tiny-cnn
            model: {kind: cnn, stages: [4, 8], hidden: 16}
            data: {dataset: fashion-mnist}
            training:
              steps: 6
              batch_size: 16
              eval_interval: 3
              eval_batches: 2
            grid:
              kind: product
              k: [1, 2]
              strategy: [inverse-exp]
              lr: [1.0e-3, 3.0e-3]
            """;

    /**
     * Sweep "tiny" reads its tables with parameters of its own (as a spec's analysis: section sets
     * them); the others get the defaults of their length (Analysis.forSteps: tiny-k's 24 steps give 16, 24, 24).
     */
    private static final Analysis TINY = new Analysis(20, 20, 30);

    @TempDir
    static Path dir;
    private static Path results;
    private static boolean withCnn;
    private static String sweepLog = "";
    /** The tables as the note's paragraphs computed them (equal to ResultTables.compute: the same SQL). */
    private static final Map<String, List<Row>> SPARK_TABLES = new ConcurrentHashMap<>();

    @BeforeEach
    void sweepOnce() throws Exception {
        if (results == null) {
            Path out = dir.resolve("results");
            ByteArrayOutputStream log = new ByteArrayOutputStream();
            PrintStream print = new PrintStream(log, true, StandardCharsets.UTF_8);
            run("tiny", SweepExpander.expand(SpecParser.parse(CURVE, "tiny.yaml", DataCheck.NONE)), out, print, log);
            run("tiny-k", SweepExpander.expand(SpecParser.parse(PRODUCT, "tiny-k.yaml", DataCheck.NONE)), out, print, log);
            run("tiny-replay", SweepExpander.expand(SpecParser.parse(CHECK, "tiny-replay.yaml", DataCheck.NONE)), out, print, log);
            List<TrialSpec> cnn = cnnTrials();
            if (cnn != null) {
                run("tiny-cnn", cnn, out, print, log);
            }
            withCnn = cnn != null;
            // as kadam run records them: the spec's parameters for its sweep, the derived ones for the rest
            new ResultStore(new ResultLayout(out.toString()), spark().sparkContext().hadoopConfiguration()).recordAnalysis("tiny", TINY);
            ResultTables.registerViews(spark(), out.toString());
            ResultTables.recordDerivedAnalysis(spark(), out.toString());
            sweepLog = log.toString(StandardCharsets.UTF_8);
            results = out;
        }
        ResultTables.registerViews(spark(), results.toString());
    }

    private void run(String name, List<TrialSpec> trials, Path out, PrintStream log, ByteArrayOutputStream text) throws Exception {
        SweepJob.Summary summary = SweepJob.run(spark(), name, "fp-" + name, trials, out.toString(), SweepJob.Options.DEFAULT, log);
        System.err.printf(Locale.ROOT, "NotebooksOnSweepTest: sweep %s, %d trials in %.1f s%n", name, trials.size(), summary.seconds());
        // the committed trials, not summary.statuses(): those come from a Spark listener that may lag behind the job
        Map<String, TrialStatus> committed = new ResultStore(new ResultLayout(out.toString()),
                spark().sparkContext().hadoopConfiguration()).committedTrials(name);
        Assertions.assertEquals(trials.size(), committed.size(), name + ": " + summary + "\n" + text.toString(StandardCharsets.UTF_8));
        Assertions.assertTrue(committed.values().stream().allMatch(st -> st == TrialStatus.COMPLETED),
                name + ": " + committed + "\n" + text.toString(StandardCharsets.UTF_8));
    }

    /** The CNN grid, when Fashion-MNIST is where a trial looks for it (Debian's package or KADAM_DATA_DIR); else null. */
    private static List<TrialSpec> cnnTrials() {
        try {
            return SweepExpander.expand(SpecParser.parse(CNN, "tiny-cnn.yaml", DataCheck.fromEnvironment()));
        } catch (RuntimeException e) {
            System.err.println("NotebooksOnSweepTest: no Fashion-MNIST (" + e.getMessage().lines().findFirst().orElse("")
                    + "): best_accuracy is checked for its columns only");
            return null;
        }
    }

    // ---------------------------------------------------------------- Zeppelin

    private static final Map<String, List<String>> COLUMNS = Map.of(
            "slope_vs_c", List.of("sweep", "idx", "trial_id", "beta", "gamma", "c", "region", "arc_s", "status", "steps_done",
                    "slope_step", "predicted_slope", "discrete_rate", "measured_slope", "relative_error"),
            "bound_violations", List.of("sweep", "idx", "trial_id", "beta", "gamma", "c", "region", "status", "steps_checked",
                    "violations", "max_ratio"),
            "best_loss", List.of("sweep", "idx", "trial_id", "beta", "gamma", "c", "region", "arc_s", "status", "n1", "n2",
                    "best_loss_n1", "best_loss_n2"),
            "best_accuracy", List.of("sweep", "k", "strategy", "coupling", "best_accuracy", "best_lr", "best_weight_decay", "seeds"),
            "best_loss_by_k", List.of("sweep", "k", "strategy", "coupling", "best_test_loss", "best_lr", "best_weight_decay", "seeds"),
            "Sweeps", List.of("sweep", "trials", "completed", "diverged", "exceeded_bound", "failed", "k_min", "k_max", "steps",
                    "slope_step", "n1", "n2"),
            ZeppelinNote.CHECK_METRICS_TITLE, List.of("sweep", "idx", "lr", "check", "metric", "value"),
            "Chart: log max-update by step (Fig. 3a)", List.of("step", "trial", "log_max_update"),
            "Chart: test loss by step", List.of("step", "trial", "test_loss"),
            "Chart: best test loss vs C (Fig. 4b)", List.of("c", "best_test_loss", "sweep"));

    @Test
    void everySqlParagraphOfTheZeppelinNoteRunsOnSweepOutput() throws Exception {
        JsonNode note = ZeppelinNote.parse(Files.readString(NotebookPaths.zeppelinNote(), StandardCharsets.UTF_8));
        Map<String, String> values = new HashMap<>(Map.of("sweep", "tiny", "every", "5"));
        int ran = 0;
        long start = System.nanoTime();
        for (JsonNode p : note.path("paragraphs")) {
            String title = p.path("title").asText();
            String text = p.path("text").asText();
            if (!text.startsWith("%spark.sql\n")) {
                continue;
            }
            Dataset<Row> rows = spark().sql(ZeppelinNote.fillForms(ZeppelinNote.body(text), values));
            List<String> expected = COLUMNS.get(title);
            Assertions.assertNotNull(expected, "a paragraph this test does not know: " + title);
            Assertions.assertEquals(expected, Arrays.asList(rows.columns()), title);
            List<Row> collected = rows.collectAsList();
            if (!title.equals("best_accuracy") || withCnn) {
                Assertions.assertFalse(collected.isEmpty(), title + " returned no rows");
            }
            if (ZeppelinNote.tableTitles().contains(title)) {
                ResultTables.Table table = ResultTables.Table.valueOf(title.toUpperCase(Locale.ROOT));
                Assertions.assertEquals(ResultTables.sql(table), ZeppelinNote.fillForms(ZeppelinNote.body(text), values),
                        title + ": Zeppelin would run other SQL than the job");
                SPARK_TABLES.put(title, collected);
            }
            ran++;
        }
        Assertions.assertEquals(COLUMNS.size(), ran, "paragraphs run");
        System.err.printf(Locale.ROOT, "NotebooksOnSweepTest: %d %%spark.sql paragraphs ran in %.1f s%n", ran, (System.nanoTime() - start) / 1e9);
        Row slope = SPARK_TABLES.get("slope_vs_c").stream().filter(r -> r.getString(0).equals("tiny")).findFirst().orElseThrow();
        Assertions.assertFalse(slope.isNullAt(slope.fieldIndex("measured_slope")), "slope at n = " + TINY.slopeStep() + ": " + slope);
        Assertions.assertEquals(TINY.slopeStep(), slope.<Long>getAs("slope_step"), "tiny's own slope step");
        Row other = SPARK_TABLES.get("slope_vs_c").stream().filter(r -> r.getString(0).equals("tiny-k")).findFirst().orElseThrow();
        Assertions.assertEquals(16L, other.<Long>getAs("slope_step"), "tiny-k's, from its 24 steps");
    }

    // ---------------------------------------------------------------- Jupyter

    @Test
    void theJupyterNotebookRunsHeadlessAndItsDuckDbTablesEqualSparks() throws Exception {
        String python = System.getenv().getOrDefault("KADAM_PYTHON", "python3");
        String missing = missingPythonModules(python);
        Assumptions.assumeTrue(missing == null, "the Jupyter notebook test needs Python 3 with the notebooks' requirements ("
                + missing + "): pip install -r notebooks/requirements.txt");

        Path export = dir.resolve("export");
        Path executed = dir.resolve("executed");
        Path output = dir.resolve("nbconvert.log");
        ProcessBuilder pb = new ProcessBuilder(python, "-m", "nbconvert", "--to", "notebook", "--execute",
                "--ExecutePreprocessor.timeout=240", "--output-dir", executed.toString(), "--output", "kadam-results",
                NotebookPaths.jupyterNotebook().getFileName().toString())
                .directory(NotebookPaths.notebooks().toFile())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
        pb.environment().put("KADAM_RESULTS", results.toString());
        pb.environment().put("KADAM_EXPORT", export.toString());
        pb.environment().remove("KADAM_SQL_DIR"); // the default, ../jobs/src/main/resources/sql: the jobs' own files
        pb.environment().put("JUPYTER_PLATFORM_DIRS", "1");
        long start = System.nanoTime();
        Process process = pb.start();
        if (!process.waitFor(300, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            Assertions.fail("nbconvert did not finish in 300 s:\n" + tail(output));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.err.printf(Locale.ROOT, "NotebooksOnSweepTest: the Jupyter notebook ran in %.1f s%n", seconds);
        Assertions.assertEquals(0, process.exitValue(), "nbconvert failed:\n" + tail(output));

        JsonNode nb = ZeppelinNote.parse(Files.readString(executed.resolve("kadam-results.ipynb"), StandardCharsets.UTF_8));
        List<String> errors = new ArrayList<>();
        int images = 0;
        StringBuilder printed = new StringBuilder();
        for (JsonNode cell : nb.path("cells")) {
            for (JsonNode out : cell.path("outputs")) {
                String type = out.path("output_type").asText();
                if (type.equals("error")) {
                    errors.add(out.path("ename").asText() + ": " + out.path("evalue").asText());
                } else if (type.equals("stream")) {
                    out.path("text").forEach(line -> printed.append(line.asText()));
                    if (!out.path("text").isArray()) {
                        printed.append(out.path("text").asText());
                    }
                } else if (out.path("data").has("image/png")) {
                    images++;
                }
            }
        }
        Assertions.assertEquals(List.of(), errors, "error outputs in the executed notebook");
        // max-update trajectories, slope vs C, best loss vs C, best loss vs k, the check curves, and best accuracy vs k
        // with the CNN
        Assertions.assertEquals(withCnn ? 6 : 5, images, "figures in the executed notebook; it printed:\n" + printed);
        Assertions.assertTrue(printed.toString().contains("tiny: slope step 20, n1 = 20, n2 = 30"), printed.toString());
        Assertions.assertTrue(printed.toString().contains("tiny-k: slope step 16, n1 = 24, n2 = 24"), printed.toString());

        for (ResultTables.Table table : ResultTables.Table.values()) {
            Path file = export.resolve(table.fileName() + ".parquet");
            Assertions.assertTrue(Files.isRegularFile(file), file + " not exported");
            List<Row> sparkRows = SPARK_TABLES.containsKey(table.fileName()) ? SPARK_TABLES.get(table.fileName())
                    : ResultTables.compute(spark(), table).collectAsList();
            assertSameTable(table.fileName(), COLUMNS.get(table.fileName()), sparkRows, spark().read().parquet(file.toString()));
        }
        String checkMetrics = ZeppelinNote.body(ZeppelinNoteTest.paragraph(ZeppelinNote.parse(Files.readString(
                NotebookPaths.zeppelinNote(), StandardCharsets.UTF_8)), ZeppelinNote.CHECK_METRICS_TITLE).path("text").asText());
        List<Row> sparkChecks = spark().sql(checkMetrics).collectAsList();
        Assertions.assertFalse(sparkChecks.isEmpty(), "the replay sweep's metrics");
        assertSameTable("check_metrics", COLUMNS.get(ZeppelinNote.CHECK_METRICS_TITLE), sparkChecks,
                spark().read().parquet(export.resolve("check_metrics.parquet").toString()));
    }

    /** Null when python has every module the notebook and nbconvert need, else what is missing. */
    private static String missingPythonModules(String python) {
        try {
            Process p = new ProcessBuilder(python, "-c", "import importlib.util, sys; m = [n for n in sys.argv[1:] "
                    + "if importlib.util.find_spec(n) is None]; print(' '.join(m)); sys.exit(1 if m else 0)",
                    "nbconvert", "nbclient", "ipykernel", "duckdb", "pandas", "pyarrow", "matplotlib")
                    .redirectErrorStream(true).start();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return python + " did not answer in 60 s";
            }
            String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return p.exitValue() == 0 ? null : "missing: " + said;
        } catch (IOException e) {
            return "no " + python + " on the PATH";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    /** The same columns, rows and values (doubles to 1e-9 relative; NaN equals NaN, NULL only NULL). */
    private static void assertSameTable(String name, List<String> columns, List<Row> a, Dataset<Row> duck) {
        Assertions.assertEquals(columns, Arrays.asList(duck.columns()), name + ": columns");
        List<Row> b = duck.collectAsList();
        Assertions.assertEquals(a.size(), b.size(), name + ": rows\nspark:  " + a + "\nduckdb: " + b);
        for (int r = 0; r < a.size(); r++) {
            for (int c = 0; c < columns.size(); c++) {
                Object x = a.get(r).get(c);
                Object y = b.get(r).get(c);
                String where = name + " row " + r + " column " + columns.get(c) + ": spark " + x + ", duckdb " + y;
                if (x == null || y == null) {
                    Assertions.assertTrue(x == null && y == null, where);
                } else if (x instanceof Number u && y instanceof Number v) {
                    double p = u.doubleValue();
                    double q = v.doubleValue();
                    Assertions.assertTrue(Double.compare(p, q) == 0 || Math.abs(p - q) <= 1e-9 * Math.max(Math.abs(p), Math.abs(q)), where);
                } else {
                    Assertions.assertEquals(x.toString(), y.toString(), where);
                }
            }
        }
    }

    private static String tail(Path file) throws IOException {
        String text = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "(no output)";
        return (text.length() > 6000 ? "..." + text.substring(text.length() - 6000) : text) + "\nsweeps:\n" + sweepLog;
    }
}
