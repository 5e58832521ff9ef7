package io.kadam.optimizer.theory;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Rows of theory predictions for a list of points, and their plain-text table. */
public final class TheoryTable {

    private static final String HEADER_FORMAT = "%10s  %9s  %9s  %13s  %6s  %11s  %13s  %8s  %11s%n";
    private static final String ROW_FORMAT =
            "%10s  %9.6f  %9.6f  %13.6g  %6s  %11.4g  %13.6g  %8d  %11.4g%n";

    private TheoryTable() {}

    public static List<TheoryRow> rows(List<AdamPoint> points, long n) {
        List<TheoryRow> rows = new ArrayList<>(points.size());
        for (AdamPoint p : points) {
            rows.add(TheoryRow.of(p, n));
        }
        return rows;
    }

    public static List<TheoryRow> rowsAlong(List<CurvePoint> points, long n) {
        List<TheoryRow> rows = new ArrayList<>(points.size());
        for (CurvePoint cp : points) {
            rows.add(TheoryRow.of(cp, n));
        }
        return rows;
    }

    /**
     * Fixed-width table: a header line, then one line per row. beta is Adam's β (PyTorch beta2),
     * gamma is γ (PyTorch beta1); s is "-" for points not taken from a curve.
     */
    public static String format(List<TheoryRow> rows) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, HEADER_FORMAT,
                "s", "beta", "gamma", "C", "region", "|C|/2", "ln g-ln(b)/2", "n", "bound(n)"));
        for (TheoryRow r : rows) {
            String s = r.arcPosition().isPresent()
                    ? String.format(Locale.ROOT, "%.6f", r.arcPosition().getAsDouble())
                    : "-";
            out.append(String.format(Locale.ROOT, ROW_FORMAT,
                    s, r.beta(), r.gamma(), r.c(), r.region().label(), r.predictedSlope(),
                    r.vanishingGradientRate(), r.n(), r.bound()));
        }
        return out.toString();
    }
}
