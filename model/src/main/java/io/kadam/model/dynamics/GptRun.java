package io.kadam.model.dynamics;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import ai.djl.training.loss.SoftmaxCrossEntropyLoss;
import ai.djl.util.PairList;
import io.kadam.model.SeededRandom;
import io.kadam.model.data.ContextWindows;
import io.kadam.model.data.TokenBatch;
import io.kadam.model.data.TokenSplit;
import io.kadam.model.nn.GptConfig;
import io.kadam.model.nn.GptInit;
import io.kadam.model.nn.NanoGpt;
import io.kadam.optimizer.tensor.HostCopy;

/**
 * nanoGPT trained one explicit step at a time on CPU, so that the checks can read every
 * parameter and gradient between backward and the optimizer update (the trainer's
 * {@code Trial.step} does both in one call, and k-Adam zeroes the gradient).
 *
 * <p>Seeding is the trainer's: weights from {@code seed.fork("init")} via {@link GptInit}, random
 * context windows from {@code seed.fork("data")}, the same cross-entropy, autograd on this thread
 * only (grad mode on for forward and backward). So a run here follows a {@code Trial} of the same
 * model, seed, batch size and optimizer step for step.
 */
public final class GptRun implements AutoCloseable {

    /** One optimizer update over the model's parameters; must zero the gradients it read. */
    @FunctionalInterface
    public interface Update {
        void step(PairList<String, Parameter> parameters);
    }

    private final GptConfig config;
    private final NDManager manager;
    private final NanoGpt model;
    private final ParameterStore store;
    private final ContextWindows train;
    private final SeededRandom dataRng;
    private final int batchSize;
    private final SoftmaxCrossEntropyLoss crossEntropy = new SoftmaxCrossEntropyLoss("xent", 1, -1, true, true);

    /**
     * @param threads torch intra-op threads for this thread (0: leave torch's setting)
     */
    public GptRun(GptConfig config, TokenSplit tokens, int batchSize, long seed, int threads) {
        if (tokens.vocabSize() > config.vocabSize()) {
            throw new IllegalArgumentException("model vocabSize " + config.vocabSize() + " is smaller than the data's vocabulary "
                    + tokens.vocabSize() + " (" + tokens.description() + ")");
        }
        Engine.getInstance();
        JniUtils.setGradMode(false); // new threads start with grad mode on
        if (threads > 0) {
            JniUtils.setNumThreads(threads);
        }
        this.config = config;
        this.batchSize = batchSize;
        SeededRandom root = new SeededRandom(seed);
        this.train = new ContextWindows(tokens.train(), config.context());
        this.dataRng = root.fork("data");
        this.model = new NanoGpt(config);
        this.manager = NDManager.newBaseManager(Device.cpu());
        try {
            // zeros first (no draw from torch's shared RNG), then the trial's own normal(0, 0.02)
            model.setInitializer(Initializer.ZEROS, p -> true);
            model.initialize(manager, DataType.FLOAT32, new Shape(batchSize, config.context()));
            GptInit.apply(model, root.fork("init"));
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
        this.store = new ParameterStore(manager, false);
    }

    public GptConfig config() {
        return config;
    }

    public PairList<String, Parameter> parameters() {
        return model.getParameters();
    }

    /** A fresh random batch, forward and backward: the gradients are in place; returns the loss. */
    public float forwardBackward() {
        TokenBatch b = train.sample(dataRng, batchSize);
        Shape shape = new Shape(b.batchSize(), b.context());
        try (NDScope scope = new NDScope()) {
            NDArray x = HostCopy.of(manager, b.x(), shape);
            NDArray y = HostCopy.of(manager, b.y(), shape);
            JniUtils.setGradMode(true);
            NDArray loss;
            try {
                NDArray logits = model.forward(store, new NDList(x), true).singletonOrThrow();
                long vocab = logits.getShape().get(2);
                loss = crossEntropy.evaluate(new NDList(y.reshape(-1)), new NDList(logits.reshape(-1, vocab)));
                try (NDArray ones = loss.onesLike()) {
                    JniUtils.backward((PtNDArray) loss, (PtNDArray) ones, false, false);
                }
            } finally {
                JniUtils.setGradMode(false);
            }
            return loss.getFloat();
        }
    }

    /** The optimizer step (after {@link #forwardBackward}). */
    public void update(Update update) {
        update.step(model.getParameters());
    }

    /** A parameter's current values, row-major. */
    public float[] values(String name) {
        return parameter(name).getArray().toFloatArray();
    }

    /** A parameter's gradient from the last backward (before the update zeroes it), row-major. */
    public float[] gradient(String name) {
        try (NDArray g = parameter(name).getArray().getGradient()) {
            return g.toFloatArray();
        }
    }

    public Parameter parameter(String name) {
        Parameter p = model.getParameters().get(name);
        if (p == null) {
            throw new IllegalArgumentException("no parameter '" + name + "'; the model has " + model.getParameters().keys());
        }
        return p;
    }

    @Override
    public void close() {
        manager.close();
    }
}
