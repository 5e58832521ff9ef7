package io.kadam.model.data;

/**
 * A batch of next-token examples, row-major [batchSize][context]: y[i] is the token after x[i].
 */
public record TokenBatch(int[] x, int[] y, int batchSize, int context) {

    public TokenBatch {
        if (batchSize < 1 || context < 1) {
            throw new DataException("token batch: batchSize and context must be >= 1, got " + batchSize + " and " + context);
        }
        if (x.length != batchSize * context || y.length != batchSize * context) {
            throw new DataException("token batch: x and y must hold batchSize*context = " + batchSize * context
                    + " tokens, got " + x.length + " and " + y.length);
        }
    }
}
