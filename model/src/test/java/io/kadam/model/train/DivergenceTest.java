package io.kadam.model.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import io.kadam.model.data.ImageSet;
import io.kadam.model.nn.CnnConfig;
import io.kadam.optimizer.KAdamConfig;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A diverged trial says which stage of the step went non-finite and where in the weights. */
class DivergenceTest {

    private static StepMetrics metrics(double loss, double gradNorm, double... levels) {
        double max = 0;
        for (double l : levels) {
            max = Double.isFinite(max) && Double.isFinite(l) ? Math.max(max, l) : Double.NaN;
        }
        return new StepMetrics(7, loss, 1e-3, max, levels, gradNorm, 0);
    }

    @Test
    void unravelsARowMajorIndex() {
        assertArrayEquals(new long[]{1, 2, 3}, Divergence.unravel(1 * 20 + 2 * 5 + 3, new Shape(4, 4, 5)));
        assertArrayEquals(new long[]{0}, Divergence.unravel(0, new Shape(9)));
    }

    @Test
    void theFirstNonFiniteStageNamesTheDivergence() {
        Trial trial = Trial.setup(new TrialConfig(CnnConfig.fashionMnist(), KAdamConfig.adam(0.999, 0.9),
                ScheduleSpec.constant(1e-3), 1, 4, 0, 0, 1, 0), data(false), ai.djl.Device.cpu(), 1);
        try (trial) {
            var weights = trial.model().getParameters();
            assertEquals(Divergence.Stage.LOSS, Divergence.locate(metrics(Double.NaN, Double.NaN, Double.NaN), weights).stage());
            assertEquals(Divergence.Stage.GRADIENT, Divergence.locate(metrics(2.0, Double.POSITIVE_INFINITY, Double.NaN), weights).stage());
            Divergence update = Divergence.locate(metrics(2.0, 1.5, 0.9, Double.NaN, Double.NaN), weights);
            assertEquals(Divergence.Stage.UPDATE, update.stage());
            assertEquals(2, update.level());
            assertEquals("non-finite update at step 7 (k-Adam's update, level 2); all weights still finite after the update",
                    update.reason());

            // one poisoned weight: the fourth parameter (second conv's bias), coordinate 5
            Pair<String, Parameter> p = weights.get(3);
            NDArray array = p.getValue().getArray();
            float[] values = array.toFloatArray();
            values[5] = Float.NEGATIVE_INFINITY;
            io.kadam.optimizer.tensor.HostCopy.fill(array, values);
            Divergence located = Divergence.locate(metrics(2.0, Double.NaN, Double.NaN), weights);
            assertEquals(p.getKey(), located.parameter());
            assertArrayEquals(new long[]{5}, located.coordinate());
            assertEquals(1, located.nonFinite());
            assertEquals("non-finite gradient at step 7 (backward); first non-finite weight after the update: "
                    + p.getKey() + "[5] = -Infinity (1 in 1 parameter)", located.reason());
        }
    }

    @Test
    void aNanPixelEndsTheTrialWithTheStageAndTheWeight() {
        TrialConfig config = new TrialConfig(CnnConfig.fashionMnist(), KAdamConfig.adam(0.999, 0.9),
                ScheduleSpec.constant(1e-3), 5, 4, 0, 0, 1, 0);
        TrialOutcome outcome = TrialRunner.run(config, data(true), TrialRunner.Options.cpu(1), new RecordingSink());
        assertEquals(TrialStatus.DIVERGED, outcome.status());
        assertTrue(outcome.reason().startsWith("non-finite loss at step 0 (the forward pass); first non-finite weight after "
                + "the update: 01Conv2d_weight[0, 0, "), outcome.reason());
    }

    private static TrialData data(boolean nanPixel) {
        float[] pixels = new float[16 * 784];
        Arrays.fill(pixels, 0.5f);
        if (nanPixel) {
            for (int i = 0; i < 16; i++) {
                pixels[i * 784 + 300] = Float.NaN;
            }
        }
        ImageSet set = new ImageSet(pixels, new int[16], 16, 1, 28, 28, 10);
        return new TrialData.Images(set, set);
    }
}
