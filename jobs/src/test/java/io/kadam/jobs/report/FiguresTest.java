package io.kadam.jobs.report;

import io.kadam.jobs.spec.Analysis;
import io.kadam.jobs.sql.ResultTables;
import io.kadam.jobs.sql.ResultTables.Table;
import io.kadam.optimizer.theory.AdamPoint;
import io.kadam.optimizer.theory.Stability;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The figures and the page on hand-made sweep data, without Spark: what is drawn when, and edge cases. */
class FiguresTest {

    private static final Analysis PARAMS = new Analysis(100, 200, 300);

    private static TrialInfo adam(int idx, double beta, double gamma, String status) {
        double c = Stability.c(beta, gamma);
        String region = Math.abs(c) <= 1e-9 ? "B0" : c > 0 ? "B+" : "B-";
        return new TrialInfo("t" + idx, idx, status, "", beta, gamma, c, region, idx * 0.01, 1, "adam", 1e-3, 0, "coupled", 1, 300);
    }

    private static TrialInfo kadam(int idx, int k, String strategy, double lr, String coupling) {
        return new TrialInfo("p" + idx, idx, "completed", "", 0.999, 0.9, Stability.c(0.999, 0.9), "B+", Double.NaN, k, strategy, lr,
                1e-4, coupling, 1, 100);
    }

    private static Trace line(int n, java.util.function.IntToDoubleFunction y) {
        double[] xs = new double[n];
        double[] ys = new double[n];
        for (int i = 0; i < n; i++) {
            xs[i] = i;
            ys[i] = y.applyAsDouble(i);
        }
        return new Trace(xs, ys);
    }

    private static List<String> names(SweepData data) {
        return FigureFactory.figures(data).stream().map(Figure::fileName).toList();
    }

    @Test
    void aProductGridGetsTheByKFiguresOnly() {
        List<TrialInfo> trials = new ArrayList<>();
        List<List<Object>> accuracy = new ArrayList<>();
        List<List<Object>> loss = new ArrayList<>();
        int idx = 0;
        for (String strategy : List.of("inverse-exp", "exp", "scaled", "naive")) {
            for (String coupling : List.of("coupled", "decoupled")) {
                for (int k = 1; k <= 4; k++) {
                    trials.add(kadam(idx++, k, strategy, 1e-3, coupling));
                    double acc = 0.80 + 0.01 * k * (strategy.equals("naive") ? -1 : 1) + (coupling.equals("decoupled") ? 0.005 : 0);
                    accuracy.add(Arrays.asList(k, strategy, coupling, acc, 1e-3, 1e-4, 1L));
                    loss.add(Arrays.asList(k, strategy, coupling, 1.0 - acc / 2, 1e-3, 1e-4, 1L));
                }
            }
        }
        trials.add(kadam(idx, 1, "inverse-exp", 3e-3, "coupled"));
        SweepData data = new SweepData("grid", trials, Map.of(), Map.of(), Map.of(
                Table.BEST_ACCURACY, new TableData(SweepData.COLUMNS.get(Table.BEST_ACCURACY), accuracy),
                Table.BEST_LOSS_BY_K, new TableData(SweepData.COLUMNS.get(Table.BEST_LOSS_BY_K), loss)), PARAMS);
        assertTrue(data.isProductGrid());
        assertEquals(List.of(ByKFigure.ACCURACY_FILE, ByKFigure.LOSS_FILE), names(data));
        for (Figure f : FigureFactory.figures(data)) {
            Pngs.assertFigure(f.fileName(), f.png());
        }
        String html = HtmlPage.render(data, List.of(), List.of(), new CodeVersion("1.0", null), java.time.Instant.EPOCH, "out");
        assertTrue(html.contains("best_accuracy: best test accuracy"), "the product tables");
        assertTrue(html.contains("kadam 1.0 (git commit unknown)"));
        assertTrue(html.contains("<th>made</th><td>1970-01-01T00:00:00Z</td>"));
        assertEquals(1 + 32, html.split("<h3>best_accuracy")[1].split("</table>")[0].split("<tr>").length - 1);
    }

    /** A replay check sweep of {@code trials} trials: two coordinates per trial, numbers in the check's order. */
    private static SweepData replaySweep(int trials) {
        List<TrialInfo> infos = new ArrayList<>();
        Map<String, Map<String, Map<String, Trace>>> curves = new HashMap<>();
        Map<String, Map<String, Double>> metrics = new HashMap<>();
        for (int i = 0; i < trials; i++) {
            TrialInfo t = kadam(i, 1, "adam", 1e-3 * (i + 1), "decoupled");
            infos.add(t);
            Map<String, Map<String, Trace>> series = new HashMap<>();
            for (String s : List.of("discrete", "continuous", "discrete64")) {
                double shift = s.equals("continuous") ? 1e-4 : 0;
                series.put(s, Map.of("h0_attn_q_weight[3]", line(50, n -> Math.sin(n / 7.0) + shift),
                        "h0_attn_k_weight[9]", line(50, n -> Math.cos(n / 5.0) + shift)));
            }
            curves.put(t.trialId(), series);
            Map<String, Double> m = new java.util.LinkedHashMap<>();
            m.put("median_relative_mean_gap", 0.0073);
            m.put("mean_relative_max_gap", 0.035);
            m.put("worst_relative_max_gap", 0.065);
            metrics.put(t.trialId(), m);
        }
        // curves only for the plotted trials, as SweepLoader collects them
        curves.keySet().retainAll(infos.stream().limit(CheckData.PLOTTED_TRIALS).map(TrialInfo::trialId).toList());
        return new SweepData("fig1", infos, Map.of(), Map.of(), Map.of(), PARAMS, new CheckData("replay", curves, metrics));
    }

    @Test
    void aCheckSweepGetsOneFigurePerPlottedTrialAndItsNumbersTable() {
        SweepData data = replaySweep(6);
        assertTrue(data.isCheckSweep());
        assertEquals(List.of("check_replay_0.png", "check_replay_1.png", "check_replay_2.png", "check_replay_3.png"), names(data));
        Figure first = FigureFactory.figures(data).get(0);
        assertTrue(first.caption().contains("0.73%"), first.caption()); // the median gap from check_metrics
        assertEquals(4, first.chart().getSeriesMap().size(), "θ_n and θ(t_n) of each of the 2 coordinates");
        assertTrue(first.png().length > 1000);
        String html = HtmlPage.render(data, List.of(), List.of(), new CodeVersion("1.0", null), java.time.Instant.EPOCH, "out");
        assertTrue(html.contains("check_metrics: the replay check"), html);
        assertTrue(html.contains("median_relative_mean_gap"), html);
        assertFalse(html.contains("slope_vs_c"), "a check sweep has no training tables");
        assertEquals(2, names(replaySweep(2)).size());
    }

    @Test
    void everyCheckKindDrawsItsFigureFromItsSeries() {
        Map<String, List<String>> seriesByKind = Map.of(
                "norm", List.of("true", "eq8", "eq8_corrected"),
                "inner-product", List.of("qk_norm.cos_final", "no_qk_norm.cos_final"),
                "coarse-graining", List.of("true_v", "coarse_v", "perturbed"));
        seriesByKind.forEach((kind, seriesNames) -> {
            TrialInfo t = kadam(0, 1, "adam", 1e-3, "decoupled");
            String subject = kind.equals("coarse-graining") ? "loss" : "L0 q head 0";
            Map<String, Map<String, Trace>> series = new HashMap<>();
            for (String s : seriesNames) {
                series.put(s, Map.of(subject, line(20, n -> 1 + n * 0.01)));
            }
            SweepData data = new SweepData(kind, List.of(t), Map.of(), Map.of(), Map.of(), PARAMS,
                    new CheckData(kind, Map.of(t.trialId(), series), Map.of(t.trialId(), Map.of("x", 1.0))));
            // (one point of the plane: the plane figure is drawn too)
            List<Figure> figures = FigureFactory.figures(data).stream().filter(f -> f.fileName().startsWith("check_")).toList();
            assertEquals(1, figures.size(), kind);
            // Fig. 8 draws the mean over matrices, one line per run
            assertEquals(seriesNames.size(), figures.get(0).chart().getSeriesMap().size(), kind);
            assertTrue(figures.get(0).caption().contains("n/a"), kind + ": a metric the trial lacks reads n/a, not NaN");
        });
    }

    @Test
    void aCurveSweepWithoutStepsOrEvalsGetsOnlyThePlane() {
        List<TrialInfo> trials = List.of(adam(0, 0.955, 0.99, "failed"), adam(1, 0.96, 0.983, "failed"), adam(2, 0.964, 0.9766, "failed"));
        SweepData data = new SweepData("empty", trials, Map.of(), Map.of(), Map.of(), PARAMS);
        assertFalse(data.isProductGrid());
        assertEquals(List.of(PlaneFigure.FILE), names(data));
        Pngs.assertFigure("plane", FigureFactory.figures(data).get(0).png());
        assertEquals(Map.of("failed", 3L), data.statusCounts());
    }

    @Test
    void aDivergingLossDoesNotFlattenTheOthers() {
        List<TrialInfo> trials = List.of(adam(0, 0.953, 0.9973, "diverged"), adam(1, 0.964, 0.9766, "completed"));
        Map<String, Trace> loss = Map.of("t0", line(10, i -> i == 6 ? 1e4 : 5.5 - 0.2 * i), "t1", line(10, i -> 5.5 - 0.3 * i));
        SweepData data = new SweepData("spike", trials, Map.of(), loss, Map.of(), PARAMS);
        Figure f = TestLossFigure.build(data).orElseThrow();
        assertEquals(1.25 * 5.5, f.chart().getStyler().getYAxisMax(), 1e-12);
        assertTrue(f.caption().contains("run off the top"), f.caption());
        Pngs.assertFigure("test loss", f.png());
    }

    @Test
    void b0SweepsGetTheSqrtBoundFigureInsteadOfEq5() {
        List<TrialInfo> trials = new ArrayList<>();
        Map<String, Trace> updates = new HashMap<>();
        for (int i = 0; i < 4; i++) {
            double beta = 0.9 + 0.03 * i;
            TrialInfo t = adam(i, beta, 2 * beta / (1 + beta), "completed");
            trials.add(t);
            updates.put(t.trialId(), line(300, n -> 1 + 0.1 * Math.sin(n / 10.0) + 0.001 * n));
        }
        SweepData data = new SweepData("b0", trials, updates, Map.of(), Map.of(), PARAMS);
        assertTrue(data.isB0Sweep());
        assertEquals(List.of(PlaneFigure.FILE, MaxUpdateFigure.B0_FILE), names(data));
        Pngs.assertFigure("b0", MaxUpdateFigure.buildB0(data).orElseThrow().png());
    }

    @Test
    void theBoundLineIsEq5AndStopsAboveTheCutoff() {
        TrialInfo t = adam(0, 0.953, 0.9973, "completed");
        Trace trace = line(2000, n -> 1);
        Trace all = MaxUpdateFigure.bound(t, trace, Double.POSITIVE_INFINITY);
        assertEquals(200, all.size());
        assertEquals(Stability.bound(new AdamPoint(0.953, 0.9973), 0), all.y()[0], 1e-12);
        assertEquals(1999, all.x()[199]);
        Trace cut = MaxUpdateFigure.bound(t, trace, 100);
        assertTrue(cut.size() < 200 && cut.size() > 10, "size " + cut.size());
        assertTrue(Arrays.stream(cut.y()).allMatch(y -> y <= 100));
    }

    @Test
    void levelsAreRoundAndIncludeZero() {
        List<Double> levels = PlaneFigure.levels(-0.054, 0.034);
        assertTrue(levels.size() >= 5 && levels.size() <= 10, levels.toString());
        assertTrue(levels.stream().anyMatch(c -> c == 0), levels.toString());
        assertEquals(-0.05, levels.get(0), 1e-12);
        assertTrue(PlaneFigure.levels(1, 1).isEmpty());
    }

    @Test
    void formatting() {
        assertEquals("−0.04393", Fmt.num(-0.0439288));
        assertEquals("0.01", Fmt.num(0.01));
        assertEquals("1.5e−7", Fmt.num(1.5e-7));
        assertEquals("–", Fmt.cell(null));
        assertEquals("0.953000", Fmt.cell(0.953));
        assertEquals("a &lt;b&gt; &amp; &quot;c&quot;", HtmlPage.esc("a <b> & \"c\""));
    }

    @Test
    void theCodeVersionIsAlwaysThere() {
        CodeVersion v = CodeVersion.detect();
        assertNotNull(v.version());
        assertTrue(v.describe().startsWith("kadam " + v.version()));
        assertTrue(v.commit() == null || v.commit().matches("[0-9a-f]{4,64}"), v.commit());
    }
}
