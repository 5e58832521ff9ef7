package io.kadam.jobs.report;

import org.knowm.xchart.XYChart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A check sweep's figure for one of its first trials, as the paper draws the check: Fig. 1 (the
 * run's θ_n solid, the Euler solution θ(t_n) dashed), Fig. 5 (true ‖W‖² solid, Eq. 8 dashed, Eq. 8
 * × (1+γ)/(1−γ) dotted), Fig. 8 (|cos(W_N, g_n)| with qk-norm solid, without dashed, mean over
 * the matrices and smoothed) and Fig. 9
 * (training loss with the true v, the coarse-grained v and a slightly changed lr). One colour per
 * coordinate or matrix; at most {@link #SUBJECTS} of them.
 */
final class CheckFigure {

    static final int SUBJECTS = 4;
    private static final Color[] COLORS = {new Color(31, 119, 180), new Color(214, 39, 40), new Color(44, 160, 44),
            new Color(148, 103, 189)};

    private CheckFigure() {}

    /** The figure of the {@code n}-th plotted trial (sweep order), if the sweep ran a check and has it. */
    static Optional<Figure> build(SweepData data, int n) {
        if (!data.isCheckSweep()) {
            return Optional.empty();
        }
        CheckData check = data.check();
        List<TrialInfo> plotted = data.trials().stream().filter(t -> check.curves().containsKey(t.trialId())).toList();
        if (n >= plotted.size()) {
            return Optional.empty();
        }
        TrialInfo t = plotted.get(n);
        String file = "check_" + check.kind() + "_" + t.idx() + ".png";
        String run = String.format(Locale.ROOT, "trial %d, lr %s", t.idx(), Fmt.num(t.lr()));
        String setting = String.format(Locale.ROOT, " (Trial %d: lr %s, β %s, γ %s, λ %s, seed %d.)", t.idx(), Fmt.num(t.lr()),
                Fmt.num(t.beta()), Fmt.num(t.gamma()), Fmt.num(t.weightDecay()), t.seed());
        Figure figure = switch (check.kind()) {
            case "replay" -> replay(check, t, file, run);
            case "norm" -> norm(check, t, file, run);
            case "inner-product" -> innerProduct(check, t, file, run);
            case "coarse-graining" -> coarseGraining(check, t, file, run);
            default -> null; // a newer check kind than this report knows
        };
        return Optional.ofNullable(figure).map(f -> new Figure(f.fileName(), f.caption() + setting, f.chart()));
    }

    private static Figure replay(CheckData check, TrialInfo t, String file, String run) {
        XYChart chart = ChartStyle.chart("Fig. 1: AdamW θ_n and the Euler solution θ(t_n), " + run, "iteration n",
                "parameter value θ");
        List<String> subjects = drawEachSubject(chart, check, t, List.of(new Line("discrete", "θ_n", ChartStyle.SOLID),
                new Line("continuous", "θ(t_n), Euler", ChartStyle.DASHED)));
        String id = t.trialId();
        return new Figure(file, String.format(Locale.ROOT, "Coordinates of the training run (solid) and the Euler solution of"
                        + " Eq. 4 on the run's gradients (dashed) for %d of the trial's coordinates: the dashed lines should"
                        + " follow the solid ones. Over all coordinates the mean gap is %s of a coordinate's range (median),"
                        + " the largest gap %s (mean over coordinates; worst %s).", subjects.size(),
                percent(check.metric(id, "median_relative_mean_gap")), percent(check.metric(id, "mean_relative_max_gap")),
                percent(check.metric(id, "worst_relative_max_gap"))), chart);
    }

    private static Figure norm(CheckData check, TrialInfo t, String file, String run) {
        XYChart chart = ChartStyle.chart("Fig. 5: ‖W‖² of qk-normed q/k matrices vs Eq. 8, " + run, "iteration n",
                "squared norm ‖W‖²");
        drawEachSubject(chart, check, t, List.of(new Line("true", "true", ChartStyle.SOLID), new Line("eq8", "Eq. 8", ChartStyle.DASHED),
                new Line("eq8_corrected", "Eq. 8 × (1+γ)/(1−γ)", ChartStyle.DOTTED)));
        String id = t.trialId();
        return new Figure(file, String.format(Locale.ROOT, "True squared norms (solid) against Theorem 2's Eq. 8 (dashed) and"
                        + " Eq. 8 with its growth term times (1+γ)/(1−γ) (dotted). Eq. 8 is off by up to %s; the true growth"
                        + " is %s times Eq. 8's (median over matrices); the term Eq. 8 drops, −2η⟨W_n, u_n⟩, carries %s of"
                        + " the change.", percent(check.metric(id, "worst_relative_error")),
                value(check.metric(id, "median_growth_ratio")), percent(check.metric(id, "mean_cross_share"))), chart);
    }

    private static Figure innerProduct(CheckData check, TrialInfo t, String file, String run) {
        XYChart chart = ChartStyle.chart("Fig. 8: |cos(W(t_N), g(t_n))|, " + run, "iteration n",
                "|cos| of final weights and gradient n");
        // single values jump by 10x from one iteration to the next: the mean over matrices, smoothed, shows the level
        int matrices = check.subjects(t.trialId(), "qk_norm.cos_final").size();
        Trace with = smoothedMean(check, t, "qk_norm.cos_final");
        Trace without = smoothedMean(check, t, "no_qk_norm.cos_final");
        if (with != null) {
            ChartStyle.line(chart, "with qk-norm", with.x(), with.y(), COLORS[0], ChartStyle.SOLID);
        }
        if (without != null) {
            ChartStyle.line(chart, "without qk-norm", without.x(), without.y(), COLORS[1], ChartStyle.DASHED);
        }
        String id = t.trialId();
        return new Figure(file, String.format(Locale.ROOT, "Cosine between each query/key head matrix at the end of training and"
                        + " its gradient at iteration n, mean over the %d matrices and a moving average over %d points, with"
                        + " qk-norm (solid) and in the same run without (dashed): Assumption 1 asks it to be small with qk-norm."
                        + " Mean |cos| %s with qk-norm, %s without (same-time |cos(W_n, g_n)|, which Lemma 2 sets to 0: %s and %s).",
                matrices, SMOOTHING, value(check.metric(id, "qk_norm.mean_abs_cos_final")),
                value(check.metric(id, "no_qk_norm.mean_abs_cos_final")), value(check.metric(id, "qk_norm.mean_abs_cos_same")),
                value(check.metric(id, "no_qk_norm.mean_abs_cos_same"))), chart);
    }

    /** Points in Fig. 8's moving average. */
    static final int SMOOTHING = 15;

    /** The mean over a series' subjects at each iteration, then a centred moving average; null without data. */
    private static Trace smoothedMean(CheckData check, TrialInfo t, String series) {
        List<String> subjects = check.subjects(t.trialId(), series);
        if (subjects.isEmpty()) {
            return null;
        }
        Trace first = check.curve(t.trialId(), series, subjects.get(0));
        int n = first.size();
        double[] mean = new double[n];
        for (String subject : subjects) {
            Trace c = check.curve(t.trialId(), series, subject);
            for (int i = 0; i < n && i < c.size(); i++) {
                mean[i] += c.y()[i] / subjects.size();
            }
        }
        double[] smooth = new double[n];
        for (int i = 0; i < n; i++) {
            int from = Math.max(0, i - SMOOTHING / 2);
            int to = Math.min(n, i + SMOOTHING / 2 + 1);
            double sum = 0;
            for (int j = from; j < to; j++) {
                sum += mean[j];
            }
            smooth[i] = sum / (to - from);
        }
        return new Trace(first.x(), smooth);
    }

    private static Figure coarseGraining(CheckData check, TrialInfo t, String file, String run) {
        XYChart chart = ChartStyle.chart("Fig. 9: true v vs coarse-grained v, " + run, "iteration n",
                "training loss (nats)");
        draw(chart, check, t, "true_v", "loss", "true v", COLORS[0], ChartStyle.SOLID);
        draw(chart, check, t, "coarse_v", "loss", "coarse-grained v", COLORS[1], ChartStyle.DASHED);
        draw(chart, check, t, "perturbed", "loss", "true v, lr changed slightly", COLORS[2], ChartStyle.DOTTED);
        String id = t.trialId();
        return new Figure(file, String.format(Locale.ROOT, "Training loss with AdamW's true second moment (solid) and with"
                        + " Assumption 2's coarse-grained one per query/key matrix (dashed); dotted: the true-v run with the"
                        + " learning rate changed slightly, the scale of a negligible change. Mean |Δloss| %s nats (coarse) vs"
                        + " %s (lr change); single weights: mean gap %s of their range (coarse) vs %s (lr change).",
                value(check.metric(id, "coarse_loss_gap")), value(check.metric(id, "perturbed_loss_gap")),
                percent(check.metric(id, "coarse_relative_mean_gap")), percent(check.metric(id, "perturbed_relative_mean_gap"))),
                chart);
    }

    /** One kind of curve of each subject: its series, legend label and stroke. */
    private record Line(String series, String label, BasicStroke stroke) {}

    /**
     * The first {@link #SUBJECTS} subjects of the first line's series, each in its colour with
     * every line's stroke (the first line's legend entry names the subject); returns the subjects.
     */
    private static List<String> drawEachSubject(XYChart chart, CheckData check, TrialInfo t, List<Line> lines) {
        List<String> subjects = first(check.subjects(t.trialId(), lines.get(0).series()));
        for (int i = 0; i < subjects.size(); i++) {
            for (Line line : lines) {
                String label = line == lines.get(0) ? subjects.get(i) + " " + line.label() : line.label();
                draw(chart, check, t, line.series(), subjects.get(i), label, COLORS[i], line.stroke());
            }
        }
        return subjects;
    }

    /** A curve if the trial has it and it has a finite value (a run without reference run has NaN there). */
    private static void draw(XYChart chart, CheckData check, TrialInfo t, String series, String subject, String label, Color color,
                             BasicStroke stroke) {
        Trace trace = check.curve(t.trialId(), series, subject);
        if (trace == null || java.util.Arrays.stream(trace.y()).noneMatch(Double::isFinite)) {
            return;
        }
        String name = label;
        for (int i = 2; chart.getSeriesMap().containsKey(name); i++) {
            name = label + " " + "\u200b".repeat(i - 1); // XChart needs unique names; the legend shows the label
        }
        ChartStyle.line(chart, name, trace.x(), trace.y(), color, stroke);
    }

    private static List<String> first(List<String> subjects) {
        return subjects.subList(0, Math.min(SUBJECTS, subjects.size()));
    }

    /** A metric in a caption: "n/a" when the trial does not have it (an older or failed check). */
    private static String value(double x) {
        return Double.isFinite(x) ? Fmt.num(x) : "n/a";
    }

    private static String percent(double fraction) {
        return Double.isFinite(fraction) ? String.format(Locale.ROOT, "%.2f%%", 100 * fraction) : "n/a";
    }
}
