package io.kadam.jobs.report;

import io.kadam.jobs.spec.SweepExpander;
import io.kadam.optimizer.theory.AdamPoint;
import io.kadam.optimizer.theory.Stability;
import org.knowm.xchart.XYChart;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Max-update trajectories ‖u_n‖∞ on a log axis, one line per Adam trial, each with its Eq. 5
 * bound dotted in the same color: paper Fig. 3a for curve and point sweeps, and Fig. 7 for sweeps
 * along B0, where the bound grows like √(n+1).
 */
final class MaxUpdateFigure {

    static final String FILE = "max_update.png";
    static final String B0_FILE = "b0_max_update.png";
    private static final int BOUND_POINTS = 200;
    /** A bound line stops where it passes this multiple of the largest measured max-update. */
    private static final double BOUND_CUTOFF = 100;
    /** Below this ratio of largest to smallest value the y axis is linear: XChart labels only the decades of a log axis. */
    private static final double LOG_AXIS_RATIO = 30;

    private MaxUpdateFigure() {}

    /** Fig. 3a: sweeps that are not a product grid and not all on B0. */
    static Optional<Figure> build(SweepData data) {
        if (data.isProductGrid() || data.isB0Sweep()) {
            return Optional.empty();
        }
        List<TrialInfo> trials = drawable(data);
        if (trials.isEmpty()) {
            return Optional.empty();
        }
        XYChart chart = ChartStyle.chart("Max-update ‖u_n‖∞ per trial, with its Eq. 5 bound (dotted)",
                "iteration n  (u_n is the update of step n + 1)", "‖u_n‖∞");
        draw(chart, data, TrialPalette.byC(trials));
        return Optional.of(new Figure(FILE, "Each solid line is one trial's max-update (red shades B−, blue shades B+, darker = "
                + "larger |C|) and the dotted line of the same color its Eq. 5 bound: no solid line should cross its bound; B− "
                + "trials grow exponentially, at a rate close to their bound's |C|/2, while B+ trials stay bounded.", chart));
    }

    /** Fig. 7: a sweep along B0 (every trial has C = 0). */
    static Optional<Figure> buildB0(SweepData data) {
        if (data.isProductGrid() || !data.isB0Sweep()) {
            return Optional.empty();
        }
        List<TrialInfo> trials = drawable(data);
        if (trials.isEmpty()) {
            return Optional.empty();
        }
        XYChart chart = ChartStyle.chart("Max-update on B0 (C = 0), with the √(n+1) bound of Eq. 5 (dotted)",
                "iteration n  (u_n is the update of step n + 1)", "‖u_n‖∞");
        draw(chart, data, TrialPalette.byBeta(trials));
        return Optional.of(new Figure(B0_FILE, "Each solid line is one trial on B0 (darker green = larger β) and the dotted line "
                + "of the same color its Eq. 5 bound, which on B0 grows like √(n+1): the bound should hold at every step, and the "
                + "paper found the measured max-update to stay bounded (as in B+) rather than to follow the √n growth.", chart));
    }

    /** Adam trials with a valid (β, γ) and at least one finite positive max-update. */
    private static List<TrialInfo> drawable(SweepData data) {
        return data.trials().stream()
                .filter(t -> t.isAdam() && t.beta() > 0 && t.beta() < 1 && t.gamma() > 0 && t.gamma() < 1)
                .filter(t -> data.maxUpdates().containsKey(t.trialId()) && !data.maxUpdates().get(t.trialId()).isEmpty())
                .toList();
    }

    private static void draw(XYChart chart, SweepData data, TrialPalette palette) {
        double yMax = 0;
        double yMin = Double.POSITIVE_INFINITY;
        for (TrialInfo t : palette.order()) {
            for (double y : data.maxUpdates().get(t.trialId()).y()) {
                yMax = Math.max(yMax, y);
                yMin = Math.min(yMin, y);
            }
        }
        List<Trace> bounds = new ArrayList<>();
        double all = yMax;
        for (TrialInfo t : palette.order()) {
            Trace bound = bound(t, data.maxUpdates().get(t.trialId()), yMax * BOUND_CUTOFF);
            bounds.add(bound);
            for (double y : bound.y()) {
                all = Math.max(all, y);
                yMin = Math.min(yMin, y);
            }
        }
        if (all / yMin > LOG_AXIS_RATIO) {
            chart.getStyler().setYAxisLogarithmic(true);
            chart.setYAxisTitle(chart.getYAxisTitle() + "  (log scale)");
        }
        Trace first = null;
        for (TrialInfo t : palette.order()) {
            Trace trace = data.maxUpdates().get(t.trialId());
            first = first == null ? trace : first;
            ChartStyle.line(chart, palette.label(t), trace.x(), trace.y(), palette.color(t), ChartStyle.SOLID)
                    .setShowInLegend(palette.inLegend(t));
        }
        for (int i = 0; i < bounds.size(); i++) {
            TrialInfo t = palette.order().get(i);
            Trace bound = bounds.get(i);
            if (bound.size() >= 2) {
                ChartStyle.line(chart, "bound of " + t.trialId(), bound.x(), bound.y(), palette.color(t), ChartStyle.DOTTED)
                        .setShowInLegend(false);
            }
        }
        // a legend entry for the dotted lines: a line of zero length on the first trace's first point
        double[] x0 = {first.x()[0], first.x()[0]};
        double[] y0 = {first.y()[0], first.y()[0]};
        ChartStyle.line(chart, "Eq. 5 bound (dotted, trial's color)", x0, y0, Color.DARK_GRAY, ChartStyle.DOTTED);
    }

    /** The Eq. 5 bound from n = 0 to the trace's last step, while it is below cutoff. */
    static Trace bound(TrialInfo t, Trace trace, double cutoff) {
        AdamPoint p = new AdamPoint(t.beta(), t.gamma());
        long last = (long) trace.x()[trace.size() - 1];
        List<double[]> pts = new ArrayList<>();
        for (int i = 0; i < BOUND_POINTS; i++) {
            long n = Math.round(i * (double) last / (BOUND_POINTS - 1));
            if (!pts.isEmpty() && pts.get(pts.size() - 1)[0] == n) {
                continue;
            }
            double b = Stability.bound(p, n, SweepExpander.B0_TOLERANCE);
            if (!(b <= cutoff)) {
                break;
            }
            pts.add(new double[]{n, b});
        }
        return new Trace(pts.stream().mapToDouble(q -> q[0]).toArray(), pts.stream().mapToDouble(q -> q[1]).toArray());
    }
}
