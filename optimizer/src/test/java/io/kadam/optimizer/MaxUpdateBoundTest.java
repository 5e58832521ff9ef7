package io.kadam.optimizer;

import ai.djl.ndarray.types.Shape;
import io.kadam.optimizer.schedule.LrSchedule;
import io.kadam.optimizer.theory.AdamPoint;
import io.kadam.optimizer.theory.CurvePoint;
import io.kadam.optimizer.theory.NormalCurve;
import io.kadam.optimizer.theory.Stability;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Theorem 1 / 3 on the real optimizer: the measured ‖u_n^(i)‖∞ of every level stays under the
 * Eq. 5 / Eq. 10 bound at every step, for random points and gradient sequences.
 */
class MaxUpdateBoundTest {

    private static final int STEPS = 400;
    private static final double SLACK = 1 + 1e-5; // float32 rounding of the measured update
    /**
     * How long a gradient stays exactly zero in the B+ runs. Longer, and with β ≈ 0.5 the moments
     * decay into float32's subnormal range (0.5^120 ≈ 1e-36), where m/√v loses its relative
     * precision and a later level can exceed the bound by ~1%: a limit of float32 arithmetic
     * (PyTorch's Adam has it too), not of the theorem. The B− runs use β ≥ 0.95 and keep zeros.
     */
    private static final int ZERO_WINDOW = 40;

    /** Property test: 24 random B+ points (some close to B0) × 2 seeds × k = 1, 2. */
    @Test
    void boundHoldsAtEveryStepInBPlus() {
        Random pick = new Random(2024);
        int checked = 0;
        for (int trial = 0; trial < 24; trial++) {
            AdamPoint p = randomBPlusPoint(pick, trial % 4 == 0);
            for (int seed = 0; seed < 2; seed++) {
                for (int k = 1; k <= 2; k++) {
                    List<AdaptiveNormalization> levels = new ArrayList<>();
                    for (int i = 0; i < k; i++) {
                        levels.add(new AdaptiveNormalization(p.beta(), p.gamma()));
                    }
                    checked += runAndCheck(levels, new Random(seed * 1000L + trial), ZERO_WINDOW, "B+ " + p + " k=" + k + " seed=" + seed);
                }
            }
        }
        assertTrue(checked >= 24 * 2 * 3 * STEPS, "checked " + checked + " (step, level) pairs");
    }

    /** Levels need not share (β, γ): Theorem 3 bounds each by its own. */
    @Test
    void boundHoldsPerLevelWithDifferentLevels() {
        List<AdaptiveNormalization> levels = LevelStrategy.explicit(new double[]{0.999, 0.95, 0.6}, new double[]{0.9, 0.5, 0.3});
        runAndCheck(levels, new Random(9), ZERO_WINDOW, "explicit 3 levels");
    }

    /**
     * In B− (the fig3 section of the normal curve through (0.999, 0.9)) the bound grows like
     * exp(n|C|/2) and the measured update of a vanished gradient grows slightly slower (rate
     * log γ − ½ log β), so it holds there as well.
     */
    @Test
    void boundHoldsInBMinusOnTheFig3Section() {
        NormalCurve curve = NormalCurve.through(new AdamPoint(0.999, 0.9));
        double zero = curve.crossingOfZero().orElseThrow().beta();
        for (CurvePoint cp : curve.section(curve.betaRange().lo(), zero).points(6)) {
            AdamPoint p = cp.point();
            if (p.c() < 0) {
                runAndCheck(List.of(new AdaptiveNormalization(p.beta(), p.gamma())), new Random(3), STEPS, "B- " + p);
            }
        }
    }

    private static int runAndCheck(List<AdaptiveNormalization> levels, Random rng, int zeroWindow, String what) {
        int size = 16;
        int checked = 0;
        try (TensorHarness h = new TensorHarness()) {
            h.add("w", new Shape(size), TensorHarness.randomValues(rng, size, 1.0));
            KAdam kadam = new KAdam(new KAdamConfig(levels, 0, WeightDecay.COUPLED, KAdamConfig.DEFAULT_EPS), LrSchedule.constant(1e-3));
            int vanishAt = 20 + rng.nextInt(100);
            for (int n = 0; n < STEPS; n++) {
                float[] g = new float[size];
                for (int j = 0; j < size; j++) {
                    double heavy = rng.nextDouble() < 0.05 ? 1e3 : 1; // rare spikes
                    boolean vanished = j < 4 && n >= vanishAt && n < vanishAt + zeroWindow;
                    g[j] = vanished ? 0f : (float) (rng.nextGaussian() * heavy * Math.pow(10, (j % 4) - 2));
                }
                h.setGradients(new float[][]{g});
                kadam.step(h.parameters);
                UpdateStats u = kadam.takeStats();
                for (int i = 1; i <= levels.size(); i++) {
                    AdaptiveNormalization level = levels.get(i - 1);
                    double bound = Stability.bound(new AdamPoint(level.beta(), level.gamma()), n);
                    assertTrue(u.level(i) <= bound * SLACK,
                            what + ": level " + i + " at step " + n + ": " + u.level(i) + " > bound " + bound);
                    checked++;
                }
            }
        }
        return checked;
    }

    /** β ∈ (0.5, 0.9999), γ ∈ (0.05, 0.999) with C > 0; nearB0 picks 0 < C < 0.01. */
    private static AdamPoint randomBPlusPoint(Random rng, boolean nearB0) {
        while (true) {
            double beta = 1 - Math.pow(10, -0.3 - 3.7 * rng.nextDouble());
            double gamma;
            if (nearB0) {
                double c = 0.01 * rng.nextDouble();
                gamma = 2 * beta / (1 + (1 + c) * beta); // the level curve C = c
            } else {
                gamma = 0.05 + 0.949 * rng.nextDouble();
            }
            if (gamma < 1 && Stability.c(beta, gamma) > 0) {
                return new AdamPoint(beta, gamma);
            }
        }
    }
}
