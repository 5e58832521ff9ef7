package io.kadam.model.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

import io.kadam.optimizer.tensor.HostCopy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * nanoGPT (Karpathy's model.py) in DJL: a decoder-only transformer, readable top to bottom.
 * Input: token ids (B, T) int32, T ≤ context. Output: logits (B, T, vocab). The language-model
 * head shares the token embedding (weight tying), as in nanoGPT and GPT-2.
 *
 * <pre>
 *   x = wte[idx] + wpe[0..T)                 token + position embedding, dropout
 *   x = x + attn(ln_1(x))                    per layer: causal self-attention ...
 *   x = x + mlp(ln_2(x))                     ... and a 4× GELU MLP, pre-norm residuals
 *   logits = ln_f(x) · wteᵀ
 * </pre>
 *
 * With qk-norm, each head's queries and keys pass through a layer-norm before the dot product,
 * which makes the loss invariant to the scale of W_Q and W_K (the paper's Section 4).
 * Weights are set by {@link GptInit} from a per-trial seed, not by DJL's initializers.
 */
public final class NanoGpt extends AbstractBlock {

    final GptConfig config;
    final Parameter wte;
    final Parameter wpe;
    final List<TransformerLayer> layers = new ArrayList<>();
    final LayerNorm lnF;

    public NanoGpt(GptConfig config) {
        this.config = config;
        wte = addParameter(Parameter.builder().setName("wte").setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(config.vocabSize(), config.dim())).build());
        wpe = addParameter(Parameter.builder().setName("wpe").setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(config.context(), config.dim())).build());
        for (int i = 0; i < config.layers(); i++) {
            layers.add(addChildBlock("h" + i, new TransformerLayer(config)));
        }
        lnF = addChildBlock("ln_f", layerNorm(2));
    }

    public GptConfig config() {
        return config;
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray idx = inputs.singletonOrThrow();
        long t = idx.getShape().get(1);
        if (t > config.context()) {
            throw new IllegalArgumentException("sequence length " + t + " exceeds the context " + config.context());
        }
        NDArray tokenTable = ps.getValue(wte, idx.getDevice(), training);
        NDArray tok = idx.getNDArrayInternal().embedding(idx, tokenTable, SparseFormat.DENSE).singletonOrThrow();
        NDArray pos = ps.getValue(wpe, idx.getDevice(), training).get(new NDIndex("0:{}", t));
        NDArray x = dropout(tok.add(pos), config.dropout(), training);
        for (TransformerLayer layer : layers) {
            x = layer.forward(ps, new NDList(x), training).singletonOrThrow();
        }
        x = lnF.forward(ps, new NDList(x), training).singletonOrThrow();
        return new NDList(x.matMul(tokenTable.transpose()));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape in = inputShapes[0];
        return new Shape[]{new Shape(in.get(0), in.get(1), config.vocabSize())};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape hidden = new Shape(inputShapes[0].get(0), inputShapes[0].get(1), config.dim());
        for (TransformerLayer layer : layers) {
            layer.initialize(manager, dataType, hidden);
        }
        lnF.initialize(manager, dataType, hidden);
    }

    /** One pre-norm transformer block: attention and MLP, each added to the residual stream. */
    static final class TransformerLayer extends AbstractBlock {
        final LayerNorm ln1 = layerNorm(2);
        final CausalSelfAttention attn;
        final LayerNorm ln2 = layerNorm(2);
        final Linear fc;
        final Linear proj;
        private final double dropout;

        TransformerLayer(GptConfig c) {
            addChildBlock("ln_1", ln1);
            attn = addChildBlock("attn", new CausalSelfAttention(c));
            addChildBlock("ln_2", ln2);
            fc = addChildBlock("mlp_fc", linear(4 * c.dim(), c.bias()));
            proj = addChildBlock("mlp_proj", linear(c.dim(), c.bias()));
            dropout = c.dropout();
        }

        @Override
        protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
            NDArray x = inputs.singletonOrThrow();
            x = x.add(attn.forward(ps, ln1.forward(ps, new NDList(x), training), training).singletonOrThrow());
            NDArray h = fc.forward(ps, ln2.forward(ps, new NDList(x), training), training).singletonOrThrow();
            h = proj.forward(ps, new NDList(Activation.gelu(h)), training).singletonOrThrow();
            return new NDList(x.add(dropout(h, dropout, training)));
        }

        @Override
        public Shape[] getOutputShapes(Shape[] inputShapes) {
            return inputShapes;
        }

        @Override
        protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
            Shape x = inputShapes[0];
            ln1.initialize(manager, dataType, x);
            attn.initialize(manager, dataType, x);
            ln2.initialize(manager, dataType, x);
            fc.initialize(manager, dataType, x);
            proj.initialize(manager, dataType, new Shape(x.get(0), x.get(1), 4L * x.get(2)));
        }
    }

    /** Multi-head causal self-attention with separate W_Q, W_K, W_V (so each can be inspected). */
    static final class CausalSelfAttention extends AbstractBlock {
        final Linear query;
        final Linear key;
        final Linear value;
        final Linear proj;
        final LayerNorm queryNorm;
        final LayerNorm keyNorm;
        private final int heads;
        private final double dropout;

        CausalSelfAttention(GptConfig c) {
            heads = c.heads();
            dropout = c.dropout();
            query = addChildBlock("q", linear(c.dim(), c.bias()));
            key = addChildBlock("k", linear(c.dim(), c.bias()));
            value = addChildBlock("v", linear(c.dim(), c.bias()));
            proj = addChildBlock("proj", linear(c.dim(), c.bias()));
            queryNorm = c.qkNorm() ? addChildBlock("q_norm", layerNorm(3)) : null; // (B, H, T, hd)
            keyNorm = c.qkNorm() ? addChildBlock("k_norm", layerNorm(3)) : null;
        }

        @Override
        protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
            NDArray x = inputs.singletonOrThrow();
            long b = x.getShape().get(0);
            long t = x.getShape().get(1);
            long d = x.getShape().get(2);
            NDArray q = splitHeads(query, ps, x, training);   // (B, H, T, hd)
            NDArray k = splitHeads(key, ps, x, training);
            NDArray v = splitHeads(value, ps, x, training);
            if (queryNorm != null) {
                q = queryNorm.forward(ps, new NDList(q), training).singletonOrThrow();
                k = keyNorm.forward(ps, new NDList(k), training).singletonOrThrow();
            }
            NDArray att = q.matMul(k.transpose(0, 1, 3, 2)).muli(scale(x, d));
            att = att.add(causalMask(x, t)).softmax(-1);
            NDArray y = dropout(att, dropout, training).matMul(v);        // (B, H, T, hd)
            y = y.transpose(0, 2, 1, 3).reshape(b, t, d);
            y = proj.forward(ps, new NDList(y), training).singletonOrThrow();
            return new NDList(dropout(y, dropout, training));
        }

        private NDArray splitHeads(Linear projection, ParameterStore ps, NDArray x, boolean training) {
            Shape s = x.getShape();
            NDArray p = projection.forward(ps, new NDList(x), training).singletonOrThrow();
            return p.reshape(s.get(0), s.get(1), heads, s.get(2) / heads).transpose(0, 2, 1, 3);
        }

        // The attention scale and the causal mask are constants: made once per sequence length and
        // device, in the weights' manager and outside any step's scope, instead of two host
        // allocations and copies per layer and step. The scale is a tensor, not a Java number:
        // DJL turns a number into a tensor over a Java buffer and frees it at once, while
        // autograd still needs it for backward (a GC in between silently lost q/k gradients);
        // HostCopy puts both constants in libtorch memory.
        private NDArray scale;
        private NDArray mask;

        private NDArray scale(NDArray x, long d) {
            if (scale == null || !scale.getDevice().equals(x.getDevice())) {
                scale = constant(scale, HostCopy.scalar(weightManager(), (float) (1.0 / Math.sqrt((double) d / heads))), x.getDevice());
            }
            return scale;
        }

        /** 0 on and below the diagonal, −∞ above: position i attends to positions ≤ i. */
        private NDArray causalMask(NDArray x, long t) {
            if (mask == null || mask.getShape().get(0) != t || !mask.getDevice().equals(x.getDevice())) {
                int n = (int) t;
                float[] values = new float[n * n];
                for (int i = 0; i < n; i++) {
                    Arrays.fill(values, i * n + i + 1, (i + 1) * n, Float.NEGATIVE_INFINITY);
                }
                mask = constant(mask, HostCopy.of(weightManager(), values, new Shape(t, t)), x.getDevice());
            }
            return mask;
        }

        private NDManager weightManager() {
            return query.getParameters().valueAt(0).getArray().getManager();
        }

        /** {@code made} on {@code device}, kept past the current step's scope; {@code old} closed. */
        private static NDArray constant(NDArray old, NDArray made, ai.djl.Device device) {
            NDArray onDevice = made.toDevice(device, false);
            if (onDevice != made) {
                made.close();
            }
            NDScope.unregister(onDevice);
            if (old != null) {
                old.close();
            }
            return onDevice;
        }

        @Override
        public Shape[] getOutputShapes(Shape[] inputShapes) {
            return inputShapes;
        }

        @Override
        protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
            Shape x = inputShapes[0];
            for (Block block : List.of(query, key, value, proj)) {
                block.initialize(manager, dataType, x);
            }
            if (queryNorm != null) {
                Shape perHead = new Shape(x.get(0), heads, x.get(1), x.get(2) / heads);
                queryNorm.initialize(manager, dataType, perHead);
                keyNorm.initialize(manager, dataType, perHead);
            }
        }
    }

    private static Linear linear(long units, boolean bias) {
        return Linear.builder().setUnits(units).optBias(bias).build();
    }

    /**
     * Layer-norm over the last axis (given explicitly: DJL needs a non-negative axis), with a
     * learned scale and shift, as nanoGPT's LayerNorm.
     */
    private static LayerNorm layerNorm(int lastAxis) {
        return LayerNorm.builder().axis(lastAxis).build();
    }

    private static NDArray dropout(NDArray x, double rate, boolean training) {
        if (!training || rate == 0) {
            return x;
        }
        return x.getNDArrayInternal().dropout(x, (float) rate, true).singletonOrThrow();
    }
}
