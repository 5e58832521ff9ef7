package io.kadam.optimizer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.index.NDIndex;

import java.util.List;

/**
 * Algorithm 1 for one parameter with tensor ops on the parameter's own device (GPU or CPU, any
 * dtype). Temporaries live in a scope closed after the parameter; max-updates are reduced on the
 * device and read once per step by the tracker.
 */
final class DeviceUpdate {
    private DeviceUpdate() {}

    private static final NDIndex ALL = new NDIndex("...");

    static void apply(KAdamConfig config, ParamState state, NDArray weight, NDArray grad,
                      NDArray gradToZero, double lr, MaxUpdateTracker tracker) {
        List<AdaptiveNormalization> levels = config.levels();
        float lambda = (float) config.weightDecay();
        float eps = (float) config.eps();
        try (NDScope scope = new NDScope()) {
            NDArray x = grad;
            tracker.observeSumSquares(grad);
            if (lambda != 0 && config.decay() == WeightDecay.COUPLED) {
                x = x.add(weight.mul(lambda));
            }
            for (int i = 0; i < levels.size(); i++) {
                AdaptiveNormalization level = levels.get(i);
                x = level.apply(x, state.m[i], state.v[i], level.biasCorrection(state.step), eps);
                tracker.observe(i + 1, x);
            }
            if (lambda != 0 && config.decay() == WeightDecay.DECOUPLED) {
                x = x.add(weight.mul(lambda));
            }
            tracker.observe(0, x);
            weight.subi(x.muli(lr));
            // a fill, not muli(0): a NaN/Inf gradient times 0 stays NaN
            gradToZero.set(ALL, 0);
        }
    }
}
