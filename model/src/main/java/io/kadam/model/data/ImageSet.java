package io.kadam.model.data;

/**
 * Labelled images, pixels as floats row-major N×C×H×W (channel-first, as PyTorch). Loaders
 * return pixels in [0, 1] (byte / 255, as torchvision's ToTensor); {@link #normalized} then
 * standardizes each channel.
 */
public record ImageSet(float[] pixels, int[] labels, int count, int channels, int height, int width, int classes) {

    public ImageSet {
        if (count < 1 || channels < 1 || height < 1 || width < 1 || classes < 1) {
            throw new DataException("image set: count, channels, height, width and classes must be >= 1, got "
                    + count + ", " + channels + ", " + height + ", " + width + ", " + classes);
        }
        if (pixels.length != (long) count * channels * height * width) {
            throw new DataException("image set: expected " + count + "×" + channels + "×" + height + "×" + width
                    + " = " + (long) count * channels * height * width + " pixels, got " + pixels.length);
        }
        if (labels.length != count) {
            throw new DataException("image set: expected " + count + " labels, got " + labels.length);
        }
        for (int i = 0; i < count; i++) {
            if (labels[i] < 0 || labels[i] >= classes) {
                throw new DataException("image set: label " + labels[i] + " of image " + i
                        + " is outside [0, " + classes + ")");
            }
        }
    }

    /** Floats per image: channels × height × width. */
    public int imageSize() {
        return channels * height * width;
    }

    /** Mean and (population) standard deviation of each channel over all images and pixels. */
    public ChannelStats channelMeanStd() {
        int plane = height * width;
        float[] mean = new float[channels];
        float[] std = new float[channels];
        for (int c = 0; c < channels; c++) {
            double sum = 0;
            double sumSquares = 0;
            for (int n = 0; n < count; n++) {
                int base = (n * channels + c) * plane;
                for (int i = base; i < base + plane; i++) {
                    sum += pixels[i];
                    sumSquares += (double) pixels[i] * pixels[i];
                }
            }
            double values = (double) count * plane;
            double m = sum / values;
            mean[c] = (float) m;
            std[c] = (float) Math.sqrt(Math.max(0, sumSquares / values - m * m));
        }
        return new ChannelStats(mean, std);
    }

    /** A copy with each channel's pixels mapped to (x − mean[c]) / std[c]. */
    public ImageSet normalized(float[] mean, float[] std) {
        if (mean.length != channels || std.length != channels) {
            throw new DataException("normalize: expected " + channels + " means and stds, got "
                    + mean.length + " and " + std.length);
        }
        int plane = height * width;
        float[] out = new float[pixels.length];
        for (int c = 0; c < channels; c++) {
            if (!(std[c] > 0)) {
                throw new DataException("normalize: std of channel " + c + " must be > 0, got " + std[c]);
            }
            for (int n = 0; n < count; n++) {
                int base = (n * channels + c) * plane;
                for (int i = base; i < base + plane; i++) {
                    out[i] = (pixels[i] - mean[c]) / std[c];
                }
            }
        }
        return new ImageSet(out, labels.clone(), count, channels, height, width, classes);
    }

    public ImageSet normalized(ChannelStats stats) {
        return normalized(stats.mean(), stats.std());
    }
}
