package io.kadam.optimizer.theory;

import static io.kadam.optimizer.theory.AdamPointTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.IntToDoubleFunction;
import org.junit.jupiter.api.Test;

class StabilityTest {

    private static final AdamPoint DEFAULTS = new AdamPoint(0.999, 0.9);
    private static final AdamPoint SWAPPED = new AdamPoint(0.9, 0.999); // C = −109/999

    @Test
    void boundAtStepZeroInBPlus() {
        // At n = 0 the bias correction is √(1−β)/(1−γ), so Eq. 5 reads
        // √(1−β)/(1−γ) · (1−γ)/γ · √β/√(1−β) · 1/√C = √β / (γ√C).
        for (AdamPoint p : List.of(DEFAULTS, new AdamPoint(0.5, 0.3), new AdamPoint(0.99, 0.95))) {
            double expected = Math.sqrt(p.beta()) / (p.gamma() * Math.sqrt(p.c()));
            assertEquals(expected, Stability.bound(p, 0), 1e-13 * expected, p::toString);
        }
        // PyTorch defaults by hand: √0.999 / (0.9 · √(221/999)) = 0.999500 / (0.9 · 0.470341)
        assertEquals(2.3611, Stability.bound(DEFAULTS, 0), 1e-4);
    }

    @Test
    void bMinusLogBoundGrowsByHalfAbsCPerStep() {
        // late enough that both bias corrections are 1 to double precision (0.999^50000 ≈ 2e-22)
        long n = 50_000;
        double perStep = Stability.logBound(SWAPPED, n + 1) - Stability.logBound(SWAPPED, n);
        assertEquals(109.0 / 1998.0, perStep, 1e-9 * 109.0 / 1998.0);
        assertEquals(109.0 / 1998.0, Stability.predictedSlope(SWAPPED), 1e-15);
        assertEquals(0.0, Stability.predictedSlope(DEFAULTS));
    }

    @Test
    void bZeroUsesTheNumberOfGradientsAveraged() {
        // β = 1/2, γ = 2/3 lies on B0. (1−γ)/γ = 1/2 and √(β/(1−β)) = 1, so Eq. 5 with √(n+1) is
        // ½ · √(1 − 2^−(n+1)) / (1 − (2/3)^(n+1)) · √(n+1).
        AdamPoint p = new AdamPoint(0.5, 2.0 / 3.0);
        double tol = 1e-12;
        assertEquals(Region.B_ZERO, Region.of(p.c(), tol));
        // n = 0: ½ · √(1/2) / (1/3) · 1 = 3/(2√2); √n would give 0, yet |u_0| = 1 always
        assertEquals(3 / (2 * Math.sqrt(2)), Stability.bound(p, 0, tol), 1e-14);
        // n = 3: ½ · √(15/16) / (65/81) · 2
        assertEquals(Math.sqrt(15.0 / 16.0) * 81.0 / 65.0, Stability.bound(p, 3, tol), 1e-14);
        for (long n = 0; n < 200; n++) {
            assertTrue(Stability.bound(p, n, tol) >= 1.0, "the bound must admit |u_n| = 1, n = " + n);
        }
    }

    @Test
    void betaNearOneStaysFiniteAndAccurate() {
        AdamPoint p = new AdamPoint(1 - 1e-12, 0.9);
        for (long n : new long[] {0, 1, 1000, 1_000_000_000L}) {
            double b = Stability.bound(p, n);
            assertTrue(b > 0 && Double.isFinite(b), "bound(" + n + ") = " + b);
            double d = Stability.discreteBound(p, n);
            assertTrue(d > 0 && d <= b, "discreteBound(" + n + ") = " + d);
        }
        double expected = Math.sqrt(p.beta()) / (p.gamma() * Math.sqrt(p.c()));
        assertEquals(expected, Stability.bound(p, 0), 1e-12 * expected);
        // (1−β^(n+1)) = (n+1)·1e-12 to first order: naive 1 − Math.pow(β, 2) is off by 1e-4 here
        double naiveBias = Math.sqrt(1 - Math.pow(p.beta(), 2)) / (1 - Math.pow(p.gamma(), 2));
        double exactBias = Math.sqrt(2e-12 - 1e-24) / (1 - 0.81);
        assertTrue(Math.abs(naiveBias / exactBias - 1) > 1e-6, "the naive form should be inaccurate here");
        double prefactor = 0.1 / 0.9 * Math.sqrt(p.beta() / 1e-12);
        double c = 2 * 0.1 / 0.9 - 1e-12 / p.beta();
        assertEquals(exactBias * prefactor / Math.sqrt(c), Stability.bound(p, 1), 1e-12 * Stability.bound(p, 1));
    }

    @Test
    void logBoundDoesNotOverflowFarIntoBMinus() {
        double log = Stability.logBound(SWAPPED, 1_000_000);
        assertTrue(Double.isFinite(log));
        assertEquals(1e6 * 109.0 / 1998.0, log, 10.0);
        assertEquals(Double.POSITIVE_INFINITY, Stability.bound(SWAPPED, 1_000_000));
        assertTrue(Double.isFinite(Stability.logDiscreteBound(SWAPPED, 1_000_000)));
    }

    @Test
    void discreteBoundNeverExceedsEquationFiveInBPlus() {
        int points = 0;
        for (int i = 1; i < 40; i++) {
            for (int j = 1; j < 40; j++) {
                double beta = i < 39 ? i / 40.0 : 0.999;
                AdamPoint p = new AdamPoint(beta, j / 40.0);
                if (p.c() <= 0) {
                    continue;
                }
                points++;
                for (long n = 0; n <= 5000; n++) {
                    // on the diagonal β = γ the two coincide as n → ∞: allow rounding
                    double d = Stability.logDiscreteBound(p, n);
                    double b = Stability.logBound(p, n);
                    if (d > b + 1e-12) {
                        throw new AssertionError(p + " n=" + n + ": log discrete " + d + " > log bound " + b);
                    }
                }
            }
        }
        assertTrue(points > 500);
    }

    @Test
    void discreteBoundIsAttainedByGeometricGradients() {
        // Cauchy–Schwarz is an equality for g_i = (β/γ)^i at every n: an independent check of
        // the closed form, including B− points (the discrete bound holds everywhere)
        for (AdamPoint p : List.of(DEFAULTS, new AdamPoint(0.5, 0.3), SWAPPED, new AdamPoint(0.9, 0.95))) {
            double[] u = simulate(p, 300, i -> Math.pow(p.beta() / p.gamma(), i));
            for (int n = 0; n < u.length; n++) {
                double d = Stability.discreteBound(p, n);
                assertEquals(d, Math.abs(u[n]), 1e-12 * d, p + " n=" + n);
            }
        }
    }

    @Test
    void simulatedAdamStaysBelowBothBounds() {
        List<AdamPoint> points = List.of(DEFAULTS, new AdamPoint(0.99, 0.9), new AdamPoint(0.95, 0.5),
                new AdamPoint(0.6, 0.5), new AdamPoint(0.9, 0.85), new AdamPoint(0.7, 0.75), new AdamPoint(0.999, 0.99));
        int steps = 1000;
        for (AdamPoint p : points) {
            assertTrue(p.c() > 0);
            for (long seed = 1; seed <= 5; seed++) {
                for (double[] g : gradientSequences(new Random(seed), steps)) {
                    double[] u = simulate(p, steps, i -> g[i]);
                    for (int n = 0; n < steps; n++) {
                        double d = Stability.discreteBound(p, n);
                        double b = Stability.bound(p, n);
                        if (!(Math.abs(u[n]) <= d * (1 + 1e-12) && d <= b * (1 + 1e-12))) {
                            throw new AssertionError(p + " seed " + seed + " n=" + n
                                    + ": |u|=" + Math.abs(u[n]) + " discrete=" + d + " bound=" + b);
                        }
                    }
                }
            }
        }
    }

    @Test
    void vanishingGradientSlopeMatchesTheDiscreteRate() {
        // once g is exactly 0 the measured slope of log|u_n| is log γ − ½ log β; for β ≤ 0.99 the
        // bias correction's own slope is below 1e-6 at n = 1000
        List<AdamPoint> points = List.of(new AdamPoint(0.99, 0.9), new AdamPoint(0.95, 0.9),
                new AdamPoint(0.9, 0.85), new AdamPoint(0.9, 0.95), new AdamPoint(0.8, 0.99));
        for (AdamPoint p : points) {
            double measured = slopeAt1000AfterGradientsStop(p, 0);
            double rate = Stability.vanishingGradientRate(p);
            assertEquals(rate, measured, 1e-3 * Math.abs(rate), p::toString);
        }
    }

    @Test
    void onTheFig3SectionTheDiscreteRateIsAFewPercentBelowHalfAbsC() {
        // Points of the normal curve through (0.999, 0.9) in B−. There γ ≈ 0.99..0.999, so at
        // n = 1000 the bias correction 1/(1−γ^(n+1)) still has a slope of a few 1e-4: remove it
        // (computed directly from its definition) before comparing with log γ − ½ log β.
        NormalCurve curve = NormalCurve.through(DEFAULTS);
        StringBuilder report = new StringBuilder();
        List<Double> relativeDifferences = new ArrayList<>();
        for (double beta = 0.952; beta <= 0.9590001; beta += 0.001) {
            AdamPoint p = new AdamPoint(beta, curve.gamma(beta));
            double measured = slopeAt1000AfterGradientsStop(p, 1);
            double biasSlope = (Math.log(bias(p, 1005)) - Math.log(bias(p, 995))) / 10;
            double rate = Stability.vanishingGradientRate(p);
            assertEquals(rate, measured - biasSlope, 1e-3 * rate, p::toString);
            double halfAbsC = Stability.predictedSlope(p);
            double rel = (halfAbsC - rate) / halfAbsC;
            relativeDifferences.add(rel);
            report.append(String.format(" beta=%.3f |C|/2=%.6f rate=%.6f measured=%.6f below by %.2f%%;",
                    beta, halfAbsC, rate, measured, 100 * rel));
        }
        for (double rel : relativeDifferences) {
            assertTrue(rel > 0 && rel < 0.06, "rate vs |C|/2:" + report);
        }
        System.out.println("fig3 section, rate vs |C|/2:" + report);
    }

    @Test
    void annealingFactor() {
        assertEquals(1.0, Stability.annealingFactor(SWAPPED, 0));
        // exp(−n|C|/2) with |C| = 109/999: exp(−1000 · 109/1998)
        assertEquals(Math.exp(-109000.0 / 1998.0), Stability.annealingFactor(SWAPPED, 1000), 1e-12 * 2e-24);
        assertEquals(1.0, Stability.annealingFactor(DEFAULTS, 0));
        assertEquals(1.0, Stability.annealingFactor(DEFAULTS, 1000));
        assertEquals(1.0, Stability.annealingFactor(DEFAULTS, Long.MAX_VALUE));
        assertMessage("n must be >= 0, got -1", () -> Stability.annealingFactor(DEFAULTS, -1));
        assertMessage("n must be >= 0, got -1", () -> Stability.bound(DEFAULTS, -1));
        assertMessage("n must be >= 0, got -1", () -> Stability.discreteBound(DEFAULTS, -1));
    }

    /** Scalar Adam, as in Definition 1: u_n = √(1−β^(n+1))/(1−γ^(n+1)) · m_n/√v_n. */
    static double[] simulate(AdamPoint p, int steps, IntToDoubleFunction gradient) {
        double m = 0;
        double v = 0;
        double[] u = new double[steps];
        for (int n = 0; n < steps; n++) {
            double g = gradient.applyAsDouble(n);
            m = p.gamma() * m + (1 - p.gamma()) * g;
            v = p.beta() * v + (1 - p.beta()) * g * g;
            if (v == 0) {
                u[n] = 0; // no gradient seen yet
                continue;
            }
            assertTrue(v >= Double.MIN_NORMAL, "v became subnormal: pick a shorter run");
            u[n] = bias(p, n) * m / Math.sqrt(v);
        }
        return u;
    }

    static double bias(AdamPoint p, int n) {
        return Math.sqrt(1 - Math.pow(p.beta(), n + 1)) / (1 - Math.pow(p.gamma(), n + 1));
    }

    /** Slope of log|u| around n = 1000 when the gradient is random for 50 steps, then exactly 0. */
    private static double slopeAt1000AfterGradientsStop(AdamPoint p, long seed) {
        Random random = new Random(seed);
        double[] g = new double[1006];
        for (int i = 0; i < 50; i++) {
            g[i] = random.nextGaussian();
        }
        double[] u = simulate(p, g.length, i -> g[i]);
        return (Math.log(Math.abs(u[1005])) - Math.log(Math.abs(u[995]))) / 10;
    }

    /** Gaussian, heavy-tailed (Cauchy), wildly scaled, stopping, and sparse gradient sequences. */
    private static List<double[]> gradientSequences(Random random, int steps) {
        double[] gaussian = new double[steps];
        double[] cauchy = new double[steps];
        double[] scaled = new double[steps];
        double[] stops = new double[steps];
        double[] sparse = new double[steps];
        int stopAt = 1 + random.nextInt(300);
        for (int i = 0; i < steps; i++) {
            gaussian[i] = random.nextGaussian();
            cauchy[i] = Math.tan(Math.PI * (random.nextDouble() - 0.5));
            scaled[i] = random.nextGaussian() * Math.exp(10 * random.nextGaussian());
            stops[i] = i < stopAt ? random.nextGaussian() + 0.5 : 0.0;
            sparse[i] = random.nextDouble() < 0.02 ? random.nextGaussian() : 0.0;
        }
        return List.of(gaussian, cauchy, scaled, stops, sparse);
    }
}
