package io.kadam.model.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import io.kadam.model.SeededRandom;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NanoGptTest {

    /**
     * Parameter count by hand: embeddings V·D + T·D; per layer 4·D² (q, k, v, proj, no bias)
     * + 8·D² (MLP) + 2 layer-norms of 2·D; the final layer-norm 2·D; the head is tied.
     */
    private static long expectedCount(GptConfig c) {
        long d = c.dim();
        long perLayer = 12 * d * d + 4 * d + (c.qkNorm() ? 4L * c.headDim() : 0);
        return c.vocabSize() * d + (long) c.context() * d + c.layers() * perLayer + 2 * d;
    }

    @Test
    void paperModelHasAboutThirtyMillionParameters() {
        GptConfig paper = GptConfig.paper();
        try (NDManager manager = NDManager.newBaseManager()) {
            NanoGpt model = new NanoGpt(paper);
            model.initialize(manager, DataType.FLOAT32, new Shape(1, paper.context()));
            long count = Cnn.parameterCount(model);
            System.out.printf("nanoGPT paper config (6L/6H/384, vocab 50257, context 256): %,d parameters%n", count);
            assertEquals(expectedCount(paper), count);
            assertEquals(30.0e6, count, 0.2e6);
        }
    }

    @Test
    void outputShapeAndQkNormParameters() {
        GptConfig c = new GptConfig(50, 16, 2, 4, 32, 0.0, false, true);
        try (NDManager manager = NDManager.newBaseManager()) {
            NanoGpt model = new NanoGpt(c);
            model.initialize(manager, DataType.FLOAT32, new Shape(3, 16));
            GptInit.apply(model, new SeededRandom(1));
            assertEquals(expectedCount(c), Cnn.parameterCount(model));
            NDArray idx = manager.create(new int[3 * 10], new Shape(3, 10)); // shorter than the context
            NDArray logits = model.forward(new ParameterStore(manager, false), new NDList(idx), false).singletonOrThrow();
            assertEquals(new Shape(3, 10, 50), logits.getShape());
        }
    }

    /** Position i must not see tokens after i: changing the last token leaves earlier logits alone. */
    @Test
    void attentionIsCausal() {
        GptConfig c = new GptConfig(20, 8, 2, 2, 16, 0.0, true, false);
        try (NDManager manager = NDManager.newBaseManager()) {
            NanoGpt model = new NanoGpt(c);
            model.initialize(manager, DataType.FLOAT32, new Shape(1, 8));
            GptInit.apply(model, new SeededRandom(2));
            ParameterStore ps = new ParameterStore(manager, false);
            int[] a = {1, 2, 3, 4, 5, 6, 7, 8};
            int[] b = a.clone();
            b[7] = 19;
            float[] la = model.forward(ps, new NDList(manager.create(a, new Shape(1, 8))), false).singletonOrThrow().toFloatArray();
            float[] lb = model.forward(ps, new NDList(manager.create(b, new Shape(1, 8))), false).singletonOrThrow().toFloatArray();
            int earlier = 7 * 20;
            assertArrayEquals(java.util.Arrays.copyOf(la, earlier), java.util.Arrays.copyOf(lb, earlier), 1e-6f);
            boolean lastChanged = false;
            for (int j = earlier; j < la.length; j++) {
                lastChanged |= la[j] != lb[j];
            }
            assertTrue(lastChanged, "the last position sees its own token");
        }
    }

    @Test
    void sameSeedSameWeights() {
        GptConfig c = GptConfig.tinyBytes();
        float[][] first = new float[3][];
        for (int run = 0; run < 3; run++) {
            try (NDManager manager = NDManager.newBaseManager()) {
                NanoGpt model = new NanoGpt(c);
                model.initialize(manager, DataType.FLOAT32, new Shape(1, c.context()));
                GptInit.apply(model, new SeededRandom(run == 2 ? 8 : 7));
                first[run] = model.getParameters().get("wte").getArray().toFloatArray();
            }
        }
        assertArrayEquals(first[0], first[1]);
        assertFalse(java.util.Arrays.equals(first[0], first[2]));
        double sumSq = 0;
        for (float x : first[0]) {
            sumSq += x * x;
        }
        assertEquals(0.02, Math.sqrt(sumSq / first[0].length), 0.002, "wte ~ normal(0, 0.02)");
    }

    @Test
    void badConfigNamesTheField() {
        assertEquals("dim must be divisible by heads (6), got 100",
                assertThrows(IllegalArgumentException.class, () -> new GptConfig(10, 8, 1, 6, 100, 0, false, false)).getMessage());
        assertEquals("dropout must be in [0, 1), got 1.0",
                assertThrows(IllegalArgumentException.class, () -> new GptConfig(10, 8, 1, 2, 8, 1.0, false, false)).getMessage());
        assertEquals("layers must be >= 1, got 0",
                assertThrows(IllegalArgumentException.class, () -> new GptConfig(10, 8, 0, 2, 8, 0, false, false)).getMessage());
    }
}
