package io.kadam.model.dynamics;

import io.kadam.model.data.GeneratedText;
import io.kadam.model.data.TokenSplit;
import io.kadam.model.nn.GptConfig;

/** The tiny runs the dynamics tests observe: seconds each, no data files needed. */
final class TinyRuns {
    private TinyRuns() {}

    /** 300 k characters of seeded Markov-chain English as bytes. */
    static final TokenSplit TEXT = GeneratedText.tokens(1, 300_000, "byte", 0.1);

    /** Byte vocabulary, 1 layer, 2 heads, dim 32, context 16; AdamW γ 0.9, β 0.999, λ 0.1, batch 8. */
    static AdamWSetup setup(long seed, double lr, int iterations) {
        return new AdamWSetup(new GptConfig(256, 16, 1, 2, 32, 0.0, false, false), 8, lr, 0.999, 0.9, 0.1, iterations, seed);
    }
}
