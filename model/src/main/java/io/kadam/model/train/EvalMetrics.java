package io.kadam.model.train;

/**
 * A test evaluation after {@code step} + 1 updates.
 *
 * @param accuracy top-1 accuracy for the CNN; NaN for language models
 */
public record EvalMetrics(long step, double testLoss, double accuracy, double seconds) {

    public EvalMetrics withoutTiming() {
        return new EvalMetrics(step, testLoss, accuracy, 0);
    }
}
