package io.kadam.jobs.report;

import io.kadam.jobs.sql.ResultTables.Table;
import org.knowm.xchart.XYChart;

import java.awt.Color;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * Paper Fig. 4b, from best_loss: each trial's best test loss within the first N₁ and N₂
 * iterations against C (or against the arc position s when C does not vary, as on a level curve).
 */
final class BestLossFigure {

    static final String FILE = "best_loss.png";
    private static final Color FIRST = new Color(230, 120, 0);
    private static final Color SECOND = new Color(100, 40, 160);

    private BestLossFigure() {}

    static Optional<Figure> build(SweepData data) {
        TableData t = data.table(Table.BEST_LOSS);
        if (data.isProductGrid() || t.isEmpty()) {
            return Optional.empty();
        }
        String x = range(t, "c") > 1e-6 ? "c" : range(t, "arc_s") > 0 ? "arc_s" : null;
        if (x == null) {
            return Optional.empty();
        }
        long n1 = data.params().n1();
        long n2 = data.params().n2();
        List<String> horizons = n1 == n2 ? List.of("best_loss_n2") : List.of("best_loss_n1", "best_loss_n2");
        if (horizons.stream().noneMatch(h -> IntStream.range(0, t.size()).anyMatch(i -> Double.isFinite(t.number(i, h))))) {
            return Optional.empty(); // no evaluations in this sweep
        }
        XYChart chart = ChartStyle.chart("Best test loss vs " + (x.equals("c") ? "C" : "position on the curve"),
                x.equals("c") ? "C(β, γ) = 2/γ − 1/β − 1" : "s  (arc length along the swept curve in the (β, γ) plane)",
                "best test loss  (cross-entropy, nats)");
        if (x.equals("c")) {
            chart.getStyler().setXAxisDecimalPattern("0.####");
        }
        double yLo = Double.POSITIVE_INFINITY;
        double yHi = Double.NEGATIVE_INFINITY;
        List<Runnable> series = new ArrayList<>();
        for (String h : horizons) {
            long horizon = h.equals("best_loss_n1") ? n1 : n2;
            Color color = h.equals("best_loss_n1") ? FIRST : SECOND;
            for (String region : RegionStyle.REGIONS) {
                List<Integer> rows = IntStream.range(0, t.size())
                        .filter(i -> region.equals(t.text(i, "region")) && Double.isFinite(t.number(i, h)) && Double.isFinite(t.number(i, x)))
                        .boxed().sorted(Comparator.comparingDouble(i -> t.number(i, x))).toList();
                for (int i : rows) {
                    yLo = Math.min(yLo, t.number(i, h));
                    yHi = Math.max(yHi, t.number(i, h));
                }
                if (!rows.isEmpty()) {
                    series.add(() -> ChartStyle.linePoints(chart, "first " + horizon + " iterations, " + RegionStyle.label(region),
                            rows.stream().mapToDouble(i -> t.number(i, x)).toArray(), rows.stream().mapToDouble(i -> t.number(i, h)).toArray(),
                            color, RegionStyle.marker(region), ChartStyle.SOLID));
                }
            }
        }
        if (x.equals("c") && min(t, "c") < 0 && max(t, "c") > 0) {
            ChartStyle.vertical(chart, "C = 0 (B0)", 0, yLo, yHi);
        }
        series.forEach(Runnable::run);
        String horizonText = horizons.size() == 1 ? "the first " + n2 + " iterations" : "the first " + n1 + " (orange) and "
                + n2 + " (purple) iterations";
        return Optional.of(new Figure(FILE, "Each trial's best test loss within " + horizonText + " (circles B+, diamonds B−) against "
                + (x.equals("c") ? "C" : "its position s on the curve") + ": in B+ a larger C should reach a lower loss early, "
                + "the points evening out with more iterations, and the loss should rise sharply into B−.", chart));
    }

    private static double range(TableData t, String column) {
        return max(t, column) - min(t, column);
    }

    private static double min(TableData t, String column) {
        return IntStream.range(0, t.size()).mapToDouble(i -> t.number(i, column)).filter(Double::isFinite).min().orElse(Double.NaN);
    }

    private static double max(TableData t, String column) {
        return IntStream.range(0, t.size()).mapToDouble(i -> t.number(i, column)).filter(Double::isFinite).max().orElse(Double.NaN);
    }
}
