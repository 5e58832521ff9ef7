package io.kadam.optimizer;

import ai.djl.ndarray.types.Shape;
import io.kadam.optimizer.schedule.LrSchedule;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KAdamTest {

    private static final int STEPS = 300;
    private static final double LR = 1e-3;

    /** A gradient sequence with a wide range of scales, sign flips and exact zeros. */
    private static float[][] gradients(Random rng, int step, int[] sizes) {
        float[][] g = new float[sizes.length][];
        for (int p = 0; p < sizes.length; p++) {
            g[p] = new float[sizes[p]];
            for (int j = 0; j < sizes[p]; j++) {
                double scale = Math.pow(10, -3 + 4 * ((j * 7 + p) % 5) / 4.0);
                // this coordinate's gradient is exactly zero for 40 steps; not for longer, because
                // with the scaled strategy (γ = 0.45) m then underflows float32 (0.45^100 < 1e-34)
                // and level 2 turns level 1's lost relative precision into an O(1) update error
                boolean vanished = j % 9 == 4 && step > 40 && step < 80;
                g[p][j] = vanished ? 0f : (float) (rng.nextGaussian() * scale + (step % 17 == 0 ? scale : 0));
            }
        }
        return g;
    }

    /**
     * k = 1 against PyTorch's documented Adam (coupled) and AdamW (decoupled), both k-Adam paths,
     * step for step: each reference step starts from the float parameters k-Adam produced, so
     * every comparison is of one update, to float32 precision.
     */
    @ParameterizedTest
    @CsvSource({"0.999,0.9,0,COUPLED,true", "0.999,0.9,0.05,COUPLED,true", "0.95,0.9,0.1,DECOUPLED,true",
            "0.999,0.9,0.1,DECOUPLED,false", "0.99,0.5,0.05,COUPLED,false"})
    void oneLevelIsAdamAndAdamW(double beta, double gamma, double lambda, WeightDecay decay, boolean fused) {
        int[] sizes = {30, 11};
        KAdamConfig config = KAdamConfig.adam(beta, gamma).withWeightDecay(lambda, decay);
        Random rng = new Random(42);
        try (TensorHarness h = new TensorHarness()) {
            h.add("w", new Shape(6, 5), TensorHarness.randomValues(rng, 30, 1.0));
            h.add("b", new Shape(11), TensorHarness.randomValues(rng, 11, 0.1));
            KAdam kadam = new KAdam(config, LrSchedule.constant(LR));
            if (!fused) {
                kadam.useDeviceOpsOnCpu();
            }
            ReferenceAdam.Torch[] ref = new ReferenceAdam.Torch[sizes.length];
            for (int p = 0; p < sizes.length; p++) {
                ref[p] = new ReferenceAdam.Torch(sizes[p], LR, beta, gamma, 1e-30, lambda, decay == WeightDecay.DECOUPLED);
            }
            for (int n = 0; n < STEPS; n++) {
                float[][] g = gradients(rng, n, sizes);
                double[][] theta = new double[sizes.length][];
                double expectedMax = 0;
                double sumSquares = 0;
                for (int p = 0; p < sizes.length; p++) {
                    for (float x : g[p]) {
                        sumSquares += (double) x * x;
                    }
                    theta[p] = toDouble(h.values(p));
                    expectedMax = Math.max(expectedMax, ref[p].step(theta[p], toDouble(g[p])));
                }
                h.setGradients(g);
                kadam.step(h.parameters);
                UpdateStats measured = kadam.takeStats();
                for (int p = 0; p < sizes.length; p++) {
                    assertOneUpdate(theta[p], h.values(p), n);
                    assertArrayEquals(new float[sizes[p]], h.gradient(p), "real gradient zeroed at step " + n);
                }
                assertEquals(expectedMax, measured.maxUpdate(), 2e-5 * expectedMax, "max-update at step " + n);
                assertEquals(Math.sqrt(sumSquares), measured.gradNorm(), 1e-5 * Math.sqrt(sumSquares), "grad norm at step " + n);
                assertEquals(measured.maxUpdate(), measured.level(1), decay == WeightDecay.DECOUPLED && lambda > 0 ? 1 : 1e-9);
            }
        }
    }

    /** k = 2, 3 and per-level max-updates against Algorithm 1 in double precision. */
    @ParameterizedTest
    @CsvSource({"INVERSE_EXP,2,0.01,DECOUPLED,true", "INVERSE_EXP,3,0.01,COUPLED,true", "EXP,3,0,COUPLED,true",
            "SCALED,2,0.001,DECOUPLED,false", "NAIVE,3,0.01,DECOUPLED,false"})
    void kLevelsFollowAlgorithm1(LevelStrategy strategy, int k, double lambda, WeightDecay decay, boolean fused) {
        int[] sizes = {24};
        KAdamConfig config = KAdamConfig.of(strategy, k).withWeightDecay(lambda, decay);
        double[] betas = config.levels().stream().mapToDouble(AdaptiveNormalization::beta).toArray();
        double[] gammas = config.levels().stream().mapToDouble(AdaptiveNormalization::gamma).toArray();
        Random rng = new Random(7 + k);
        try (TensorHarness h = new TensorHarness()) {
            h.add("w", new Shape(4, 6), TensorHarness.randomValues(rng, 24, 1.0));
            KAdam kadam = new KAdam(config, LrSchedule.constant(LR));
            if (!fused) {
                kadam.useDeviceOpsOnCpu();
            }
            ReferenceAdam.Algorithm1 ref = new ReferenceAdam.Algorithm1(24, LR, lambda, decay == WeightDecay.COUPLED, betas, gammas, 1e-30);
            for (int n = 0; n < STEPS; n++) {
                float[][] g = gradients(rng, n, sizes);
                double[] theta = toDouble(h.values(0));
                double expectedMax = ref.step(theta, toDouble(g[0]));
                h.setGradients(g);
                kadam.step(h.parameters);
                UpdateStats measured = kadam.takeStats();
                assertOneUpdate(theta, h.values(0), n);
                assertEquals(expectedMax, measured.maxUpdate(), 2e-5 * expectedMax, "max-update at step " + n);
                for (int i = 1; i <= k; i++) {
                    assertEquals(ref.levelMax[i - 1], measured.level(i), 2e-5 * ref.levelMax[i - 1], "level " + i + " at step " + n);
                }
            }
        }
    }

    /** The fused CPU pass and the tensor-op path make the same updates. */
    @Test
    void fusedAndTensorPathsAgree() {
        float[][] finals = new float[2][];
        for (int path = 0; path < 2; path++) {
            Random rng = new Random(3);
            try (TensorHarness h = new TensorHarness()) {
                h.add("w", new Shape(50), TensorHarness.randomValues(rng, 50, 1.0));
                KAdam kadam = new KAdam(KAdamConfig.of(LevelStrategy.INVERSE_EXP, 2).withWeightDecay(0.1, WeightDecay.DECOUPLED),
                        LrSchedule.warmupCosine(1e-2, 10, 100, 1e-3));
                if (path == 1) {
                    kadam.useDeviceOpsOnCpu();
                }
                for (int n = 0; n < 100; n++) {
                    h.setGradients(gradients(rng, n, new int[]{50}));
                    kadam.step(h.parameters);
                    kadam.takeStats();
                }
                finals[path] = h.values(0);
            }
        }
        for (int j = 0; j < 50; j++) {
            assertEquals(finals[0][j], finals[1][j], 1e-5 * (1 + Math.abs(finals[0][j])), "coordinate " + j);
        }
    }

    /**
     * Statistics of parameters longer than one chunk of the fused pass (several chunks, the last
     * one partial, and a parameter shorter than a chunk): the fused pass keeps its maxima and Σg²
     * per lane and reduces them at the end of each parameter, which must give what the tensor
     * path's whole-tensor reductions give, every step (lanes cleared between parameters and steps).
     */
    @Test
    void fusedStatisticsAgreeWithTheTensorPathOverManyChunks() {
        int[] sizes = {10_001, 7};
        int steps = 6;
        UpdateStats[][] stats = new UpdateStats[2][steps];
        for (int path = 0; path < 2; path++) {
            Random rng = new Random(5);
            try (TensorHarness h = new TensorHarness()) {
                h.add("w", new Shape(sizes[0]), TensorHarness.randomValues(rng, sizes[0], 1.0));
                h.add("b", new Shape(sizes[1]), TensorHarness.randomValues(rng, sizes[1], 0.1));
                KAdam kadam = new KAdam(KAdamConfig.of(LevelStrategy.INVERSE_EXP, 3).withWeightDecay(0.01, WeightDecay.DECOUPLED),
                        LrSchedule.constant(LR));
                if (path == 1) {
                    kadam.useDeviceOpsOnCpu();
                }
                for (int n = 0; n < steps; n++) {
                    // the largest gradients move between the parameters from step to step
                    float[][] g = gradients(rng, n, sizes);
                    float scale = n % 2 == 0 ? 100f : 0.01f;
                    for (int j = 0; j < sizes[1]; j++) {
                        g[1][j] *= scale;
                    }
                    h.setGradients(g);
                    kadam.step(h.parameters);
                    stats[path][n] = kadam.takeStats();
                }
            }
        }
        for (int n = 0; n < steps; n++) {
            UpdateStats fused = stats[0][n];
            UpdateStats tensor = stats[1][n];
            assertEquals(tensor.maxUpdate(), fused.maxUpdate(), 1e-5 * tensor.maxUpdate(), "max-update at step " + n);
            for (int i = 1; i <= 3; i++) {
                assertEquals(tensor.level(i), fused.level(i), 1e-5 * tensor.level(i), "level " + i + " at step " + n);
            }
            assertEquals(tensor.gradNorm(), fused.gradNorm(), 1e-6 * tensor.gradNorm(), "grad norm at step " + n);
        }
    }

    /** A NaN gradient anywhere (here deep in a later chunk) makes every max-update NaN: divergence shows. */
    @ParameterizedTest
    @CsvSource({"true", "false"})
    void aNanGradientGivesNanMaxUpdates(boolean fused) {
        int size = 10_001;
        Random rng = new Random(8);
        try (TensorHarness h = new TensorHarness()) {
            h.add("w", new Shape(size), TensorHarness.randomValues(rng, size, 1.0));
            KAdam kadam = new KAdam(KAdamConfig.of(LevelStrategy.INVERSE_EXP, 2), LrSchedule.constant(LR));
            if (!fused) {
                kadam.useDeviceOpsOnCpu();
            }
            h.setGradients(gradients(rng, 0, new int[]{size}));
            kadam.step(h.parameters);
            assertTrue(Double.isFinite(kadam.takeStats().maxUpdate()));
            float[][] g = gradients(rng, 1, new int[]{size});
            g[0][9_000] = Float.NaN;
            h.setGradients(g);
            kadam.step(h.parameters);
            UpdateStats stats = kadam.takeStats();
            assertTrue(Double.isNaN(stats.maxUpdate()), "max-update " + stats.maxUpdate());
            assertTrue(Double.isNaN(stats.level(1)) && Double.isNaN(stats.level(2)), Arrays.toString(stats.levelMaxUpdates()));
            assertTrue(Double.isNaN(stats.gradNorm()), "grad norm " + stats.gradNorm());
        }
    }

    /**
     * A coordinate whose gradient becomes exactly zero: m decays by γ and v by β per step, so
     * log ‖u_n‖∞ grows (β, γ in B−) at exactly log γ − ½ log β, which is close to |C|/2 near 1.
     */
    @ParameterizedTest
    @CsvSource({"0.955,0.99", "0.958,0.988", "0.96,0.985"})
    void vanishingGradientGrowsAtTheDiscreteRate(double beta, double gamma) {
        Random rng = new Random(11);
        try (TensorHarness h = new TensorHarness()) {
            h.add("w", new Shape(8), TensorHarness.randomValues(rng, 8, 1.0));
            KAdam kadam = new KAdam(KAdamConfig.adam(beta, gamma), LrSchedule.constant(LR));
            double[] logU = new double[1006];
            for (int n = 0; n <= 1005; n++) {
                float[] g = n < 50 ? TensorHarness.randomValues(rng, 8, 1.0) : new float[8];
                h.setGradients(new float[][]{g});
                kadam.step(h.parameters);
                logU[n] = Math.log(kadam.takeStats().maxUpdate());
            }
            double slope = (logU[1005] - logU[995]) / 10;
            double rate = Math.log(gamma) - 0.5 * Math.log(beta);
            double c = 2 / gamma - 1 / beta - 1; // C(β,γ), as simplified by hand from the paper's form
            assertTrue(c < 0, "test point must be in B-");
            assertEquals(rate, slope, 1e-3 * rate, "measured slope vs log γ − ½ log β");
            double relativeToC = Math.abs(slope - Math.abs(c) / 2) / (Math.abs(c) / 2);
            assertTrue(relativeToC < 0.06, "slope " + slope + " vs |C|/2 = " + Math.abs(c) / 2 + ": " + relativeToC);
        }
    }

    /** Saving after 20 steps and restoring into a fresh optimizer continues bit for bit. */
    @Test
    void saveAndLoadResumeExactly() throws IOException {
        KAdamConfig config = KAdamConfig.of(LevelStrategy.INVERSE_EXP, 3).withWeightDecay(0.01, WeightDecay.DECOUPLED);
        LrSchedule lr = LrSchedule.warmupCosine(1e-2, 5, 40, 1e-3);
        Random rng = new Random(5);
        float[][][] grads = new float[40][][];
        for (int n = 0; n < 40; n++) {
            grads[n] = gradients(rng, n, new int[]{12});
        }
        float[] start = TensorHarness.randomValues(rng, 12, 1.0);
        try (TensorHarness h = new TensorHarness(); TensorHarness resumed = new TensorHarness()) {
            h.add("w", new Shape(12), start);
            KAdam kadam = new KAdam(config, lr);
            byte[] saved = null;
            float[] savedWeights = null;
            for (int n = 0; n < 40; n++) {
                if (n == 20) {
                    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                    kadam.save(new DataOutputStream(bytes));
                    saved = bytes.toByteArray();
                    savedWeights = h.values(0);
                }
                h.setGradients(grads[n]);
                kadam.step(h.parameters);
            }
            resumed.add("w", new Shape(12), savedWeights);
            KAdam again = new KAdam(config, lr);
            again.load(new DataInputStream(new ByteArrayInputStream(saved)), resumed.manager);
            assertEquals(20, again.stepCount("w"));
            for (int n = 20; n < 40; n++) {
                resumed.setGradients(grads[n]);
                again.step(resumed.parameters);
            }
            assertArrayEquals(h.values(0), resumed.values(0));
        }
    }

    @Test
    void loadRefusesADifferentK() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new KAdam(KAdamConfig.of(LevelStrategy.EXP, 2), LrSchedule.constant(LR)).save(new DataOutputStream(bytes));
        KAdam three = new KAdam(KAdamConfig.of(LevelStrategy.EXP, 3), LrSchedule.constant(LR));
        try (TensorHarness h = new TensorHarness()) {
            IOException e = org.junit.jupiter.api.Assertions.assertThrows(IOException.class,
                    () -> three.load(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())), h.manager));
            assertTrue(e.getMessage().contains("k = 2") && e.getMessage().contains("k = 3"), e.getMessage());
        }
    }

    /** Checks one update: float result vs the double reference's, within float32 rounding. */
    private static void assertOneUpdate(double[] expected, float[] actual, int step) {
        for (int j = 0; j < expected.length; j++) {
            double tolerance = 2 * Math.ulp((float) expected[j]) + 1e-5 * LR * 10;
            assertEquals(expected[j], actual[j], tolerance, "coordinate " + j + " at step " + step + " of " + Arrays.toString(actual));
        }
    }

    private static double[] toDouble(float[] a) {
        double[] d = new double[a.length];
        for (int j = 0; j < a.length; j++) {
            d[j] = a[j];
        }
        return d;
    }
}
