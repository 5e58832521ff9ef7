package io.kadam.optimizer;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AdaptiveNormalizationTest {

    /**
     * The fused path's stage folds |output| into per-lane maxima with Math.max, which C2 turns
     * into vector max instructions; x86's own vector max drops a NaN in one operand, so check
     * that NaN survives from either side (a new NaN output, a lane already NaN) once the loop
     * has run often enough to be compiled, and that the other lanes hold the exact max |output|.
     */
    @Test
    void laneMaximaKeepNanOnceCompiled() {
        AdaptiveNormalization.Coefficients c = new AdaptiveNormalization(0.999, 0.9).at(0, 1e-8f);
        int len = 4096;
        float[] x = new float[len];
        float[] m = new float[len];
        float[] v = new float[len];
        float[] maxAbs = new float[len];
        for (int round = 0; round < 3000; round++) { // ~12M elements: well past C2's thresholds
            for (int j = 0; j < len; j++) {
                x[j] = (j % 7) - 3f;
            }
            Arrays.fill(m, 0f);
            Arrays.fill(v, 0f);
            Arrays.fill(maxAbs, 0.5f);
            int newNan = (round * 37) % len;
            int oldNan = (newNan + 1 + round % 31) % len;
            x[newNan] = Float.NaN;
            maxAbs[oldNan] = Float.NaN;
            AdaptiveNormalization.apply(x, m, v, len, c, maxAbs);
            assertTrue(Float.isNaN(maxAbs[newNan]) && Float.isNaN(maxAbs[oldNan]), "round " + round);
            for (int j = 0; j < len; j += 97) {
                if (j != newNan && j != oldNan) {
                    assertEquals(Math.max(0.5f, Math.abs(x[j])), maxAbs[j], "lane " + j + ", round " + round);
                }
            }
        }
    }
}
