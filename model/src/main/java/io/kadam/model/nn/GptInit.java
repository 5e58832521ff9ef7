package io.kadam.model.nn;

import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import io.kadam.model.SeededRandom;

/**
 * nanoGPT's initialization from a per-trial seed: every weight normal(0, 0.02), the two
 * residual projections of each layer normal(0, 0.02/√(2·layers)) (GPT-2's scaling, so the
 * residual stream does not grow with depth), biases 0, layer-norm scale 1 and shift 0.
 * Call after {@code block.initialize(...)} has allocated the arrays.
 */
public final class GptInit {

    private static final double STD = 0.02;

    private GptInit() {}

    public static void apply(NanoGpt model, SeededRandom rng) {
        double residualStd = STD / Math.sqrt(2.0 * model.config.layers());
        ParameterInit.normal(model.wte.getArray(), rng, STD);
        ParameterInit.normal(model.wpe.getArray(), rng, STD);
        for (NanoGpt.TransformerLayer layer : model.layers) {
            NanoGpt.CausalSelfAttention attn = layer.attn;
            linear(attn.query, rng, STD);
            linear(attn.key, rng, STD);
            linear(attn.value, rng, STD);
            linear(attn.proj, rng, residualStd);
            linear(layer.fc, rng, STD);
            linear(layer.proj, rng, residualStd);
            layerNorm(layer.ln1);
            layerNorm(layer.ln2);
            if (attn.queryNorm != null) {
                layerNorm(attn.queryNorm);
                layerNorm(attn.keyNorm);
            }
        }
        layerNorm(model.lnF);
    }

    private static void linear(Block linear, SeededRandom rng, double std) {
        for (var p : linear.getParameters()) {
            Parameter parameter = p.getValue();
            if (parameter.getType() == Parameter.Type.WEIGHT) {
                ParameterInit.normal(parameter.getArray(), rng, std);
            } else {
                ParameterInit.zeros(parameter.getArray());
            }
        }
    }

    private static void layerNorm(Block norm) {
        for (var p : norm.getParameters()) {
            Parameter parameter = p.getValue();
            if (parameter.getType() == Parameter.Type.GAMMA) {
                ParameterInit.ones(parameter.getArray());
            } else {
                ParameterInit.zeros(parameter.getArray());
            }
        }
    }
}
