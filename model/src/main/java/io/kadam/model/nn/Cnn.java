package io.kadam.model.nn;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.pooling.Pool;
import ai.djl.util.Pair;
import io.kadam.model.SeededRandom;

/**
 * The image classifier of Fig. 6 (k-Adam on CIFAR-10; Fashion-MNIST at CPU scale). The network
 * is described in {@link CnnConfig}; this class only turns a config into a DJL block:
 *
 * <pre>
 *   input (N, C, H, W) float32
 *   per stage:  conv3×3 pad 1 → [BN] → ReLU → conv3×3 pad 1 → [BN] → ReLU → maxpool 2×2 stride 2
 *   flatten → linear(hidden) → ReLU → linear(classes)
 *   output (N, classes) logits; train with softmax cross-entropy
 * </pre>
 *
 * Checked once against PyTorch 2.13 (not a test: torch is no dependency): loading these weights
 * into the same {@code nn.Sequential} of {@code Conv2d(3, padding=1)}, {@code BatchNorm2d},
 * {@code ReLU}, {@code MaxPool2d(2)}, {@code Flatten}, {@code Linear} gives bit-identical logits
 * for both factories, with BN in training mode, and for odd image sizes.
 *
 * <p>Typical use in a trial:
 *
 * <pre>{@code
 *   Block net = Cnn.create(CnnConfig.fashionMnist(), model.getNDManager(), trialRng.fork("init"));
 *   model.setBlock(net);   // then newTrainer / trainer.initialize as usual: the weights stay
 * }</pre>
 */
public final class Cnn {

    private Cnn() {
    }

    /** The uninitialized network for {@code config}. */
    public static Block build(CnnConfig config) {
        SequentialBlock net = new SequentialBlock();
        for (int channels : config.stageChannels()) {
            for (int conv = 0; conv < 2; conv++) {
                net.add(Conv2d.builder()
                        .setKernelShape(new Shape(3, 3))
                        .optPadding(new Shape(1, 1)) // keeps H×W: only the pools shrink the image
                        .setFilters(channels)
                        .optBias(!config.batchNorm()) // BN's β is the bias (see CnnConfig)
                        .build());
                if (config.batchNorm()) {
                    net.add(BatchNorm.builder().build()); // over channels (axis 1), ε 1e-5, as BatchNorm2d
                }
                net.add(Activation.reluBlock());
            }
            net.add(Pool.maxPool2dBlock(new Shape(2, 2), new Shape(2, 2))); // floors odd sizes, as PyTorch
        }
        net.add(Blocks.batchFlattenBlock()); // (N, C, h, w) → (N, C·h·w), channel-major like torch.flatten
        net.add(Linear.builder().setUnits(config.hidden()).build());
        net.add(Activation.reluBlock());
        net.add(Linear.builder().setUnits(config.classes()).build());
        return net;
    }

    /**
     * The network with PyTorch's default initialization drawn from {@code rng} (give it a stream of
     * its own, e.g. {@code trialRng.fork("init")}); parameters are float32 arrays of {@code manager}.
     */
    public static Block create(CnnConfig config, NDManager manager, SeededRandom rng) {
        Block net = build(config);
        ParameterInit.initialize(net, manager, rng, ParameterInit.PYTORCH_DEFAULT, config.inputShape(1));
        return net;
    }

    /**
     * Number of trainable values (parameters that take a gradient) in any initialized block, i.e.
     * PyTorch's {@code sum(p.numel() for p in model.parameters())}: BN running statistics are
     * buffers there and are not counted.
     */
    public static long parameterCount(Block block) {
        long count = 0;
        for (Pair<String, Parameter> p : block.getParameters()) {
            Parameter parameter = p.getValue();
            if (parameter.getShape() == null) {
                throw new IllegalStateException("parameter " + p.getKey() + " has no shape yet: initialize the block first");
            }
            if (parameter.requiresGradient()) {
                count += parameter.getShape().size();
            }
        }
        return count;
    }
}
