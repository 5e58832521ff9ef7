package io.kadam.model.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;

import java.util.function.Supplier;

/**
 * Autograd for one trial on one thread, without DJL's GradientCollector. That collector is one
 * per JVM (a static flag: a second concurrent trial fails with "A PtGradientCollector is already
 * collecting"), but PyTorch's grad mode is per thread, so each trial records its own graph.
 */
final class Autograd {
    private Autograd() {}

    /**
     * Prepares the calling thread: the engine loaded, grad mode off (new threads start with it
     * on), and {@code threads} intra-op threads for torch when > 0 (never oversubscribe: a trial
     * gets the cores its Spark task was given).
     */
    static void prepareThread(int threads) {
        Engine.getInstance();
        JniUtils.setGradMode(false);
        if (threads > 0) {
            JniUtils.setNumThreads(threads);
        }
    }

    /** Runs {@code loss} with grad mode on, back-propagates it, and returns it. */
    static NDArray backward(Supplier<NDArray> loss) {
        JniUtils.setGradMode(true);
        try {
            NDArray value = loss.get();
            try (NDArray ones = value.onesLike()) {
                JniUtils.backward((PtNDArray) value, (PtNDArray) ones, false, false);
            }
            return value;
        } finally {
            JniUtils.setGradMode(false);
        }
    }
}
