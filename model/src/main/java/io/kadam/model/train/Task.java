package io.kadam.model.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/** What differs between training nanoGPT on text and the CNN on images. */
interface Task {

    /** The model, not yet initialized. */
    Block block();

    /** The input shape for one batch (for {@code Block.initialize}). */
    Shape inputShape();

    /** The next training batch: inputs and labels, created in {@code manager}. */
    NDList[] nextBatch(NDManager manager);

    /** Mean loss of a batch. */
    NDArray loss(NDArray output, NDArray labels);

    /** Test loss and accuracy (NaN when not a classifier), with autograd off. */
    double[] evaluate(ParameterStore ps, NDManager manager);

    /** Saves / restores the data order (sampler and RNG state) for checkpoints. */
    void saveState(DataOutputStream out) throws IOException;

    void loadState(DataInputStream in) throws IOException;

    /** Initializes the weights from the trial's seed (never from torch's shared RNG). */
    void initializeWeights(io.kadam.model.SeededRandom rng);
}
