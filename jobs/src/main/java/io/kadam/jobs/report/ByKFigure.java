package io.kadam.jobs.report;

import io.kadam.jobs.spec.SweepExpander;
import io.kadam.jobs.sql.ResultTables.Table;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.awt.Color;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * Paper Fig. 6 / 16, from best_accuracy or best_loss_by_k of a product sweep: the best result over
 * lr × weight decay against k, one line per strategy (color and marker) and coupling (solid
 * decoupled, dashed coupled), with k = 1, Adam / AdamW, in red.
 */
final class ByKFigure {

    static final String ACCURACY_FILE = "best_accuracy_vs_k.png";
    static final String LOSS_FILE = "best_loss_vs_k.png";
    private static final Color ADAM = new Color(220, 0, 0);

    private ByKFigure() {}

    static Optional<Figure> accuracy(SweepData data) {
        return build(data, Table.BEST_ACCURACY, "best_accuracy", 100, ACCURACY_FILE, "Best test accuracy vs k",
                "best test accuracy  (%)", "The best test accuracy over learning rate × weight decay at each k, one line per "
                        + "strategy (solid: decoupled, dashed: coupled weight decay), with k = 1 (Adam / AdamW) in red: a line "
                        + "above the red point at some k > 1 means k-Adam beat Adam there.");
    }

    static Optional<Figure> loss(SweepData data) {
        return build(data, Table.BEST_LOSS_BY_K, "best_test_loss", 1, LOSS_FILE, "Best test loss vs k",
                "best test loss  (cross-entropy, nats)", "The best test loss over learning rate × weight decay at each k, one "
                        + "line per strategy (solid: decoupled, dashed: coupled weight decay), with k = 1 (Adam / AdamW) in red: "
                        + "a line below the red point at some k > 1 means k-Adam beat Adam there.");
    }

    private static Optional<Figure> build(SweepData data, Table table, String column, double scale, String file, String title,
                                          String yTitle, String caption) {
        TableData t = data.table(table);
        if (!data.isProductGrid() || t.isEmpty()) {
            return Optional.empty();
        }
        List<Integer> rows = IntStream.range(0, t.size()).filter(i -> Double.isFinite(t.number(i, column)))
                .boxed().sorted(Comparator.comparingDouble(i -> t.number(i, "k"))).toList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Map<String, List<Integer>> groups = new LinkedHashMap<>();
        boolean bothCouplings = rows.stream().map(i -> t.text(i, "coupling")).distinct().count() > 1;
        for (int i : rows) {
            String label = t.text(i, "strategy").equals(SweepExpander.ADAM) ? "Adam" : t.text(i, "strategy");
            groups.computeIfAbsent(bothCouplings ? label + ", " + t.text(i, "coupling") : label, g -> new ArrayList<>()).add(i);
        }
        XYChart chart = ChartStyle.chart(title, "k  (normalization levels; k = 1 is Adam)", yTitle);
        chart.getStyler().setXAxisDecimalPattern("0"); // XChart puts the ticks at the k values
        for (Map.Entry<String, List<Integer>> g : groups.entrySet()) {
            int first = g.getValue().get(0);
            String strategy = t.text(first, "strategy");
            ChartStyle.linePoints(chart, g.getKey(), g.getValue().stream().mapToDouble(i -> t.number(i, "k")).toArray(),
                    g.getValue().stream().mapToDouble(i -> scale * t.number(i, column)).toArray(), color(strategy), marker(strategy),
                    "coupled".equals(t.text(first, "coupling")) ? ChartStyle.DASHED : ChartStyle.SOLID);
        }
        List<Integer> adam = rows.stream().filter(i -> t.number(i, "k") == 1).toList();
        if (!adam.isEmpty()) {
            ChartStyle.points(chart, "k = 1: Adam / AdamW", adam.stream().mapToDouble(i -> 1.0).toArray(),
                    adam.stream().mapToDouble(i -> scale * t.number(i, column)).toArray(), ADAM, SeriesMarkers.CIRCLE);
        }
        return Optional.of(new Figure(file, caption, chart));
    }

    private static Color color(String strategy) {
        return switch (strategy) {
            case "inverse-exp" -> new Color(31, 90, 180);
            case "exp" -> new Color(230, 120, 0);
            case "scaled" -> new Color(30, 140, 60);
            case "naive" -> new Color(120, 60, 170);
            case "explicit" -> new Color(140, 90, 40);
            default -> new Color(90, 90, 90);
        };
    }

    private static Marker marker(String strategy) {
        return switch (strategy) {
            case "inverse-exp" -> SeriesMarkers.SQUARE;
            case "exp" -> SeriesMarkers.DIAMOND;
            case "scaled" -> SeriesMarkers.TRIANGLE_UP;
            case "naive" -> SeriesMarkers.TRIANGLE_DOWN;
            default -> SeriesMarkers.CROSS;
        };
    }
}
