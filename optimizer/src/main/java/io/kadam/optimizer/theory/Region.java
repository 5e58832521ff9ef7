package io.kadam.optimizer.theory;

/** The three regions of (β, γ) space that the sign of C(β, γ) defines (Section 3.1). */
public enum Region {
    /** C > 0: the max-update is bounded by a constant. */
    B_PLUS("B+"),
    /** C = 0: the boundary curve γ = 2β/(1+β); the bound grows like √n. */
    B_ZERO("B0"),
    /** C < 0: the bound, and in practice the max-update, grows like exp(n|C|/2). */
    B_MINUS("B-");

    private final String label;

    Region(String label) {
        this.label = label;
    }

    /** Short label as written in the paper: "B+", "B0" or "B-". */
    public String label() {
        return label;
    }

    /** Exact classification: only C == 0.0 is B0. */
    public static Region of(double c) {
        return of(c, 0.0);
    }

    /**
     * Classification that treats |C| ≤ tolerance as B0. Points computed on the B0 curve have
     * C of order 1e-16 with either sign, never exactly 0, so callers working with such points
     * pass a small tolerance (1e-12 is ample for points computed in double precision).
     */
    public static Region of(double c, double tolerance) {
        if (Double.isNaN(c)) {
            throw new IllegalArgumentException("c must not be NaN");
        }
        if (!(tolerance >= 0.0 && tolerance < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException(
                    "tolerance must be finite and >= 0, got " + tolerance);
        }
        if (Math.abs(c) <= tolerance) {
            return B_ZERO;
        }
        return c > 0 ? B_PLUS : B_MINUS;
    }
}
