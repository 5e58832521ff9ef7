package io.kadam.optimizer.theory;

/**
 * The stability theory of Section 3 and Appendices D, E, N: C(β, γ), the max-update bound of
 * Eq. 5, its exact discrete counterpart, growth rates, and the annealing factor of Eq. 19.
 *
 * <p>Step convention, as in the paper's Definition 1: u_n is the update made at step
 * n = 0, 1, 2, ..., built from the n + 1 gradients g_0..g_n, so n + 1 steps have been taken
 * once it is applied.
 */
public final class Stability {

    private Stability() {}

    /**
     * C(β, γ) = (2β(1−γ) − γ(1−β)) / (βγ) = 2/γ − 1/β − 1. Evaluated as 2(1−γ)/γ − (1−β)/β: for
     * β, γ near 1 the differences 1−β, 1−γ are exact, so the only cancellation left is between two
     * small terms, instead of between 2/γ ≈ 2 and 1/β + 1 ≈ 2.
     */
    public static double c(double beta, double gamma) {
        return 2.0 * (1.0 - gamma) / gamma - (1.0 - beta) / beta;
    }

    /** Eq. 5 with exact classification of C: see {@link #logBound(AdamPoint, long, double)}. */
    public static double bound(AdamPoint p, long n) {
        return bound(p, n, 0.0);
    }

    /** exp of {@link #logBound(AdamPoint, long, double)}; +Infinity once it overflows (B− only). */
    public static double bound(AdamPoint p, long n, double zeroTolerance) {
        return Math.exp(logBound(p, n, zeroTolerance));
    }

    /** log of Eq. 5 with exact classification of C (only C == 0.0 takes the B0 branch). */
    public static double logBound(AdamPoint p, long n) {
        return logBound(p, n, 0.0);
    }

    /**
     * log of the max-update bound of Theorem 1 (Eq. 5) at step n ≥ 0:
     * ‖u_n‖∞ ≤ √(1−β^(n+1))/(1−γ^(n+1)) · (1−γ)/γ · √(β/(1−β)) · B_n, with B_n = 1/√C in B+,
     * exp(n|C|/2)/√|C| in B−, and √(n+1) in B0. Points with |C| ≤ zeroTolerance count as B0.
     * Computed in log space so that B− does not overflow for large n.
     */
    public static double logBound(AdamPoint p, long n, double zeroTolerance) {
        requireStep(n);
        double c = p.c();
        double logB =
                switch (Region.of(c, zeroTolerance)) {
                    case B_PLUS -> -0.5 * Math.log(c);
                    case B_MINUS -> 0.5 * n * -c - 0.5 * Math.log(-c);
                    // The paper writes √n. We use √(n+1): √n is 0 at n = 0 although |u_0| = 1
                    // always, and an independent PyTorch run on C = 0 measured updates above √n
                    // for the first few dozen steps, never above √(n+1). Read the paper's n as
                    // the number of steps taken, counting this one: u_n (n from 0) averages n + 1
                    // gradients, which is the continuous t/η^p, and the same n + 1 that appears
                    // in the bias correction.
                    case B_ZERO -> 0.5 * Math.log(n + 1.0);
                };
        double logPrefactor =
                Math.log1p(-p.gamma()) - Math.log(p.gamma())
                        + 0.5 * (Math.log(p.beta()) - Math.log1p(-p.beta()));
        return logBiasCorrection(p, n) + logPrefactor + logB;
    }

    /** Exact discrete bound on |u_n|: exp of {@link #logDiscreteBound(AdamPoint, long)}. */
    public static double discreteBound(AdamPoint p, long n) {
        return Math.exp(logDiscreteBound(p, n));
    }

    /**
     * log of the Cauchy–Schwarz bound for Adam's actual recursion m_n = γm_{n−1} + (1−γ)g_n,
     * v_n = βv_{n−1} + (1−β)g_n²: writing γ^i g = (γ/√β)^i · β^(i/2) g,
     * |m_n/√v_n| ≤ (1−γ)/√(1−β) · √(Σ_{i=0..n} r^i) with r = γ²/β, which is attained by
     * g_i ∝ (β/γ)^i. Times the bias correction √(1−β^(n+1))/(1−γ^(n+1)) this bounds |u_n|.
     *
     * <p>In B+ it never exceeds Eq. 5: there γ²C ≤ β − γ² (which rearranges to (β−γ)² ≥ 0), so
     * r < 1 and Σ r^i ≤ β/(β−γ²) ≤ β/(γ²C), i.e. discreteBound(n) ≤ bound(n) for every n.
     */
    public static double logDiscreteBound(AdamPoint p, long n) {
        requireStep(n);
        double logR = 2.0 * Math.log(p.gamma()) - Math.log(p.beta());
        return logBiasCorrection(p, n)
                + Math.log1p(-p.gamma())
                - 0.5 * Math.log1p(-p.beta())
                + 0.5 * logGeometricSum(logR, n);
    }

    /**
     * Predicted slope of log‖u_n‖∞ per step in B−: |C|/2, the exponent of Eq. 5. Returns 0 for
     * C ≥ 0, where the bound does not grow exponentially (the slope is only meaningful in B−).
     */
    public static double predictedSlope(AdamPoint p) {
        double c = p.c();
        return c < 0 ? -0.5 * c : 0.0;
    }

    /**
     * Exact per-step rate of log|u_n| once a coordinate's gradient is exactly zero: m then decays
     * by γ and v by β each step, so m/√v scales by γ/√β, i.e. log γ − ½ log β per step (plus the
     * derivative of the bias correction, negligible late in training). In B− near β, γ ≈ 1 this
     * is a few percent below |C|/2, the continuous-time prediction.
     */
    public static double vanishingGradientRate(AdamPoint p) {
        return Math.log(p.gamma()) - 0.5 * Math.log(p.beta());
    }

    /**
     * Learning-rate factor of the annealing of Appendix N, Eq. 19: η_n = η_0 · exp(−n|C|/2) in B−,
     * which cancels the exponential factor of Eq. 5. In B+ and B0 the bound does not grow
     * exponentially, so the factor is exactly 1.
     */
    public static double annealingFactor(AdamPoint p, long n) {
        requireStep(n);
        double c = p.c();
        return c < 0 ? Math.exp(0.5 * n * c) : 1.0;
    }

    /** log(√(1−β^(n+1)) / (1−γ^(n+1))), with expm1 so that β, γ near 1 keep full precision. */
    private static double logBiasCorrection(AdamPoint p, long n) {
        double steps = n + 1.0;
        return 0.5 * Math.log(-Math.expm1(steps * Math.log(p.beta())))
                - Math.log(-Math.expm1(steps * Math.log(p.gamma())));
    }

    /** log Σ_{i=0..n} e^(i·logR), stable for either sign of logR and for large n. */
    private static double logGeometricSum(double logR, long n) {
        double steps = n + 1.0;
        if (logR == 0.0) {
            return Math.log(steps);
        }
        if (logR < 0.0) {
            return Math.log(Math.expm1(steps * logR) / Math.expm1(logR));
        }
        // r > 1: factor out r^(n+1) so that nothing overflows
        return steps * logR + Math.log(-Math.expm1(-steps * logR)) - Math.log(Math.expm1(logR));
    }

    private static void requireStep(long n) {
        if (n < 0) {
            throw new IllegalArgumentException("n must be >= 0, got " + n);
        }
    }
}
