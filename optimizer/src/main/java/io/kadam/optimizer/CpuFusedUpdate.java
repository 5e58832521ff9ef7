package io.kadam.optimizer;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;

import java.nio.FloatBuffer;
import java.util.List;

/**
 * Algorithm 1 for one CPU float32 parameter in a single pass over its memory: every level, the
 * weight decay, the parameter update, the max-update reductions and the gradient reset, with no
 * temporary tensors. On a contiguous CPU tensor {@code toByteBuffer(true)} is a zero-copy view of
 * the tensor's memory, so writes through it update the tensor; the arrays are kept alive (they are
 * the caller's) while the buffers are in use. Op-by-op tensor code allocates and walks memory ~19
 * times per parameter, which on CPU costs several times more (platform-notes.md).
 */
final class CpuFusedUpdate {
    private CpuFusedUpdate() {}

    /** Whether an array can take the fused path: dense float32 in CPU memory. */
    static boolean supports(NDArray array) {
        return Device.Type.CPU.equals(array.getDevice().getDeviceType())
                && array.getDataType() == DataType.FLOAT32
                && !array.isSparse();
    }

    static void apply(KAdamConfig config, ParamState state, NDArray weight, NDArray grad,
                      NDArray gradToZero, double lr, MaxUpdateTracker tracker) {
        List<AdaptiveNormalization> levels = config.levels();
        int k = levels.size();
        float eps = (float) config.eps();
        AdaptiveNormalization.Coefficients[] coefficients = new AdaptiveNormalization.Coefficients[k];
        FloatBuffer[] m = new FloatBuffer[k];
        FloatBuffer[] v = new FloatBuffer[k];
        for (int i = 0; i < k; i++) {
            coefficients[i] = levels.get(i).at(state.step, eps);
            m[i] = view(state.m[i]);
            v[i] = view(state.v[i]);
        }
        FloatBuffer theta = view(weight);
        FloatBuffer g = view(grad);
        FloatBuffer zero = gradToZero == grad ? null : view(gradToZero);
        float lambda = (float) config.weightDecay();
        boolean coupled = config.decay() == WeightDecay.COUPLED;
        float coupledLambda = coupled ? lambda : 0f;
        float decoupledLambda = coupled ? 0f : lambda;
        float eta = (float) lr;

        float[] levelMax = new float[k];
        float totalMax = 0f;
        double sumSquares = 0;
        int n = theta.capacity();
        for (int j = 0; j < n; j++) {
            float t = theta.get(j);
            float gj = g.get(j);
            sumSquares += (double) gj * gj;
            float x = gj + coupledLambda * t;
            for (int i = 0; i < k; i++) {
                x = AdaptiveNormalization.apply(x, m[i], v[i], j, coefficients[i]);
                levelMax[i] = Math.max(levelMax[i], Math.abs(x)); // Math.max keeps NaN
            }
            float u = x + decoupledLambda * t;
            totalMax = Math.max(totalMax, Math.abs(u));
            theta.put(j, t - eta * u);
            g.put(j, 0f);
        }
        if (zero != null) {
            for (int j = 0; j < n; j++) {
                zero.put(j, 0f);
            }
        }
        tracker.observe(0, totalMax);
        tracker.observeSumSquares(sumSquares);
        for (int i = 0; i < k; i++) {
            tracker.observe(i + 1, levelMax[i]);
        }
    }

    private static FloatBuffer view(NDArray array) {
        return array.toByteBuffer(true).asFloatBuffer();
    }
}
