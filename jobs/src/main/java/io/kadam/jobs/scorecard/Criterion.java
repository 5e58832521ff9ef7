package io.kadam.jobs.scorecard;

import java.util.Locale;

/**
 * What a claim's measured value must satisfy for the claim to hold, fixed in the code before any
 * data is seen. A claim holds when the whole interval satisfies the criterion, does not hold when
 * none of it does, and is inconclusive when the interval straddles the boundary.
 *
 * @param low  the smallest value that satisfies it (−∞: no lower end)
 * @param high the largest value that satisfies it (+∞: no upper end)
 */
public record Criterion(double low, double high) {

    public Criterion {
        if (!(low <= high) || Double.isNaN(low) || Double.isNaN(high)) {
            throw new IllegalArgumentException("a criterion needs low <= high, got [" + low + ", " + high + "]");
        }
    }

    public static Criterion atMost(double high) {
        return new Criterion(Double.NEGATIVE_INFINITY, high);
    }

    public static Criterion atLeast(double low) {
        return new Criterion(low, Double.POSITIVE_INFINITY);
    }

    public static Criterion within(double low, double high) {
        return new Criterion(low, high);
    }

    public Verdict judge(Estimate e) {
        if (e.low() >= low && e.high() <= high) {
            return Verdict.HOLDS;
        }
        if (e.high() < low || e.low() > high) {
            return Verdict.DOES_NOT_HOLD;
        }
        return Verdict.INCONCLUSIVE;
    }

    /** The criterion as the scorecard states it, e.g. "≤ 0", "≥ 0.5", "in [−0.1, 0.1]". */
    public String describe() {
        if (low == Double.NEGATIVE_INFINITY) {
            return "≤ " + number(high);
        }
        if (high == Double.POSITIVE_INFINITY) {
            return "≥ " + number(low);
        }
        return "in [" + number(low) + ", " + number(high) + "]";
    }

    /** Six significant digits without trailing zeros: 0, 0.1, 1e-30. */
    private static String number(double v) {
        String s = String.format(Locale.ROOT, "%.6g", v);
        int e = s.indexOf('e');
        String mantissa = e < 0 ? s : s.substring(0, e);
        if (mantissa.contains(".")) {
            mantissa = mantissa.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return mantissa + (e < 0 ? "" : s.substring(e));
    }
}
