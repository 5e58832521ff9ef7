package io.kadam.model.data;

/**
 * A tokenized corpus cut into a training and a held-out part.
 *
 * @param description what this is, e.g. "/data/tinyshakespeare/input.txt, byte tokens, 1003854 train / 111540 test"
 */
public record TokenSplit(int[] train, int[] test, int vocabSize, String description) {

    public TokenSplit {
        if (train == null || test == null) {
            throw new DataException(description + ": train and test tokens must not be null");
        }
        if (vocabSize < 1) {
            throw new DataException(description + ": vocabSize must be >= 1, got " + vocabSize);
        }
    }

    /**
     * The first (1 − testFraction) of {@code tokens} for training, the rest for testing, as
     * nanoGPT's prepare.py: a contiguous cut, so no test text leaks into training.
     */
    public static TokenSplit contiguous(int[] tokens, double testFraction, int vocabSize, String source, String tokenizerName) {
        checkTestFraction(testFraction, source);
        int nTrain = (int) (tokens.length * (1.0 - testFraction));
        int nTest = tokens.length - nTrain;
        if (nTrain < 2 || nTest < 2) {
            throw new DataException(source + ": " + tokens.length + " " + tokenizerName + " tokens are too few to split "
                    + "with test fraction " + testFraction + " (each side needs at least 2 tokens: an input and its target)");
        }
        int[] train = java.util.Arrays.copyOfRange(tokens, 0, nTrain);
        int[] test = java.util.Arrays.copyOfRange(tokens, nTrain, tokens.length);
        return new TokenSplit(train, test, vocabSize, describe(source, tokenizerName, nTrain, nTest));
    }

    /**
     * The first {@code maxTokens} of {@code tokens} (all of them when maxTokens is
     * {@link C4Corpus#NO_LIMIT} or more than there are): a spec's {@code max_tokens} for any text source.
     */
    public static int[] first(int[] tokens, int maxTokens) {
        if (maxTokens < 1) {
            throw new DataException("max tokens must be >= 1 (or NO_LIMIT), got " + maxTokens);
        }
        return tokens.length <= maxTokens ? tokens : java.util.Arrays.copyOf(tokens, maxTokens);
    }

    static String describe(String source, String tokenizerName, int nTrain, int nTest) {
        return source + ", " + tokenizerName + " tokens, " + nTrain + " train / " + nTest + " test";
    }

    static void checkTestFraction(double testFraction, String source) {
        if (!(testFraction > 0 && testFraction < 1)) {
            throw new DataException(source + ": test fraction must be strictly between 0 and 1, got " + testFraction);
        }
    }
}
