package io.kadam.model.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.training.loss.SoftmaxCrossEntropyLoss;
import io.kadam.model.SeededRandom;
import io.kadam.model.data.ContextWindows;
import io.kadam.model.data.TokenBatch;
import io.kadam.model.data.TokenSplit;
import io.kadam.model.nn.GptConfig;
import io.kadam.model.nn.GptInit;
import io.kadam.model.nn.NanoGpt;
import io.kadam.optimizer.tensor.HostCopy;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;

/**
 * nanoGPT on a token corpus: random context windows of the train split (nanoGPT's get_batch),
 * cross-entropy of the next token; evaluation on a fixed set of held-out windows, the same for
 * every trial (seed {@link #EVAL_SEED}) so that the points of a sweep are compared on one set.
 */
final class LanguageTask implements Task {

    static final long EVAL_SEED = 1337;

    private final GptConfig config;
    private final NanoGpt model;
    private final ContextWindows train;
    private final List<TokenBatch> evalBatches;
    private final int batchSize;
    private SeededRandom dataRng;
    private final SoftmaxCrossEntropyLoss crossEntropy = new SoftmaxCrossEntropyLoss("xent", 1, -1, true, true);

    LanguageTask(GptConfig config, TokenSplit tokens, int batchSize, int evalBatches, SeededRandom dataRng) {
        if (tokens.vocabSize() > config.vocabSize()) {
            throw new IllegalArgumentException("model vocabSize " + config.vocabSize() + " is smaller than the data's vocabulary "
                    + tokens.vocabSize() + " (" + tokens.description() + ")");
        }
        this.config = config;
        this.model = new NanoGpt(config);
        this.train = new ContextWindows(tokens.train(), config.context());
        this.evalBatches = evalBatches == 0 ? List.of()
                : new ContextWindows(tokens.test(), config.context()).fixedBatches(EVAL_SEED, evalBatches, batchSize);
        this.batchSize = batchSize;
        this.dataRng = dataRng;
    }

    @Override
    public Block block() {
        return model;
    }

    @Override
    public Shape inputShape() {
        return new Shape(batchSize, config.context());
    }

    @Override
    public NDList[] nextBatch(NDManager manager) {
        return arrays(manager, train.sample(dataRng, batchSize));
    }

    private NDList[] arrays(NDManager manager, TokenBatch b) {
        Shape shape = new Shape(b.batchSize(), b.context());
        return new NDList[]{new NDList(HostCopy.of(manager, b.x(), shape)), new NDList(HostCopy.of(manager, b.y(), shape))};
    }

    @Override
    public NDArray loss(NDArray logits, NDArray targets) {
        // flattened to (B·T, V): DJL's pick for the sparse labels handles 2-D predictions only
        long vocab = logits.getShape().get(2);
        return crossEntropy.evaluate(new NDList(targets.reshape(-1)), new NDList(logits.reshape(-1, vocab)));
    }

    @Override
    public double[] evaluate(ParameterStore ps, NDManager manager) {
        double sum = 0;
        for (TokenBatch b : evalBatches) {
            try (NDManager scope = manager.newSubManager()) {
                NDList[] xy = arrays(scope, b);
                NDArray logits = model.forward(ps, xy[0], false).singletonOrThrow();
                sum += loss(logits, xy[1].singletonOrThrow()).getFloat();
            }
        }
        return new double[]{evalBatches.isEmpty() ? Double.NaN : sum / evalBatches.size(), Double.NaN};
    }

    @Override
    public void saveState(DataOutputStream out) throws IOException {
        out.writeLong(dataRng.state());
    }

    @Override
    public void loadState(DataInputStream in) throws IOException {
        dataRng = new SeededRandom(in.readLong());
    }

    @Override
    public void initializeWeights(SeededRandom rng) {
        GptInit.apply(model, rng);
    }
}
