package io.kadam.model.data;

/** Per-channel mean and standard deviation of pixels in [0, 1], e.g. of a training set. */
public record ChannelStats(float[] mean, float[] std) {

    public ChannelStats {
        if (mean.length != std.length) {
            throw new DataException("channel stats: " + mean.length + " means but " + std.length + " stds");
        }
    }
}
