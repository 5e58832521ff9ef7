package io.kadam.model.nn;

import ai.djl.ndarray.types.Shape;

import java.util.List;

/**
 * The CNN of Fig. 6 as plain data. The paper's Fig. 10 (the architecture) is an image that our
 * text copy lacks; it says only "3×3 convolutions with padding 1". So this is a small VGG-style
 * stack, the one an independent PyTorch run of Fig. 6 on Fashion-MNIST used:
 *
 * <pre>
 *   for each stage s:  [conv3×3(pad 1) → (BN) → ReLU] × 2  →  maxpool 2×2
 *   flatten → linear(hidden) → ReLU → linear(classes)          (logits; softmax is in the loss)
 * </pre>
 *
 * Pooling floors odd sizes as PyTorch's {@code MaxPool2d} does (28 → 14 → 7 → 3), so the input
 * need not be divisible by 2^stages; it must only be at least 2^stages, so that every pool has a
 * 2×2 window to look at.
 *
 * @param inChannels    image channels (1 for Fashion-MNIST, 3 for CIFAR-10)
 * @param height        image height in pixels
 * @param width         image width in pixels
 * @param classes       number of output logits, ≥ 2
 * @param stageChannels output channels of the two convs of each stage, first stage first
 * @param hidden        width of the one hidden fully-connected layer
 * @param batchNorm     conv → BN → ReLU instead of conv → ReLU. The conv then has no bias: BN
 *                      subtracts the batch mean, so that bias's true gradient is 0 and what
 *                      autograd returns is round-off, which Adam with ε = 1e-30 would blow up
 *                      into full-size random updates; BN's β is the bias instead
 */
public record CnnConfig(int inChannels, int height, int width, int classes, List<Integer> stageChannels,
                        int hidden, boolean batchNorm) implements ModelSpec {

    public CnnConfig {
        if (inChannels < 1) {
            throw new IllegalArgumentException("inChannels must be >= 1, got " + inChannels);
        }
        if (classes < 2) {
            throw new IllegalArgumentException("classes must be >= 2, got " + classes);
        }
        if (stageChannels == null || stageChannels.isEmpty()) {
            throw new IllegalArgumentException("stageChannels must name at least one stage, got " + stageChannels);
        }
        for (int i = 0; i < stageChannels.size(); i++) {
            Integer c = stageChannels.get(i);
            if (c == null || c < 1) {
                throw new IllegalArgumentException("stageChannels[" + i + "] must be >= 1, got " + c);
            }
        }
        stageChannels = List.copyOf(stageChannels);
        // each stage halves the size (floor); below 2^stages the last pool would see nothing
        int minSize = 1 << Math.min(stageChannels.size(), 30);
        if (height < minSize) {
            throw new IllegalArgumentException("height must be >= 2^stages = " + minSize + " (one 2x2 max-pool per stage), got "
                    + height);
        }
        if (width < minSize) {
            throw new IllegalArgumentException("width must be >= 2^stages = " + minSize + " (one 2x2 max-pool per stage), got "
                    + width);
        }
        if (hidden < 1) {
            throw new IllegalArgumentException("hidden must be >= 1, got " + hidden);
        }
    }

    /**
     * Fashion-MNIST, 1×28×28: stages [8, 16], fc 128, no BN. 105,922 parameters, the same network
     * as the independent PyTorch run (28 → 14 → 7; flatten 16·7·7 = 784).
     */
    public static CnnConfig fashionMnist() {
        return new CnnConfig(1, 28, 28, 10, List.of(8, 16), 128, false);
    }

    /**
     * CIFAR-10, 3×32×32: stages [32, 64, 128], fc 128, no BN. 550,570 parameters (32 → 16 → 8 → 4;
     * flatten 128·4·4 = 2048). A common small VGG-style CIFAR net, big enough that the choice of
     * optimizer matters at the paper's 100 epochs; about 33× the compute per image of
     * {@link #fashionMnist()}, so CPU presets should pass smaller stages (e.g. [8, 16]: 136,786
     * parameters) to the constructor instead.
     */
    public static CnnConfig cifar10() {
        return new CnnConfig(3, 32, 32, 10, List.of(32, 64, 128), 128, false);
    }

    /** The same network with or without BatchNorm. */
    public CnnConfig withBatchNorm(boolean bn) {
        return new CnnConfig(inChannels, height, width, classes, stageChannels, hidden, bn);
    }

    /** NCHW shape of a batch of {@code batch} images. */
    public Shape inputShape(long batch) {
        return new Shape(batch, inChannels, height, width);
    }

    /** Height after the last pool: each 2×2 pool floors, as PyTorch's MaxPool2d does. */
    public int featureHeight() {
        return height >> stageChannels.size();
    }

    /** Width after the last pool. */
    public int featureWidth() {
        return width >> stageChannels.size();
    }

    /** Inputs of the first linear layer: last stage's channels × feature height × feature width. */
    public long flattenedFeatures() {
        return (long) stageChannels.get(stageChannels.size() - 1) * featureHeight() * featureWidth();
    }

    /**
     * Trainable parameters, counted from the config alone (no torch needed, e.g. to print a sweep
     * plan). BN running mean/variance are buffers, not parameters, as in PyTorch.
     */
    public long parameterCount() {
        long count = 0;
        long in = inChannels;
        for (int c : stageChannels) {
            for (int conv = 0; conv < 2; conv++) {
                count += in * c * 9 + (batchNorm ? 2L * c : c); // weights, then bias or BN's γ and β
                in = c;
            }
        }
        count += flattenedFeatures() * hidden + hidden;
        count += (long) hidden * classes + classes;
        return count;
    }
}
