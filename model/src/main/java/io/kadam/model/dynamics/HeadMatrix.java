package io.kadam.model.dynamics;

import io.kadam.model.nn.GptConfig;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * One attention head's query or key matrix: the paper's W_Q, W_K ∈ R^{d_h × d} (Section 4.1),
 * z_ij = LN(W_Q x_i)ᵀ LN(W_K x_j). nanoGPT here has one d × d {@code Linear} per projection
 * (DJL stores its weight as (out, in), row r giving output unit r), and head h reads output
 * units [h d_h, (h+1) d_h): its matrix is rows h d_h .. (h+1) d_h − 1, a contiguous block of
 * d_h · d entries of the row-major weight.
 *
 * <p>With qk-norm (layer-norm over each head's d_h features) and no bias, the loss is invariant
 * to the scale of each such block separately, so this is the finest W for which Lemma 2
 * (⟨W, g_W⟩ = 0) holds; the whole d × d weight is scale-invariant too, as the union of its heads.
 *
 * @param parameter the weight's key in {@code getParameters()}; DJL numbers the children, so it
 *                  reads e.g. {@code 01h0_02attn_01q_weight} (see {@link Coordinate#shortName})
 * @param layer     transformer block
 * @param kind      'q' or 'k'
 * @param head      head index
 * @param offset    first entry of the block in the flat weight
 * @param length    d_h · d
 */
public record HeadMatrix(String parameter, int layer, char kind, int head, int offset, int length) {

    /**
     * Every query and key head matrix of the model: layer by layer, q heads then k heads.
     *
     * @param parameterNames the model's parameter keys, to find each layer's q and k weight
     */
    public static List<HeadMatrix> all(GptConfig config, Collection<String> parameterNames) {
        int block = config.headDim() * config.dim();
        List<HeadMatrix> out = new ArrayList<>();
        for (int l = 0; l < config.layers(); l++) {
            for (char kind : new char[]{'q', 'k'}) {
                String name = find(parameterNames, "h" + l + "_attn_" + kind + "_weight");
                for (int h = 0; h < config.heads(); h++) {
                    out.add(new HeadMatrix(name, l, kind, h, h * block, block));
                }
            }
        }
        return List.copyOf(out);
    }

    private static String find(Collection<String> names, String shortName) {
        List<String> found = names.stream().filter(n -> Coordinate.shortName(n).equals(shortName)).toList();
        if (found.size() != 1) {
            throw new IllegalArgumentException("expected one parameter named like " + shortName + ", found " + found + " in " + names);
        }
        return found.get(0);
    }

    /** e.g. "L0 q head 1". */
    public String label() {
        return "L" + layer + " " + kind + " head " + head;
    }

    /** ⟨a, b⟩ over this block of two flat arrays of the weight's shape, in double. */
    public double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = offset; i < offset + length; i++) {
            s += (double) a[i] * b[i];
        }
        return s;
    }
}
