package io.kadam.optimizer.theory;

import static io.kadam.optimizer.theory.AdamPointTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

class CurveTest {

    private static final AdamPoint DEFAULTS = new AdamPoint(0.999, 0.9);
    // 2·0.999³ + 0.9³, written out: 0.999³ = 0.997002999
    private static final double K = 2 * 0.997002999 + 0.729;

    @Test
    void normalCurveThroughPytorchDefaults() {
        NormalCurve curve = NormalCurve.through(DEFAULTS);
        assertEquals(K, curve.k(), 1e-15);
        assertEquals(0.9, curve.gamma(0.999), 1e-12);
        assertEquals(0.999, curve.beta(0.9), 1e-12);
        // experiments.md: γ reaches 1 at β = 0.951522, and at β = 1, γ = 0.897527
        assertEquals(0.951522, curve.betaRange().lo(), 1e-6);
        assertEquals(1.0, curve.betaRange().hi());
        assertEquals(1.0, curve.gamma(curve.betaRange().lo()), 1e-15);
        assertEquals(0.897527, curve.gamma(1.0), 1e-6);
        assertEquals(new Vec2(1.0, curve.gamma(1.0)), curve.upperEnd());
        // at that end C(β, 1) = −(1−β)/β = −0.048478/0.951522 = −0.050948 (experiments.md's
        // "C ≈ −0.0487" is C at β = 0.952, the first point of the fig3 section)
        double lo = curve.betaRange().lo();
        assertEquals(-0.050948, Stability.c(lo, 1.0), 1e-6);
    }

    @Test
    void normalCurveCrossesBZeroOnceWhereExperimentsSay() {
        NormalCurve curve = NormalCurve.through(DEFAULTS);
        AdamPoint zero = curve.crossingOfZero().orElseThrow();
        // experiments.md: C = 0 at β = 0.961920 (γ = 0.980591)
        assertEquals(0.961920, zero.beta(), 1e-6);
        assertEquals(0.980591, zero.gamma(), 1e-6);
        assertEquals(0.0, zero.c(), 1e-14);
        assertEquals(2 * zero.beta() / (1 + zero.beta()), zero.gamma(), 1e-14);

        List<CurvePoint> points = curve.whole().points(10_000);
        int signChanges = 0;
        for (int i = 1; i < points.size(); i++) {
            double before = points.get(i - 1).point().c();
            double after = points.get(i).point().c();
            assertTrue(after > before, "C must increase along the curve, at i = " + i);
            if (Math.signum(before) != Math.signum(after)) {
                signChanges++;
            }
        }
        assertEquals(1, signChanges);
        assertTrue(curve.crossing(100.0).isEmpty(), "C stays below 2(1−γ)/γ at β = 1");
    }

    @Test
    void normalCurveIsPerpendicularToLevelCurves() {
        NormalCurve normal = NormalCurve.through(DEFAULTS);
        DoubleUnaryOperator normalGamma = b -> Math.cbrt(K - 2 * b * b * b);

        AdamPoint zero = normal.crossingOfZero().orElseThrow();
        DoubleUnaryOperator bZero = b -> 2 * b / (1 + b);
        assertEquals(0.0, dotOfFiniteDifferenceTangents(normalGamma, bZero, zero.beta()), 1e-6);

        double c = 221.0 / 999.0;
        DoubleUnaryOperator level = b -> 2 * b / (1 + (1 + c) * b);
        assertEquals(0.0, dotOfFiniteDifferenceTangents(normalGamma, level, 0.999), 1e-6);
        // and the level curve of the class passes through the defaults
        assertEquals(0.9, LevelCurve.through(DEFAULTS).gamma(0.999), 1e-12);
    }

    @Test
    void tangentsMatchFiniteDifferences() {
        List<Curve> curves = List.of(NormalCurve.through(DEFAULTS), NormalCurve.through(new AdamPoint(0.3, 0.2)),
                LevelCurve.through(DEFAULTS), LevelCurve.of(-0.5), LevelCurve.of(0.0));
        for (Curve curve : curves) {
            Curve.BetaRange range = curve.betaRange();
            for (int i = 1; i < 20; i++) {
                double b = range.lo() + i * (range.hi() - range.lo()) / 20;
                Vec2 expected = finiteDifferenceTangent(curve::gamma, b);
                Vec2 t = curve.tangent(b);
                assertEquals(1.0, t.norm(), 1e-15);
                assertEquals(1.0, t.dot(expected), 1e-9, curve + " at beta " + b);
            }
        }
    }

    @Test
    void normalCurveWithAVerticalEnd() {
        // K = 2·0.027 + 0.008 = 0.062 < 1: starts on β = 0 at γ = 0.062^(1/3), ends on γ = 0 at
        // β = 0.031^(1/3) ≈ 0.3141, where dγ/dβ = −2β²/γ² is infinite
        NormalCurve curve = NormalCurve.through(new AdamPoint(0.3, 0.2));
        assertEquals(0.0, curve.betaRange().lo());
        assertEquals(0.314138, curve.betaRange().hi(), 1e-6);
        assertEquals(new Vec2(0.0, Math.cbrt(0.062)), curve.lowerEnd());
        assertEquals(0.0, curve.upperEnd().gamma());
        assertEquals(0.2, curve.gamma(0.3), 1e-12);
        assertEquals(new Vec2(0, -1), curve.tangent(curve.upperEnd().beta(), 0.0));
    }

    @Test
    void levelCurveRanges() {
        // c = 0 is B0: γ = 2β/(1+β), through the corner (1, 1)
        LevelCurve zero = LevelCurve.of(0.0);
        assertEquals(2 * 0.5 / 1.5, zero.gamma(0.5), 1e-15);
        assertEquals(new Curve.BetaRange(0.0, 1.0), zero.betaRange());
        assertEquals(new Vec2(1.0, 1.0), zero.upperEnd());
        // c = −0.5 reaches γ = 1 at β = 1/(1 − c) = 2/3
        LevelCurve negative = LevelCurve.of(-0.5);
        assertEquals(2.0 / 3.0, negative.betaRange().hi(), 1e-15);
        assertEquals(1.0, negative.gamma(2.0 / 3.0), 1e-15);
        // c = −3 (< −1): γ = 2β/(1 − 2β) reaches 1 at β = 1/4, before the denominator vanishes
        assertEquals(0.25, LevelCurve.of(-3).betaRange().hi(), 1e-15);
        // c = 2 reaches β = 1 at γ = 2/(2+c) = 1/2
        assertEquals(new Vec2(1.0, 0.5), LevelCurve.of(2).upperEnd());
        for (double c : new double[] {-3, -0.5, 0, 0.2, 2}) {
            LevelCurve curve = LevelCurve.of(c);
            assertEquals(0.3, curve.beta(curve.gamma(0.3)), 1e-15);
            AdamPoint p = new AdamPoint(0.2, curve.gamma(0.2));
            assertEquals(c, p.c(), 1e-13);
        }
    }

    @Test
    void rejectsBadCurves() {
        assertMessage("c must be finite, got NaN", () -> LevelCurve.of(Double.NaN));
        assertMessage("c must be finite, got Infinity", () -> LevelCurve.of(Double.POSITIVE_INFINITY));
        assertMessage("k must be in (0, 3) for the curve to enter the unit square, got 3.0", () -> new NormalCurve(3));
        assertMessage("k must be in (0, 3) for the curve to enter the unit square, got 0.0", () -> new NormalCurve(0));
        assertMessage("c must be finite, got NaN", () -> NormalCurve.through(DEFAULTS).crossing(Double.NaN));
    }

    private static double dotOfFiniteDifferenceTangents(DoubleUnaryOperator f, DoubleUnaryOperator g, double beta) {
        return finiteDifferenceTangent(f, beta).dot(finiteDifferenceTangent(g, beta));
    }

    /** Unit vector along (1, dγ/dβ), with a central difference. */
    static Vec2 finiteDifferenceTangent(DoubleUnaryOperator gammaOf, double beta) {
        double h = 1e-6;
        double slope = (gammaOf.applyAsDouble(beta + h) - gammaOf.applyAsDouble(beta - h)) / (2 * h);
        return new Vec2(1, slope).unit();
    }
}
