package io.kadam.model.dynamics;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import ai.djl.util.PairList;
import io.kadam.optimizer.AdaptiveNormalization;
import io.kadam.optimizer.KAdamConfig;

import io.kadam.optimizer.tensor.HostView;

import java.nio.FloatBuffer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * AdamW with Assumption 2's coarse-grained second moment on chosen blocks, for the Fig. 9 check
 * only. Inside a block W (a {@link HeadMatrix}) every entry's g² in v is replaced by the block's
 * mean ‖g_W‖²/N, so v_W is one number per block: ṽ_n = β ṽ_{n−1} + (1 − β) ‖g_n‖²/N. Everything
 * else (m, bias correction, ε, decoupled decay) is AdamW.
 *
 * <p>Outside the blocks, and with no blocks at all, it is k-Adam with k = 1 in the same float32
 * arithmetic as {@code CpuFusedUpdate} (same operations in the same order), so a run with no
 * blocks reproduces a {@link io.kadam.optimizer.KAdam} run and the two runs of the check differ
 * only by the coarse-graining. CPU, element by element in Java: meant for small models.
 */
public final class CoarseGrainedAdamW implements GptRun.Update {

    private final float beta;
    private final float oneMinusBeta;
    private final float gamma;
    private final float oneMinusGamma;
    private final float lambda;
    private final float eta;
    private final float eps;
    private final AdaptiveNormalization level;
    private final Map<String, List<HeadMatrix>> blocks = new HashMap<>();
    private final Map<String, float[][]> state = new HashMap<>(); // parameter → {m, v, ṽ per block}
    private long step;

    /**
     * @param blocks the coarse-grained blocks (empty: plain AdamW)
     */
    public CoarseGrainedAdamW(double lr, double beta, double gamma, double weightDecay, double eps, List<HeadMatrix> blocks) {
        this.level = new AdaptiveNormalization(beta, gamma);
        // the constants rounded to float once, as k-Adam does
        this.beta = (float) beta;
        this.oneMinusBeta = (float) (1 - beta);
        this.gamma = (float) gamma;
        this.oneMinusGamma = (float) (1 - gamma);
        this.lambda = (float) weightDecay;
        this.eta = (float) lr;
        this.eps = (float) eps;
        for (HeadMatrix b : blocks) {
            this.blocks.computeIfAbsent(b.parameter(), k -> new java.util.ArrayList<>()).add(b);
        }
    }

    /** The setup's AdamW (ε = 1e-30, as k-Adam's default), coarse-grained on {@code blocks}. */
    public static CoarseGrainedAdamW of(AdamWSetup setup, List<HeadMatrix> blocks) {
        return new CoarseGrainedAdamW(setup.lr(), setup.beta(), setup.gamma(), setup.weightDecay(), KAdamConfig.DEFAULT_EPS, blocks);
    }

    @Override
    public void step(PairList<String, Parameter> parameters) {
        float c = (float) level.biasCorrection(step);
        for (Pair<String, Parameter> p : parameters) {
            if (!p.getValue().requiresGradient()) {
                continue;
            }
            NDArray weight = p.getValue().getArray();
            try (NDArray grad = weight.getGradient()) {
                // the tensors' own memory, written in place (as k-Adam's fused path): NDArray.set(...)
                // would make a Java buffer the tensor's storage (see HostCopy)
                FloatBuffer theta = HostView.of(weight).floats();
                FloatBuffer g = HostView.of(grad).floats();
                update(p.getKey(), theta, g, c);
            }
        }
        step++;
    }

    private void update(String key, FloatBuffer theta, FloatBuffer g, float c) {
        int size = theta.capacity();
        List<HeadMatrix> coarse = blocks.getOrDefault(key, List.of());
        float[][] s = state.computeIfAbsent(key, k -> new float[][]{new float[size], new float[size], new float[coarse.size()]});
        float[] m = s[0];
        float[] v = s[1];
        float[] sqrtV = new float[size];
        for (int j = 0; j < size; j++) {
            float x = g.get(j);
            m[j] = gamma * m[j] + oneMinusGamma * x;
            v[j] = beta * v[j] + oneMinusBeta * (x * x);
            sqrtV[j] = (float) Math.sqrt(v[j]);
        }
        for (int b = 0; b < coarse.size(); b++) {
            HeadMatrix block = coarse.get(b);
            double sumSquares = 0;
            for (int j = block.offset(); j < block.offset() + block.length(); j++) {
                sumSquares += (double) g.get(j) * g.get(j);
            }
            float[] vTilde = s[2];
            vTilde[b] = beta * vTilde[b] + oneMinusBeta * (float) (sumSquares / block.length());
            java.util.Arrays.fill(sqrtV, block.offset(), block.offset() + block.length(), (float) Math.sqrt(vTilde[b]));
        }
        for (int j = 0; j < size; j++) {
            float t = theta.get(j);
            float u = c * m[j] / (sqrtV[j] + eps);
            u = u + lambda * t;
            theta.put(j, t - eta * u);
            g.put(j, 0f); // DJL accumulates gradients: reset, as k-Adam does
        }
    }
}
