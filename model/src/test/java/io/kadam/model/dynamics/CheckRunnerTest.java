package io.kadam.model.dynamics;

import io.kadam.model.nn.CnnConfig;
import io.kadam.model.nn.GptConfig;
import io.kadam.model.nn.ModelSpec;
import io.kadam.model.train.ScheduleSpec;
import io.kadam.model.train.TrialConfig;
import io.kadam.optimizer.AdaptiveNormalization;
import io.kadam.optimizer.KAdamConfig;
import io.kadam.optimizer.WeightDecay;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * CheckRunner on tiny runs (TinyRuns, N = 24 iterations): each check's long form holds the series,
 * subjects, iterations and metrics the result tables promise (jobs' store documentation), with
 * the values of the check's own result.
 */
class CheckRunnerTest {

    private static final int N = 24;
    /** The four q/k head matrices of TinyRuns' GPT: 1 layer × {q, k} × 2 heads. */
    private static final Set<String> HEADS = Set.of("L0 q head 0", "L0 q head 1", "L0 k head 0", "L0 k head 1");

    private static AdamWSetup setup(boolean qkNorm) {
        return TinyRuns.setup(3, 1e-3, N).withQkNorm(qkNorm);
    }

    private static List<String> metricNames(CheckOutput out) {
        return out.metrics().stream().map(CheckOutput.Metric::name).toList();
    }

    /** series → subject → the iterations it has, in order. */
    private static Map<String, Map<String, List<Integer>>> layout(CheckOutput out) {
        Map<String, Map<String, List<Integer>>> layout = new TreeMap<>();
        for (CheckOutput.Point p : out.series()) {
            layout.computeIfAbsent(p.series(), s -> new TreeMap<>()).computeIfAbsent(p.subject(), s -> new java.util.ArrayList<>())
                    .add(p.iteration());
        }
        return layout;
    }

    private static List<Integer> iterations(int from, int toInclusive) {
        return java.util.stream.IntStream.rangeClosed(from, toInclusive).boxed().toList();
    }

    private static void assertFiniteLosses(CheckOutput out) {
        assertEquals(N, out.losses().length, "a loss per update");
        for (double loss : out.losses()) {
            assertTrue(Double.isFinite(loss) && loss > 0, "loss " + loss);
        }
    }

    @Test
    void replayHasThreeSeriesPerCoordinateAndTheResultsOwnNumbers() {
        CheckSpec spec = new CheckSpec(CheckKind.REPLAY, 10, 3, 5, ReplayCheck.Interpolation.HELD, 1e-3);
        ReplayCheck.Result r = ReplayCheck.run(new ReplayCheck.Config(setup(false), List.of(), 3, 5, 10,
                ReplayCheck.Interpolation.HELD), TinyRuns.TEXT);
        CheckOutput out = CheckRunner.replay(r);

        assertEquals(CheckKind.REPLAY, out.kind());
        assertEquals(3 * 3 * (N + 1), out.series().size(), "3 series x 3 coordinates x (N + 1) points");
        Map<String, Map<String, List<Integer>>> layout = layout(out);
        assertEquals(Set.of("discrete", "continuous", "discrete64"), layout.keySet());
        Set<String> subjects = r.rows().stream().map(row -> new Coordinate(row.parameter(), row.index()).label())
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(3, subjects.size());
        for (Map<String, List<Integer>> bySubject : layout.values()) {
            assertEquals(subjects, bySubject.keySet());
            bySubject.values().forEach(its -> assertEquals(iterations(0, N), its));
        }
        assertTrue(subjects.stream().allMatch(s -> s.matches("h0_(attn_(q|k|v|proj)|mlp_(fc|proj))_weight\\[\\d+]")), subjects.toString());
        // the points are the rows' values
        for (int i = 0; i < r.rows().size(); i++) {
            ReplayCheck.Row row = r.rows().get(i);
            assertEquals(new CheckOutput.Point("discrete", new Coordinate(row.parameter(), row.index()).label(), row.iteration(),
                    row.discrete()), out.series().get(3 * i));
            assertEquals(row.continuous(), out.series().get(3 * i + 1).value());
            assertEquals(row.discrete64(), out.series().get(3 * i + 2).value());
        }

        assertEquals(List.of("median_relative_mean_gap", "mean_relative_mean_gap", "mean_relative_max_gap", "worst_relative_max_gap",
                "float64_floor", "lost_gradients", "solve_seconds"), metricNames(out));
        assertEquals(r.medianRelativeMean(), out.metric("median_relative_mean_gap"));
        assertEquals(r.meanRelativeMean(), out.metric("mean_relative_mean_gap"));
        assertEquals(r.meanRelativeMax(), out.metric("mean_relative_max_gap"));
        assertEquals(r.worstRelativeMax(), out.metric("worst_relative_max_gap"));
        assertEquals(r.float64Floor(), out.metric("float64_floor"));
        assertEquals(r.lostGradients().size(), out.metric("lost_gradients"));
        assertEquals(r.solveSeconds(), out.metric("solve_seconds"));
        assertArrayEquals(r.losses(), out.losses());
        assertFiniteLosses(out);
        double gap = out.metric("median_relative_mean_gap");
        assertTrue(gap >= 0 && gap < 1, "the ODE follows the run: " + gap);
        assertThrows(IllegalArgumentException.class, () -> out.metric("no_such_metric"));

        // CheckRunner.run wires the spec's knobs into the same check: the same run, the same curves
        CheckOutput run = CheckRunner.run(spec, setup(false), TinyRuns.TEXT);
        assertEquals(out.series(), run.series());
        assertEquals(out.metric("median_relative_mean_gap"), run.metric("median_relative_mean_gap"));
        assertArrayEquals(out.losses(), run.losses());
    }

    @Test
    void normHasFiveSeriesPerHeadMatrix() {
        CheckOutput out = CheckRunner.run(new CheckSpec(CheckKind.NORM, 10, 16, 7, ReplayCheck.Interpolation.HELD, 1e-3),
                setup(true), TinyRuns.TEXT);

        assertEquals(CheckKind.NORM, out.kind());
        assertEquals(5 * 4 * (N + 1), out.series().size(), "5 series x 4 head matrices x (N + 1) points");
        Map<String, Map<String, List<Integer>>> layout = layout(out);
        assertEquals(Set.of("true", "eq8", "eq8_discrete", "eq8_corrected", "ode"), layout.keySet());
        for (Map<String, List<Integer>> bySubject : layout.values()) {
            assertEquals(HEADS, bySubject.keySet());
            bySubject.values().forEach(its -> assertEquals(iterations(0, N), its));
        }
        assertTrue(out.series().stream().filter(p -> p.series().equals("true")).allMatch(p -> p.value() > 0),
                "squared norms are positive");
        assertEquals(List.of("worst_relative_error", "median_growth_ratio", "mean_cross_share", "worst_corrected_relative_error",
                "worst_ode_relative_error", "max_same_time_cosine", "solve_seconds"), metricNames(out));
        out.metrics().forEach(m -> assertTrue(Double.isFinite(m.value()), m.toString()));
        assertFiniteLosses(out);
    }

    @Test
    void innerProductHasThreeSeriesPerRunAndHeadMatrix() {
        CheckOutput out = CheckRunner.run(CheckSpec.defaults(CheckKind.INNER_PRODUCT), setup(true), TinyRuns.TEXT);

        assertEquals(CheckKind.INNER_PRODUCT, out.kind());
        assertEquals(2 * 3 * 4 * N, out.series().size(), "2 runs x 3 series x 4 head matrices x N gradients");
        Map<String, Map<String, List<Integer>>> layout = layout(out);
        assertEquals(Set.of("qk_norm.cos_final", "qk_norm.cos_same", "qk_norm.inner_final",
                "no_qk_norm.cos_final", "no_qk_norm.cos_same", "no_qk_norm.inner_final"), layout.keySet());
        for (Map<String, List<Integer>> bySubject : layout.values()) {
            assertEquals(HEADS, bySubject.keySet());
            bySubject.values().forEach(its -> assertEquals(iterations(0, N - 1), its));
        }
        assertTrue(out.series().stream().filter(p -> p.series().contains("cos_")).allMatch(p -> p.value() >= 0 && p.value() <= 1 + 1e-12),
                "cosines are |cos|");
        List<String> metrics = List.of("mean_abs_cos_final", "late_abs_cos_final", "mean_abs_cos_same", "mean_abs_inner_final",
                "final_loss");
        assertEquals(java.util.stream.Stream.concat(metrics.stream().map(m -> "qk_norm." + m), metrics.stream().map(m -> "no_qk_norm." + m))
                .toList(), metricNames(out));
        assertFiniteLosses(out);
        assertEquals(out.losses()[N - 1], out.metric("qk_norm.final_loss"), "the losses are the qk-normed run's");
    }

    @Test
    void coarseGrainingHasThreeSeriesPerCoordinateAndTheLosses() {
        CheckOutput out = CheckRunner.run(new CheckSpec(CheckKind.COARSE_GRAINING, 100, 3, 4, ReplayCheck.Interpolation.HELD, 1e-3),
                setup(true), TinyRuns.TEXT);

        assertEquals(CheckKind.COARSE_GRAINING, out.kind());
        assertEquals(3 * 3 * (N + 1) + 3 * N, out.series().size(), "3 series x (3 coordinates x (N + 1) + the N losses)");
        Map<String, Map<String, List<Integer>>> layout = layout(out);
        assertEquals(Set.of("true_v", "coarse_v", "perturbed"), layout.keySet());
        for (Map<String, List<Integer>> bySubject : layout.values()) {
            assertEquals(4, bySubject.size(), "3 coordinates and the loss: " + bySubject.keySet());
            bySubject.forEach((subject, its) -> assertEquals(subject.equals("loss") ? iterations(0, N - 1) : iterations(0, N), its, subject));
        }
        assertTrue(layout.get("true_v").keySet().stream().filter(s -> !s.equals("loss"))
                .allMatch(s -> s.matches("h0_attn_[qk]_weight\\[\\d+]")), "entries of the q/k head matrices: " + layout.get("true_v").keySet());
        double[] trueLosses = out.series().stream().filter(p -> p.series().equals("true_v") && p.subject().equals("loss"))
                .mapToDouble(CheckOutput.Point::value).toArray();
        assertArrayEquals(trueLosses, out.losses(), "the losses are the true-v run's");
        assertEquals(List.of("coarse_relative_mean_gap", "perturbed_relative_mean_gap", "coarse_loss_gap", "perturbed_loss_gap",
                "coarse_max_one_minus_cos", "final_loss_true_v", "final_loss_coarse_v"), metricNames(out));
        out.metrics().forEach(m -> assertTrue(Double.isFinite(m.value()), m.toString()));
        assertEquals(out.losses()[N - 1], out.metric("final_loss_true_v"));
        assertFiniteLosses(out);
    }

    @Test
    void coarseGrainingWithoutReferenceRunHasNaNPerturbedCurves() {
        CheckOutput out = CheckRunner.run(new CheckSpec(CheckKind.COARSE_GRAINING, 100, 2, 4, ReplayCheck.Interpolation.HELD, 0),
                TinyRuns.setup(3, 1e-3, 6).withQkNorm(true), TinyRuns.TEXT);
        assertEquals(3 * 2 * 7 + 3 * 6, out.series().size());
        assertTrue(out.series().stream().filter(p -> p.series().equals("perturbed")).allMatch(p -> Double.isNaN(p.value())));
        assertTrue(Double.isNaN(out.metric("perturbed_relative_mean_gap")));
    }

    // --- AdamWSetup.of: the trial configs the checks model, and what they refuse

    private static final KAdamConfig ADAMW = new KAdamConfig(List.of(new AdaptiveNormalization(0.999, 0.9)), 0.1,
            WeightDecay.DECOUPLED, KAdamConfig.DEFAULT_EPS);

    private static TrialConfig config(ModelSpec model, KAdamConfig optimizer, ScheduleSpec schedule) {
        return new TrialConfig(model, optimizer, schedule, 30, 8, 0, 40, 5, 0);
    }

    @Test
    void adamWSetupOfATrialTakesItsRun() {
        GptConfig gpt = new GptConfig(256, 16, 1, 2, 32, 0.0, false, true);
        AdamWSetup setup = AdamWSetup.of(config(gpt, ADAMW, ScheduleSpec.constant(2e-3)));
        assertEquals(new AdamWSetup(gpt, 8, 2e-3, 0.999, 0.9, 0.1, 30, 5), setup);
    }

    @Test
    void adamWSetupOfRefusesWhatTheChecksDoNotModel() {
        GptConfig gpt = new GptConfig(256, 16, 1, 2, 32, 0.0, false, false);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AdamWSetup.of(config(CnnConfig.fashionMnist(), ADAMW, ScheduleSpec.constant(1e-3))));
        assertTrue(e.getMessage().contains("nanoGPT") && e.getMessage().contains("CnnConfig"), e.getMessage());

        KAdamConfig k2 = new KAdamConfig(List.of(new AdaptiveNormalization(0.999, 0.9), new AdaptiveNormalization(0.99, 0.0)), 0.1,
                WeightDecay.DECOUPLED, KAdamConfig.DEFAULT_EPS);
        e = assertThrows(IllegalArgumentException.class, () -> AdamWSetup.of(config(gpt, k2, ScheduleSpec.constant(1e-3))));
        assertTrue(e.getMessage().contains("k = 2"), e.getMessage());

        KAdamConfig coupled = new KAdamConfig(ADAMW.levels(), 0.1, WeightDecay.COUPLED, KAdamConfig.DEFAULT_EPS);
        e = assertThrows(IllegalArgumentException.class, () -> AdamWSetup.of(config(gpt, coupled, ScheduleSpec.constant(1e-3))));
        assertTrue(e.getMessage().contains("decoupled weight decay") && e.getMessage().contains("COUPLED"), e.getMessage());

        KAdamConfig eps = new KAdamConfig(ADAMW.levels(), 0.1, WeightDecay.DECOUPLED, 1e-8);
        e = assertThrows(IllegalArgumentException.class, () -> AdamWSetup.of(config(gpt, eps, ScheduleSpec.constant(1e-3))));
        assertTrue(e.getMessage().contains("eps 1.0E-8"), e.getMessage());

        e = assertThrows(IllegalArgumentException.class,
                () -> AdamWSetup.of(config(gpt, ADAMW, ScheduleSpec.warmupCosine(1e-3, 5, 30, 1e-4))));
        assertTrue(e.getMessage().contains("constant learning rate") && e.getMessage().contains("warmup-cosine"), e.getMessage());

        e = assertThrows(IllegalArgumentException.class, () -> AdamWSetup.of(config(gpt, ADAMW, ScheduleSpec.constant(1e-3).annealed())));
        assertTrue(e.getMessage().contains("annealed"), e.getMessage());
    }
}
