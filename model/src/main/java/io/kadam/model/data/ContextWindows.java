package io.kadam.model.data;

import io.kadam.model.SeededRandom;
import java.util.ArrayList;
import java.util.List;

/**
 * Random windows of {@code context} tokens from one token array, as nanoGPT's get_batch: a start
 * uniform in [0, len − T − 1], x = tokens[start, start+T), y = tokens[start+1, start+T+1).
 * Keeps a reference to the tokens (no copy: C4 streams are large); they must not be modified.
 */
public final class ContextWindows {

    private final int[] tokens;
    private final int context;

    public ContextWindows(int[] tokens, int context) {
        if (context < 1) {
            throw new DataException("context length must be >= 1, got " + context);
        }
        if (tokens.length < context + 1) {
            throw new DataException("context length " + context + " needs at least " + (context + 1)
                    + " tokens (a window plus its next token), but the data has only " + tokens.length);
        }
        this.tokens = tokens;
        this.context = context;
    }

    public int context() {
        return context;
    }

    /** How many distinct windows there are: the number of valid starts. */
    public int windowCount() {
        return tokens.length - context;
    }

    /** batchSize windows with independent uniform starts drawn from {@code rng}. */
    public TokenBatch sample(SeededRandom rng, int batchSize) {
        if (batchSize < 1) {
            throw new DataException("batch size must be >= 1, got " + batchSize);
        }
        int[] x = new int[batchSize * context];
        int[] y = new int[batchSize * context];
        for (int b = 0; b < batchSize; b++) {
            int start = rng.nextInt(windowCount());
            System.arraycopy(tokens, start, x, b * context, context);
            System.arraycopy(tokens, start + 1, y, b * context, context);
        }
        return new TokenBatch(x, y, batchSize, context);
    }

    /** The same {@code count} batches for the same seed, every call: a fixed evaluation set. */
    public List<TokenBatch> fixedBatches(long seed, int count, int batchSize) {
        SeededRandom rng = new SeededRandom(seed);
        List<TokenBatch> batches = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            batches.add(sample(rng, batchSize));
        }
        return List.copyOf(batches);
    }
}
