package io.kadam.model.data;

import io.kadam.model.SeededRandom;

/**
 * Mini-batches from an image set in epochs: each epoch visits every image exactly once in a new
 * random order. The last batch of an epoch is smaller when batchSize does not divide the count
 * (PyTorch DataLoader's default drop_last=False); a batch never spans two epochs.
 * Not thread-safe: one sampler per trial.
 */
public final class EpochSampler {

    /**
     * Everything needed to continue exactly where a checkpoint left off.
     *
     * @param epoch          completed epochs
     * @param position       images already taken in the current epoch
     * @param epochRngState  RNG state before this epoch's permutation was drawn, so it can be redrawn
     */
    public record State(int epoch, int position, long epochRngState) {
    }

    private final ImageSet data;
    private final SeededRandom rng;
    private int epoch;
    private int position;
    private long epochRngState;
    private int[] order;

    /** Starts epoch 0; {@code rng} is copied, so the caller's generator is not advanced. */
    public EpochSampler(ImageSet data, SeededRandom rng) {
        this(data, new State(0, 0, rng.state()));
    }

    private EpochSampler(ImageSet data, State state) {
        if (state.epoch() < 0 || state.position() < 0 || state.position() >= data.count()) {
            throw new DataException("epoch sampler state " + state + " does not fit a set of " + data.count() + " images");
        }
        this.data = data;
        this.rng = new SeededRandom(state.epochRngState());
        this.epoch = state.epoch();
        this.position = state.position();
        this.epochRngState = state.epochRngState();
        this.order = rng.permutation(data.count());
    }

    /** Continues from a checkpointed {@link #state()} over the same image set. */
    public static EpochSampler restore(ImageSet data, State state) {
        return new EpochSampler(data, state);
    }

    public State state() {
        return new State(epoch, position, epochRngState);
    }

    /** Completed epochs: 1 right after the last batch of the first epoch was returned. */
    public int epoch() {
        return epoch;
    }

    public ImageBatch next(int batchSize) {
        if (batchSize < 1) {
            throw new DataException("batch size must be >= 1, got " + batchSize);
        }
        int n = Math.min(batchSize, data.count() - position);
        int imageSize = data.imageSize();
        float[] x = new float[n * imageSize];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            int image = order[position + i];
            System.arraycopy(data.pixels(), image * imageSize, x, i * imageSize, imageSize);
            y[i] = data.labels()[image];
        }
        position += n;
        if (position == data.count()) {
            epoch++;
            position = 0;
            epochRngState = rng.state();
            order = rng.permutation(data.count());
        }
        return new ImageBatch(x, y, n);
    }
}
