package io.kadam.model.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.training.loss.SoftmaxCrossEntropyLoss;
import io.kadam.model.SeededRandom;
import io.kadam.model.data.EpochSampler;
import io.kadam.model.data.ImageBatch;
import io.kadam.model.data.ImageSet;
import io.kadam.model.nn.Cnn;
import io.kadam.model.nn.CnnConfig;
import io.kadam.model.nn.ParameterInit;
import io.kadam.optimizer.tensor.HostCopy;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * The CNN on images: shuffled epochs of the train set, softmax cross-entropy; evaluation on the
 * test set in order (all of it, or the first {@code evalBatches} batches): loss and top-1 accuracy.
 */
final class ImageTask implements Task {

    private final CnnConfig config;
    private final Block model;
    private final ImageSet train;
    private final ImageSet test;
    private final int batchSize;
    private final int evalBatches;
    private EpochSampler sampler;
    private final SoftmaxCrossEntropyLoss crossEntropy = new SoftmaxCrossEntropyLoss("xent", 1, -1, true, true);

    ImageTask(CnnConfig config, ImageSet train, ImageSet test, int batchSize, int evalBatches, SeededRandom dataRng) {
        for (ImageSet set : new ImageSet[]{train, test}) {
            if (set.channels() != config.inChannels() || set.height() != config.height() || set.width() != config.width()) {
                throw new IllegalArgumentException("images are " + set.channels() + "x" + set.height() + "x" + set.width()
                        + " but the CNN expects " + config.inChannels() + "x" + config.height() + "x" + config.width());
            }
        }
        this.config = config;
        this.model = Cnn.build(config);
        this.train = train;
        this.test = test;
        this.batchSize = batchSize;
        this.evalBatches = evalBatches;
        this.sampler = new EpochSampler(train, dataRng);
    }

    /** Iterations in one pass over the train set (the last batch may be smaller). */
    static long stepsPerEpoch(ImageSet train, int batchSize) {
        return (train.count() + batchSize - 1) / batchSize;
    }

    @Override
    public Block block() {
        return model;
    }

    @Override
    public Shape inputShape() {
        return config.inputShape(batchSize);
    }

    @Override
    public NDList[] nextBatch(NDManager manager) {
        ImageBatch b = sampler.next(batchSize);
        return arrays(manager, b.x(), b.y(), b.batchSize());
    }

    private NDList[] arrays(NDManager manager, float[] x, int[] y, int n) {
        NDArray images = HostCopy.of(manager, x, config.inputShape(n));
        return new NDList[]{new NDList(images), new NDList(HostCopy.of(manager, y, new Shape(n)))};
    }

    @Override
    public NDArray loss(NDArray logits, NDArray labels) {
        return crossEntropy.evaluate(new NDList(labels), new NDList(logits));
    }

    @Override
    public double[] evaluate(ParameterStore ps, NDManager manager) {
        int size = test.imageSize();
        int limit = evalBatches == 0 ? test.count() : Math.min(test.count(), evalBatches * batchSize);
        double lossSum = 0;
        long correct = 0;
        for (int from = 0; from < limit; from += batchSize) {
            int n = Math.min(batchSize, limit - from);
            float[] x = new float[n * size];
            System.arraycopy(test.pixels(), from * size, x, 0, n * size);
            int[] y = new int[n];
            System.arraycopy(test.labels(), from, y, 0, n);
            try (NDManager scope = manager.newSubManager()) {
                NDList[] xy = arrays(scope, x, y, n);
                NDArray logits = model.forward(ps, xy[0], false).singletonOrThrow();
                lossSum += loss(logits, xy[1].singletonOrThrow()).getFloat() * n;
                correct += logits.argMax(1).toType(DataType.INT32, false).eq(xy[1].singletonOrThrow()).sum().getLong();
            }
        }
        return new double[]{lossSum / limit, (double) correct / limit};
    }

    @Override
    public void saveState(DataOutputStream out) throws IOException {
        EpochSampler.State s = sampler.state();
        out.writeInt(s.epoch());
        out.writeInt(s.position());
        out.writeLong(s.epochRngState());
    }

    @Override
    public void loadState(DataInputStream in) throws IOException {
        sampler = EpochSampler.restore(train, new EpochSampler.State(in.readInt(), in.readInt(), in.readLong()));
    }

    @Override
    public void initializeWeights(SeededRandom rng) {
        ParameterInit.apply(model, rng, ParameterInit.PYTORCH_DEFAULT);
    }
}
