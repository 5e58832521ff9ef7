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
 * Paper Fig. 3b, from slope_vs_c: the measured slope of log‖u_n‖∞ at n against C, with the
 * predicted |C|/2 (in B−; 0 in B+) and the exact discrete rate ln γ − ½ ln β.
 */
final class SlopeFigure {

    static final String FILE = "slope_vs_c.png";

    private SlopeFigure() {}

    static Optional<Figure> build(SweepData data) {
        TableData t = data.table(Table.SLOPE_VS_C);
        if (data.isProductGrid() || t.isEmpty()) {
            return Optional.empty();
        }
        List<Integer> rows = IntStream.range(0, t.size()).filter(i -> Double.isFinite(t.number(i, "c")))
                .boxed().sorted(Comparator.comparingDouble(i -> t.number(i, "c"))).toList();
        List<Integer> measured = rows.stream().filter(i -> Double.isFinite(t.number(i, "measured_slope"))).toList();
        if (measured.isEmpty()) {
            return Optional.empty();
        }
        double cLo = t.number(rows.get(0), "c");
        double cHi = t.number(rows.get(rows.size() - 1), "c");
        if (!(cHi - cLo > 1e-6)) {
            return Optional.empty(); // one value of C (a level curve, B0): nothing to plot against
        }
        long n = data.params().slopeStep();
        XYChart chart = ChartStyle.chart("Growth rate of the max-update vs C",
                "C(β, γ) = 2/γ − 1/β − 1", "slope d log‖u_n‖∞ / dn at n = " + n + "  (per iteration)");

        chart.getStyler().setXAxisDecimalPattern("0.####").setYAxisDecimalPattern("0.#####");
        double yLo = 0;
        double yHi = 0;
        for (int i : rows) {
            for (String col : List.of("measured_slope", "discrete_rate", "predicted_slope")) {
                double v = t.number(i, col);
                if (Double.isFinite(v)) {
                    yLo = Math.min(yLo, v);
                    yHi = Math.max(yHi, v);
                }
            }
        }
        if (cLo < 0 && cHi > 0) {
            ChartStyle.vertical(chart, "C = 0 (B0)", 0, yLo, yHi);
        }
        List<double[]> predicted = new ArrayList<>();
        predicted.add(new double[]{cLo, Math.max(0, -cLo / 2)});
        if (cLo < 0 && cHi > 0) {
            predicted.add(new double[]{0, 0});
        }
        predicted.add(new double[]{cHi, Math.max(0, -cHi / 2)});
        ChartStyle.line(chart, "predicted |C|/2 (B−), 0 (B+)", predicted.stream().mapToDouble(p -> p[0]).toArray(),
                predicted.stream().mapToDouble(p -> p[1]).toArray(), Color.BLACK, ChartStyle.DASHED);
        List<Integer> discrete = rows.stream().filter(i -> Double.isFinite(t.number(i, "discrete_rate"))).toList();
        if (!discrete.isEmpty()) {
            ChartStyle.line(chart, "ln γ − ½ ln β (exact rate, zero gradient)", column(t, discrete, "c"),
                    column(t, discrete, "discrete_rate"), new Color(110, 110, 110), ChartStyle.DOTTED);
        }
        for (String region : RegionStyle.REGIONS) {
            List<Integer> in = measured.stream().filter(i -> region.equals(t.text(i, "region"))).toList();
            if (!in.isEmpty()) {
                ChartStyle.points(chart, "measured, " + RegionStyle.label(region), column(t, in, "c"),
                        column(t, in, "measured_slope"), RegionStyle.color(region), RegionStyle.marker(region));
            }
        }
        return Optional.of(new Figure(FILE, "The measured slope of log‖u_n‖∞ between n = " + (n - 5) + " and " + (n + 5)
                + " (markers by region) against C: in B− it should lie on the predicted |C|/2 (dashed), a few percent below it "
                + "on the exact discrete rate ln γ − ½ ln β (dotted); in B+ it should be near 0.", chart));
    }

    private static double[] column(TableData t, List<Integer> rows, String column) {
        return rows.stream().mapToDouble(i -> t.number(i, column)).toArray();
    }
}
