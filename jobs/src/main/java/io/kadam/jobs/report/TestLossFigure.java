package io.kadam.jobs.report;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Paper Fig. 4a: the test loss over iterations, one line per trial, shaded by C. */
final class TestLossFigure {

    static final String FILE = "test_loss.png";

    private TestLossFigure() {}

    static Optional<Figure> build(SweepData data) {
        if (data.isProductGrid()) {
            return Optional.empty();
        }
        List<TrialInfo> trials = data.trials().stream()
                .filter(t -> data.testLoss().containsKey(t.trialId()) && !data.testLoss().get(t.trialId()).isEmpty()).toList();
        if (trials.stream().noneMatch(t -> data.testLoss().get(t.trialId()).size() >= 2)) {
            return Optional.empty(); // no evaluations, or only one per trial: see the best-loss figure
        }
        TrialPalette palette = data.isB0Sweep() ? TrialPalette.byBeta(trials) : TrialPalette.byC(trials);
        XYChart chart = ChartStyle.chart("Test loss per trial", "iteration n  (evaluated after n + 1 updates)",
                "test loss  (cross-entropy, nats)");
        chart.getStyler().setMarkerSize(5);
        double cap = cap(data, trials);
        boolean capped = trials.stream().anyMatch(t -> Arrays.stream(data.testLoss().get(t.trialId()).y()).anyMatch(y -> y > cap));
        if (capped) {
            chart.getStyler().setYAxisMax(cap);
        }
        for (TrialInfo t : palette.order()) {
            Trace trace = data.testLoss().get(t.trialId());
            ChartStyle.linePoints(chart, palette.label(t), trace.x(), trace.y(), palette.color(t), SeriesMarkers.CIRCLE,
                    ChartStyle.SOLID).setShowInLegend(palette.inLegend(t));
        }
        String shades = data.isB0Sweep() ? "darker green = larger β" : "red shades B−, blue shades B+, darker = larger |C|";
        return Optional.of(new Figure(FILE, "The test loss of each trial over training (" + shades + "): in B+ a larger C should "
                + "generalize faster early on, while B− trials fall behind or get worse as their updates grow" + (capped ? " (the axis stops at " + Fmt.num(cap) + ": higher losses run off the top)." : "."),
                chart));
    }

    /**
     * The top of the y axis: 1.25 times the highest first evaluation (about the untrained loss), so
     * that one diverging trial's loss of thousands does not flatten every other line.
     */
    static double cap(SweepData data, List<TrialInfo> trials) {
        return 1.25 * trials.stream().mapToDouble(t -> data.testLoss().get(t.trialId()).y()[0]).max().orElse(Double.NaN);
    }
}
