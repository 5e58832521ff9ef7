package io.kadam.optimizer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.nn.Parameter;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.util.Pair;
import ai.djl.util.PairList;
import io.kadam.optimizer.schedule.LrSchedule;
import io.kadam.optimizer.tensor.HostCopy;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * k-Adam (Gould and Tanaka, Algorithm 1): adaptive normalization applied k times, then weight
 * decay and the step θ ← θ − η u. k = 1 is Adam (coupled decay) or AdamW (decoupled).
 *
 * <p>Two ways to drive it: as a DJL {@link Optimizer} in a {@code Trainer} ({@link #update}), or
 * directly with {@link #step(PairList)} on a block's parameters after {@code backward}, which
 * reads each gradient in place instead of the copy the Trainer hands to optimizers. Either way
 * the real gradient is zeroed after the update (DJL's PyTorch engine accumulates gradients, and
 * the Trainer's copy is not the real one). After each step {@link #takeStats()} gives that
 * step's ‖u_n‖∞, total and per level, and ‖g_n‖₂.
 *
 * <p>CPU float32 parameters take a fused single-pass path; anything else (GPU, other dtypes) runs
 * tensor ops on its own device. Not thread-safe: one instance per trial. Updates must run with
 * autograd off (they modify leaf tensors in place), which is the case outside a
 * {@code GradientCollector}.
 */
public class KAdam extends Optimizer {

    private final KAdamConfig config;
    private final LrSchedule lr;
    private final Map<String, ParamState> states = new LinkedHashMap<>();
    private final MaxUpdateTracker tracker;
    private final CpuFusedUpdate.Scratch scratch;
    private boolean fusedCpu = true;

    public KAdam(KAdamConfig config, LrSchedule lr) {
        super(new NoExtras());
        if (config == null) {
            throw new IllegalArgumentException("config must not be null");
        }
        if (lr == null) {
            throw new IllegalArgumentException("lr schedule must not be null");
        }
        this.config = config;
        this.lr = lr;
        this.tracker = new MaxUpdateTracker(config.k());
        this.scratch = new CpuFusedUpdate.Scratch(config.k());
    }

    public KAdamConfig config() {
        return config;
    }

    /**
     * Use tensor ops on CPU too instead of the fused pass (for comparing the two paths); they
     * compute the same update up to float rounding.
     */
    public KAdam useDeviceOpsOnCpu() {
        fusedCpu = false;
        return this;
    }

    /** DJL's entry point, once per parameter per step. */
    @Override
    public void update(String parameterId, NDArray weight, NDArray grad) {
        try (NDArray realGrad = weight.getGradient()) {
            apply(parameterId, weight, grad, realGrad);
        }
    }

    /** One step over a block's parameters (e.g. {@code block.getParameters()}), keyed by name. */
    public void step(PairList<String, Parameter> parameters) {
        for (Pair<String, Parameter> p : parameters) {
            Parameter parameter = p.getValue();
            if (!parameter.requiresGradient()) {
                continue;
            }
            NDArray weight = parameter.getArray();
            try (NDArray grad = weight.getGradient()) {
                apply(p.getKey(), weight, grad, grad);
            }
        }
    }

    private void apply(String key, NDArray weight, NDArray grad, NDArray gradToZero) {
        ParamState state = states.computeIfAbsent(key, id -> ParamState.zerosLike(weight, config.k()));
        double eta = lr.at(state.step);
        if (fusedCpu && CpuFusedUpdate.supports(weight) && CpuFusedUpdate.supports(grad)
                && CpuFusedUpdate.supports(gradToZero)) {
            CpuFusedUpdate.apply(config, state, weight, grad, gradToZero, eta, tracker, scratch);
        } else {
            DeviceUpdate.apply(config, state, weight, grad, gradToZero, eta, tracker);
        }
        state.step++;
    }

    /**
     * The statistics of the step just taken (max-updates, total and per level, and the gradient
     * norm, over every parameter updated since the last call), read from the device once. Call
     * once per step.
     */
    public UpdateStats takeStats() {
        return tracker.finish();
    }

    /** The number of updates made to the parameter with this key (0 before the first). */
    public long stepCount(String key) {
        ParamState state = states.get(key);
        return state == null ? 0 : state.step;
    }

    /** Writes every parameter's step count and all k levels' (m, v), keyed as updated. */
    public void save(DataOutputStream out) throws IOException {
        out.writeInt(FORMAT_VERSION);
        out.writeInt(config.k());
        out.writeInt(states.size());
        for (Map.Entry<String, ParamState> e : states.entrySet()) {
            out.writeUTF(e.getKey());
            out.writeLong(e.getValue().step);
            e.getValue().moments().encode(out);
        }
        out.flush();
    }

    /**
     * Restores what {@link #save} wrote, replacing any state; arrays go to {@code manager} (put
     * it on the parameters' device). Fails on a different k or a different format.
     */
    public void load(DataInputStream in, NDManager manager) throws IOException {
        int version = in.readInt();
        if (version != FORMAT_VERSION) {
            throw new IOException("k-Adam state has format version " + version + ", this code reads " + FORMAT_VERSION);
        }
        int k = in.readInt();
        if (k != config.k()) {
            throw new IOException("k-Adam state was saved with k = " + k + " levels, this optimizer has k = " + config.k());
        }
        Map<String, ParamState> loaded = new LinkedHashMap<>();
        int count = in.readInt();
        for (int p = 0; p < count; p++) {
            String key = in.readUTF();
            long step = in.readLong();
            NDList moments = NDList.decode(manager, in);
            NDArray[] m = new NDArray[k];
            NDArray[] v = new NDArray[k];
            for (int i = 0; i < k; i++) {
                // decoded arrays sit in Java buffers: the state gets copies in libtorch memory
                m[i] = HostCopy.owned(moments.get(2 * i));
                v[i] = HostCopy.owned(moments.get(2 * i + 1));
                NDScope.unregister(m[i], v[i]);
            }
            loaded.put(key, new ParamState(step, m, v));
        }
        states.values().forEach(ParamState::close);
        states.clear();
        states.putAll(loaded);
    }

    private static final int FORMAT_VERSION = 1;

    /** DJL's optimizer base wants a builder; k-Adam uses none of its rescale/clip/decay extras. */
    private static final class NoExtras extends OptimizerBuilder<NoExtras> {
        @Override
        protected NoExtras self() {
            return this;
        }
    }
}
