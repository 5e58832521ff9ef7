package io.kadam.model.nn;

/**
 * nanoGPT's configuration as plain data.
 *
 * @param vocabSize tokens (50257 for GPT-2 BPE, 256 for bytes)
 * @param context   block size T: the longest sequence the position embedding covers
 * @param layers    transformer blocks
 * @param heads     attention heads; dim must divide by it
 * @param dim       embedding width
 * @param dropout   dropout rate in [0, 1); note: dropout masks come from torch's global RNG,
 *                  which every trial in a JVM shares, so only dropout 0 is reproducible when
 *                  several trials run at once
 * @param bias      biases in the linear layers (nanoGPT's GPT-2 default is true; false keeps
 *                  q and k scale-invariant under qk-norm)
 * @param qkNorm    layer-norm on each head's queries and keys (the paper's scale-invariant case)
 */
public record GptConfig(int vocabSize, int context, int layers, int heads, int dim, double dropout,
                        boolean bias, boolean qkNorm) implements ModelSpec {

    public GptConfig {
        positive("vocabSize", vocabSize);
        positive("context", context);
        positive("layers", layers);
        positive("heads", heads);
        positive("dim", dim);
        if (dim % heads != 0) {
            throw new IllegalArgumentException("dim must be divisible by heads (" + heads + "), got " + dim);
        }
        if (!(dropout >= 0 && dropout < 1)) {
            throw new IllegalArgumentException("dropout must be in [0, 1), got " + dropout);
        }
    }

    /** The paper's model (App. H): 6 layers, 6 heads, 384 wide, GPT-2 vocabulary, context 256. */
    public static GptConfig paper() {
        return new GptConfig(50257, 256, 6, 6, 384, 0.2, false, false);
    }

    /**
     * The CPU preset that shows Fig. 3's effect (experiments.md): byte vocabulary, 1 layer,
     * 2 heads, 32 wide, context 32, no dropout. Most byte rows never occur in the text, and the
     * updates of those vanished-gradient rows are what grows in B−.
     */
    public static GptConfig tinyBytes() {
        return new GptConfig(256, 32, 1, 2, 32, 0.0, false, false);
    }

    public GptConfig withQkNorm(boolean on) {
        return new GptConfig(vocabSize, context, layers, heads, dim, dropout, bias, on);
    }

    public GptConfig withVocabSize(int size) {
        return new GptConfig(size, context, layers, heads, dim, dropout, bias, qkNorm);
    }

    public int headDim() {
        return dim / heads;
    }

    private static void positive(String field, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(field + " must be >= 1, got " + value);
        }
    }
}
