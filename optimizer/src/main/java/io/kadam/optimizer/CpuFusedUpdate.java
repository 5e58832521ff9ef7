package io.kadam.optimizer;

import ai.djl.ndarray.NDArray;
import io.kadam.optimizer.tensor.HostView;

import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.List;

/**
 * Algorithm 1 for one CPU float32 parameter in a single pass over its memory: every level, the
 * weight decay, the parameter update, the max-update and gradient-norm reductions and the
 * gradient reset, with no temporary tensors. It reads and writes the tensors' own memory through
 * {@link HostView}s, which hold the arrays they view.
 *
 * <p>The pass goes chunk by chunk: a chunk of θ, g and each level's (m, v) is copied into small
 * arrays that stay in cache, the normalization stage runs over it once per level, and the results
 * are copied back. Main memory is still read and written once per value; the arrays let the JIT
 * vectorize the loops, which per-element buffer access does not. Op-by-op tensor code allocates
 * and walks memory ~19 times per parameter, several times more (platform-notes.md).
 */
final class CpuFusedUpdate {
    private CpuFusedUpdate() {}

    /**
     * Values per chunk: the 7 + k scratch arrays of 16 KB fit in a core's L2 cache with room to
     * spare (1024 to 16384 measured the same within noise).
     */
    private static final int CHUNK = 4096;

    /** Whether an array can take the fused path: dense float32 in CPU memory (a {@link HostView}). */
    static boolean supports(NDArray array) {
        return HostView.supportsFloats(array);
    }

    /**
     * Chunk arrays, allocated once per optimizer (one trial, one thread) and reused. The
     * reductions (each slot's max |x| and Σg²) are kept per lane, position j of a chunk, across
     * a parameter's chunks and reduced once at its end: the per-element loops then carry no
     * reduction. C2 (JDK 17) runs a float sum (its order is fixed) or a running max in a loop one
     * element after another, ~0.8 and ~0.2 ns per element, which made the pass compute-bound;
     * per lane they are vector operations at ~0.05 ns.
     */
    static final class Scratch {
        final float[] theta = new float[CHUNK];
        final float[] x = new float[CHUNK];
        final float[] m = new float[CHUNK];
        final float[] v = new float[CHUNK];
        final float[] zeros = new float[CHUNK];
        /** Per lane max |x|: slot 0 the total update, slot i level i (as {@link MaxUpdateTracker}). */
        final float[][] maxAbs;
        /** Per lane Σg², in float within a parameter, as the chunk sums were. */
        final float[] squares = new float[CHUNK];

        Scratch(int levels) {
            maxAbs = new float[levels + 1][CHUNK];
        }

        /** A slot's max over the first {@code lanes} lanes (NaN if any is: Math.max), then clears them. */
        float takeMax(int slot, int lanes) {
            float[] lane = maxAbs[slot];
            float max = 0f;
            for (int j = 0; j < lanes; j++) {
                max = Math.max(max, lane[j]);
            }
            Arrays.fill(lane, 0, lanes, 0f);
            return max;
        }

        /** Σg² over the first {@code lanes} lanes, summed in double in lane order, then clears them. */
        double takeSumSquares(int lanes) {
            double sum = 0;
            for (int j = 0; j < lanes; j++) {
                sum += squares[j];
            }
            Arrays.fill(squares, 0, lanes, 0f);
            return sum;
        }
    }

    static void apply(KAdamConfig config, ParamState state, NDArray weight, NDArray grad,
                      NDArray gradToZero, double lr, MaxUpdateTracker tracker, Scratch scratch) {
        List<AdaptiveNormalization> levels = config.levels();
        int k = levels.size();
        float eps = (float) config.eps();
        AdaptiveNormalization.Coefficients[] coefficients = new AdaptiveNormalization.Coefficients[k];
        FloatBuffer[] m = new FloatBuffer[k];
        FloatBuffer[] v = new FloatBuffer[k];
        for (int i = 0; i < k; i++) {
            coefficients[i] = levels.get(i).at(state.step, eps);
            m[i] = state.mView(i);
            v[i] = state.vView(i);
        }
        FloatBuffer theta = HostView.of(weight).floats();
        FloatBuffer g = HostView.of(grad).floats();
        FloatBuffer zero = gradToZero == grad ? g : HostView.of(gradToZero).floats();
        float lambda = (float) config.weightDecay();
        boolean coupled = config.decay() == WeightDecay.COUPLED;
        float eta = (float) lr;

        float[] t = scratch.theta;
        float[] x = scratch.x;
        float[] mc = scratch.m;
        float[] vc = scratch.v;
        float[] zeros = scratch.zeros;
        float[] squares = scratch.squares;
        float[] totalMax = scratch.maxAbs[0];
        int n = theta.capacity();
        for (int from = 0; from < n; from += CHUNK) {
            int len = Math.min(CHUNK, n - from);
            theta.get(from, t, 0, len);
            g.get(from, x, 0, len);
            for (int j = 0; j < len; j++) {
                squares[j] += x[j] * x[j];
            }
            if (coupled && lambda != 0) {
                for (int j = 0; j < len; j++) {
                    x[j] += lambda * t[j];
                }
            }
            for (int i = 0; i < k; i++) { // the one normalization stage, composed k times
                m[i].get(from, mc, 0, len);
                v[i].get(from, vc, 0, len);
                AdaptiveNormalization.apply(x, mc, vc, len, coefficients[i], scratch.maxAbs[i + 1]);
                m[i].put(from, mc, 0, len);
                v[i].put(from, vc, 0, len);
            }
            float decoupled = coupled ? 0f : lambda;
            for (int j = 0; j < len; j++) {
                float u = x[j] + decoupled * t[j];
                totalMax[j] = Math.max(totalMax[j], Math.abs(u)); // Math.max keeps NaN
                t[j] -= eta * u;
            }
            theta.put(from, t, 0, len);
            zero.put(from, zeros, 0, len);
        }
        int lanes = Math.min(n, CHUNK);
        for (int slot = 0; slot <= k; slot++) {
            tracker.observe(slot, scratch.takeMax(slot, lanes));
        }
        tracker.observeSumSquares(scratch.takeSumSquares(lanes));
    }
}
