package io.kadam.jobs.report;

import io.kadam.jobs.spec.Analysis;
import io.kadam.jobs.store.ResultLayout;
import io.kadam.jobs.store.ResultStore;
import io.kadam.jobs.EmbeddedSparkTest;
import io.kadam.jobs.run.SweepJob;
import io.kadam.jobs.spec.DataCheck;
import io.kadam.jobs.spec.SpecParser;
import io.kadam.jobs.spec.SweepExpander;
import io.kadam.jobs.spec.TrialSpec;
import io.kadam.jobs.sql.ResultTables;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Real sweeps on an embedded Spark (a normal-curve section with evaluations, a k-Adam product grid,
 * and a B0 sweep whose evaluations are removed), then the report: its files, figures and page.
 */
class ReportWriterTest extends EmbeddedSparkTest {

    private static final String MODEL = """
            model: {kind: gpt, layers: 1, heads: 2, dim: 16, context: 16}
            data: {dataset: generated, tokenizer: byte}
            """;

    private static final String CURVE = tinyCurveSpec("tiny-curve");

    private static final String PRODUCT = "name: tiny-grid\n" + MODEL + """
            training:
              steps: 20
              batch_size: 4
              eval_interval: 10
              eval_batches: 2
              schedule: {kind: constant}
            grid:
              kind: product
              k: [1, 2]
              strategy: [inverse-exp, naive]
              lr: [1.0e-4, 1.0e-3]
            """;

    private static final String B0 = "name: tiny-b0\n" + MODEL + """
            training:
              steps: 30
              batch_size: 4
              eval_batches: 2
              schedule: {kind: constant, lr: 1.0e-3}
            grid:
              kind: b0
              points: 2
              beta_range: [0.9, 0.999]
            """;

    private static final Analysis PARAMS = new Analysis(30, 20, 40);

    @TempDir
    static Path dir;
    private static Path out;
    private static List<String> pages;
    private static final ByteArrayOutputStream LOG = new ByteArrayOutputStream();

    @BeforeEach
    void start() throws Exception {
        if (pages == null) {
            out = dir.resolve("results");
            PrintStream log = new PrintStream(LOG, true, StandardCharsets.UTF_8);
            for (String spec : List.of(CURVE, PRODUCT, B0)) {
                List<TrialSpec> trials = SweepExpander.expand(SpecParser.parse(spec, "test.yaml", DataCheck.NONE));
                SweepJob.run(spark(), trials.get(0).sweep(), "fp-" + trials.get(0).sweep(), trials, out.toString(),
                        SweepJob.Options.DEFAULT, log);
                new ResultStore(new ResultLayout(out.toString()), spark().sparkContext().hadoopConfiguration())
                        .recordAnalysis(trials.get(0).sweep(), PARAMS);
            }
            deleteTree(out.resolve("evals/sweep=tiny-b0")); // a sweep without evaluations
            ResultTables.registerViews(spark(), out.toString());
            Map<ResultTables.Table, Dataset<Row>> tables = ResultTables.writeAll(spark(), out.toString());
            pages = ReportWriter.write(spark(), out.toString(), tables, null, log);
        }
    }

    /** What the page reports once loaded: its figures (and which failed to draw) and its tables. */
    private static final String RENDERED = """
            new Promise(resolve => {
              const report = () => resolve(JSON.stringify({
                images: document.images.length,
                broken: [...document.images].filter(i => !(i.complete && i.naturalWidth > 0)).map(i => i.alt || i.src.slice(0, 40)),
                tables: document.querySelectorAll('table').length,
                title: document.title}));
              if (document.readyState === 'complete') report(); else window.addEventListener('load', report);
            })""";

    /** Each page as a person's browser shows it: every figure decodes and draws, the tables are there. */
    @Test
    void pagesRenderInHeadlessChromium() throws Exception {
        java.util.Optional<Path> chromium = HeadlessChromium.find();
        org.junit.jupiter.api.Assumptions.assumeTrue(chromium.isPresent(),
                "Debian's chromium is not installed (.ci/run installs it with apt-get): the pages were not opened in a browser");
        try (HeadlessChromium browser = HeadlessChromium.start(chromium.get(), dir.resolve("chromium-profile"))) {
            // the check itself: a figure whose PNG does not decode counts as broken
            Path bad = dir.resolve("broken.html");
            Files.writeString(bad, "<html><body><img alt=\"bad\" src=\"data:image/png;base64,AAAA\"><table></table></body></html>");
            var broken = new com.fasterxml.jackson.databind.ObjectMapper().readTree(browser.evaluate(bad.toUri().toString(), RENDERED).asText());
            Assertions.assertEquals("bad", broken.path("broken").path(0).asText(), "a broken figure must be seen: " + broken);
            for (String page : pages) {
                var seen = new com.fasterxml.jackson.databind.ObjectMapper()
                        .readTree(browser.evaluate(Path.of(page).toUri().toString(), RENDERED).asText());
                Assertions.assertTrue(seen.path("images").asInt() > 0, page + ": no figure: " + seen);
                Assertions.assertEquals(0, seen.path("broken").size(), page + ": figures that did not draw: " + seen);
                Assertions.assertTrue(seen.path("tables").asInt() >= 2, page + ": the meta table and a result table: " + seen);
            }
        }
    }

    @Test
    void writesOnePagePerSweepAndNoWarnings() {
        Assertions.assertEquals(List.of("tiny-b0", "tiny-curve", "tiny-grid").stream()
                .map(s -> out + "/report/" + s + "/index.html").toList(), pages);
        Assertions.assertFalse(LOG.toString(StandardCharsets.UTF_8).contains("warning"), LOG.toString(StandardCharsets.UTF_8));
    }

    @Test
    void curveSweepHasThePlaneTrajectorySlopeAndLossFigures() throws IOException {
        Path report = out.resolve("report/tiny-curve");
        assertFigures(report, Set.of("plane.png", "max_update.png", "slope_vs_c.png", "test_loss.png", "best_loss.png"));
        String html = Files.readString(report.resolve("index.html"));
        Assertions.assertTrue(html.contains("<code>tiny-curve</code>"), "sweep name");
        Assertions.assertTrue(html.contains("<th>trials</th><td>4: completed 4</td>"), "trials by status");
        Assertions.assertTrue(html.contains("<th>code</th><td>kadam "), "code version");
        Assertions.assertTrue(html.contains("<th>made</th><td>20"), "when it was made");
        Assertions.assertTrue(html.contains("slope_vs_c: slope of log max-update at n = 30"), "the slope table");
        Assertions.assertEquals(1 + 4, rowsOf(html, "slope_vs_c"), "header and one row per trial");
        Assertions.assertEquals(1 + 4, rowsOf(html, "best_loss"), "header and one row per trial");
        ResultTables.registerViews(spark(), out.toString());
        for (Row r : spark().sql("SELECT beta, gamma FROM trials WHERE sweep = 'tiny-curve'").collectAsList()) {
            Assertions.assertTrue(html.contains("<td class=\"num\">" + Fmt.cell(r.getDouble(0)) + "</td>"), "beta " + r.getDouble(0));
            Assertions.assertTrue(html.contains("<td class=\"num\">" + Fmt.cell(r.getDouble(1)) + "</td>"), "gamma " + r.getDouble(1));
        }
        Assertions.assertFalse(html.contains("best_accuracy"), "no product tables for a curve sweep");
    }

    @Test
    void productSweepHasTheByKFigureAndTablesOnly() throws IOException {
        Path report = out.resolve("report/tiny-grid");
        // language model: no accuracy, so best_accuracy is empty and only the loss-vs-k figure is drawn
        assertFigures(report, Set.of("best_loss_vs_k.png"));
        String html = Files.readString(report.resolve("index.html"));
        Assertions.assertTrue(html.contains("<code>tiny-grid</code>"));
        Assertions.assertTrue(html.contains("<th>trials</th><td>6: completed 6</td>"), "trials by status: k = 1 once, as Adam");
        Assertions.assertEquals(1 + 2 * 2, rowsOf(html, "best_loss_by_k"), "header and one row per k x strategy, the Adam trial under both");
        Assertions.assertTrue(html.contains("<td>inverse-exp</td>") && html.contains("<td>naive</td>"));
        Assertions.assertFalse(html.contains("slope_vs_c:"), "no curve tables for a product sweep");
    }

    @Test
    void b0SweepWithoutEvalsSkipsTheLossFigures() throws IOException {
        Path report = out.resolve("report/tiny-b0");
        assertFigures(report, Set.of("plane.png", "b0_max_update.png"));
        String html = Files.readString(report.resolve("index.html"));
        Assertions.assertTrue(html.contains("Adam at points on B0 (C = 0)"));
        Assertions.assertFalse(html.contains("best_loss:"), "no best_loss table without evaluations");
    }

    @Test
    void aSecondReportReplacesTheFirst() throws IOException {
        Path stale = out.resolve("report/tiny-b0/test_loss.png");
        Files.write(stale, new byte[]{1, 2, 3});
        ResultTables.registerViews(spark(), out.toString());
        List<String> again = ReportWriter.write(spark(), out.toString(), null, "tiny-b0",
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        Assertions.assertEquals(List.of(out + "/report/tiny-b0/index.html"), again);
        Assertions.assertFalse(Files.exists(stale), "a figure the sweep no longer has is removed");
        assertFigures(out.resolve("report/tiny-b0"), Set.of("plane.png", "b0_max_update.png"));
    }

    /** Exactly these PNGs, each a real figure and embedded in index.html byte for byte; nothing external. */
    private static void assertFigures(Path report, Set<String> expected) throws IOException {
        Set<String> pngs;
        try (Stream<Path> files = Files.list(report)) {
            pngs = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".png")).collect(Collectors.toSet());
        }
        Assertions.assertEquals(expected, pngs);
        String html = Files.readString(report.resolve("index.html"));
        Matcher m = Pattern.compile("<img src=\"data:image/png;base64,([A-Za-z0-9+/=]+)\"").matcher(html);
        Set<String> embedded = new java.util.HashSet<>();
        while (m.find()) {
            embedded.add(Base64.getEncoder().encodeToString(Base64.getDecoder().decode(m.group(1))));
        }
        Assertions.assertEquals(expected.size(), embedded.size(), "every figure embedded once");
        for (String png : expected) {
            Pngs.assertFigure(report.resolve(png));
            Assertions.assertTrue(embedded.contains(Base64.getEncoder().encodeToString(Files.readAllBytes(report.resolve(png)))),
                    png + " is embedded as it was written");
            Assertions.assertTrue(html.contains("(" + png + ")"), png + " has a caption");
        }
        Assertions.assertFalse(html.contains("<script"), "no scripts");
        Assertions.assertFalse(Pattern.compile("(src|href)=\"(?!data:)").matcher(html).find(), "no external files");
    }

    /** The number of rows (header included) of the table under the heading that starts with title. */
    private static int rowsOf(String html, String title) {
        int at = html.indexOf("<h3>" + title + ":");
        Assertions.assertTrue(at >= 0, "no table " + title);
        String table = html.substring(at, html.indexOf("</table>", at));
        return table.split("<tr>", -1).length - 1;
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
