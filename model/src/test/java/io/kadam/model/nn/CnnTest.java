package io.kadam.model.nn;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.EasyTrain;
import ai.djl.training.ParameterStore;
import ai.djl.training.Trainer;
import ai.djl.training.dataset.Batch;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import ai.djl.util.Pair;
import io.kadam.model.SeededRandom;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CnnTest {

    // ---- architecture ------------------------------------------------------------------------

    @Test
    void fashionMnistHasTheReferenceRunsShapeAndParameterCount() {
        CnnConfig config = CnnConfig.fashionMnist();
        try (NDManager manager = NDManager.newBaseManager()) {
            Block net = Cnn.create(config, manager, new SeededRandom(1));
            assertEquals(new Shape(4, 10), forward(net, manager, config, 4, false).getShape());
            // conv 1→8, 8→8, pool, 8→16, 16→16, pool, 16·7·7 = 784 → 128 → 10, as the PyTorch run
            assertEquals(105_922, Cnn.parameterCount(net));
            assertEquals(105_922, config.parameterCount());
            assertEquals(784, config.flattenedFeatures());
        }
    }

    @Test
    void cifar10HasTheDocumentedShapeAndParameterCount() {
        CnnConfig config = CnnConfig.cifar10();
        try (NDManager manager = NDManager.newBaseManager()) {
            Block net = Cnn.create(config, manager, new SeededRandom(1));
            assertEquals(new Shape(4, 10), forward(net, manager, config, 4, false).getShape());
            long count = Cnn.parameterCount(net);
            System.out.println("CnnConfig.cifar10() " + config.stageChannels() + ": " + count + " parameters");
            assertEquals(550_570, count);
            assertEquals(count, config.parameterCount());
            assertEquals(128 * 4 * 4, config.flattenedFeatures());
        }
    }

    @Test
    void batchNormVariantDropsConvBiasesAndRunsInBothModes() {
        CnnConfig config = CnnConfig.fashionMnist().withBatchNorm(true);
        try (NDManager manager = NDManager.newBaseManager()) {
            Block net = Cnn.create(config, manager, new SeededRandom(1));
            assertEquals(new Shape(4, 10), forward(net, manager, config, 4, true).getShape());
            assertEquals(new Shape(4, 10), forward(net, manager, config, 4, false).getShape());
            // 105,922 − 48 conv biases + 2·48 for γ, β; running mean/var are buffers, not counted
            assertEquals(105_970, Cnn.parameterCount(net));
            assertEquals(105_970, config.parameterCount());
        }
    }

    @Test
    void oddSizesAreFlooredByEachPool() {
        CnnConfig config = new CnnConfig(1, 28, 30, 5, List.of(4, 4, 4), 16, false); // 28→14→7→3, 30→15→7→3
        try (NDManager manager = NDManager.newBaseManager()) {
            Block net = Cnn.create(config, manager, new SeededRandom(1));
            assertEquals(new Shape(2, 5), forward(net, manager, config, 2, false).getShape());
            assertEquals(4 * 3 * 3, config.flattenedFeatures());
            assertEquals(config.parameterCount(), Cnn.parameterCount(net));
        }
    }

    // ---- initialization ----------------------------------------------------------------------

    @Test
    void initializationFollowsPytorchDefaults() {
        CnnConfig config = CnnConfig.fashionMnist().withBatchNorm(true);
        try (NDManager manager = NDManager.newBaseManager()) {
            Block net = Cnn.create(config, manager, new SeededRandom(7));
            List<String> visited = new ArrayList<>();
            ParameterInit.apply(net, new SeededRandom(7), (name, p, fanIn, rng) -> {
                visited.add(name);
                ParameterInit.PYTORCH_DEFAULT.fill(name, p, fanIn, rng);
            });
            // the rule sees getParameters()'s names, in its order (that order is the draw order)
            assertEquals(net.getParameters().keys(), visited);

            for (Pair<String, Parameter> p : net.getParameters()) {
                Parameter parameter = p.getValue();
                float[] v = parameter.getArray().toFloatArray();
                switch (parameter.getType()) {
                    case WEIGHT -> {
                        double bound = 1 / Math.sqrt(ParameterInit.fanIn(parameter.getShape()));
                        double maxAbs = maxAbs(v);
                        assertTrue(maxAbs <= bound, p.getKey() + " exceeds U(±1/√fan_in): " + maxAbs + " > " + bound);
                        assertTrue(maxAbs > 0.9 * bound, p.getKey() + " does not fill U(±1/√fan_in): " + maxAbs);
                    }
                    case BIAS -> assertTrue(maxAbs(v) > 0, p.getKey() + " should be U(±1/√fan_in), not zero");
                    case GAMMA, RUNNING_VAR -> assertTrue(allEqual(v, 1f), p.getKey() + " should be 1");
                    case BETA, RUNNING_MEAN -> assertTrue(allEqual(v, 0f), p.getKey() + " should be 0");
                    default -> throw new AssertionError("unexpected parameter " + p.getKey());
                }
            }
        }
        // the linear bias uses its layer's fan-in: fc1 of fashionMnist has fan-in 784
        try (NDManager manager = NDManager.newBaseManager()) {
            Block net = Cnn.create(CnnConfig.fashionMnist(), manager, new SeededRandom(7));
            String fc1 = net.getParameters().keys().stream().filter(k -> k.endsWith("Linear_bias")).findFirst().orElseThrow();
            float[] fc1Bias = net.getParameters().get(fc1).getArray().toFloatArray();
            assertTrue(maxAbs(fc1Bias) <= 1 / Math.sqrt(784), "fc1 bias bound is 1/√784");
            assertTrue(maxAbs(fc1Bias) > 0.8 / Math.sqrt(784), "fc1 bias should fill ±1/√784");
        }
    }

    @Test
    void sameSeedSameWeightsDifferentSeedDifferentWeights() {
        CnnConfig config = CnnConfig.fashionMnist();
        List<float[]> a = initialWeights(config, 42);
        List<float[]> b = initialWeights(config, 42);
        List<float[]> c = initialWeights(config, 43);
        assertEquals(a.size(), b.size());
        for (int i = 0; i < a.size(); i++) {
            assertArrayEquals(a.get(i), b.get(i), "parameter " + i);
        }
        for (int i = 0; i < a.size(); i++) {
            assertFalse(Arrays.equals(a.get(i), c.get(i)), "seeds 42 and 43 gave the same parameter " + i);
        }
    }

    @Test
    void concurrentInitializationWithTheSameSeedIsIdentical() throws Exception {
        CnnConfig config = CnnConfig.fashionMnist();
        List<float[]> reference = initialWeights(config, 42);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            // several rounds, so that the two threads really overlap
            for (int round = 0; round < 3; round++) {
                Future<List<float[]>> t1 = pool.submit(() -> initialWeights(config, 42));
                Future<List<float[]>> t2 = pool.submit(() -> initialWeights(config, 42));
                List<float[]> w1 = t1.get();
                List<float[]> w2 = t2.get();
                for (int i = 0; i < reference.size(); i++) {
                    assertArrayEquals(reference.get(i), w1.get(i), "thread 1, parameter " + i);
                    assertArrayEquals(reference.get(i), w2.get(i), "thread 2, parameter " + i);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void initializationDrawsNothingFromTorchsRng() {
        try (NDManager manager = NDManager.newBaseManager()) {
            Supplier<float[]> torchDraw = () -> manager.randomUniform(0f, 1f, new Shape(8)).toFloatArray();
            Engine.getInstance().setRandomSeed(99);
            float[] untouched = torchDraw.get();
            Engine.getInstance().setRandomSeed(99);
            Cnn.create(CnnConfig.fashionMnist().withBatchNorm(true), manager, new SeededRandom(5));
            assertArrayEquals(untouched, torchDraw.get(), "Cnn.create advanced torch's global RNG");
        }
    }

    @Test
    void normalAndUniformFillsHaveTheRequestedSpread() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray a = manager.zeros(new Shape(100, 200));
            SeededRandom rng = new SeededRandom(3);
            ParameterInit.normal(a, rng, 0.02);
            float[] v = a.toFloatArray();
            double mean = 0;
            double sq = 0;
            for (float x : v) {
                mean += x;
                sq += (double) x * x;
            }
            mean /= v.length;
            double std = Math.sqrt(sq / v.length - mean * mean);
            assertEquals(0.0, mean, 0.001);
            assertEquals(0.02, std, 0.0005);

            ParameterInit.uniform(a, rng, 0.5);
            v = a.toFloatArray();
            assertTrue(maxAbs(v) <= 0.5 && maxAbs(v) > 0.499);
            ParameterInit.ones(a);
            assertTrue(allEqual(a.toFloatArray(), 1f));
            ParameterInit.zeros(a);
            assertTrue(allEqual(a.toFloatArray(), 0f));
            assertEquals(200 * 3 * 3, ParameterInit.fanIn(new Shape(16, 200, 3, 3)));
        }
    }

    @Test
    void parametersOfTypeOtherNeedARule() {
        Parameter p = Parameter.builder().setName("mystery").setType(Parameter.Type.OTHER).optShape(new Shape(2)).build();
        try (NDManager manager = NDManager.newBaseManager()) {
            p.setInitializer(ai.djl.training.initializer.Initializer.ZEROS);
            p.initialize(manager, ai.djl.ndarray.types.DataType.FLOAT32);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> ParameterInit.PYTORCH_DEFAULT.fill("mystery", p, 0, new SeededRandom(1)));
            assertTrue(e.getMessage().contains("mystery"), e.getMessage());
        }
    }

    // ---- learning ----------------------------------------------------------------------------

    /**
     * Two classes of 1×28×28 noisy images (class 0: top half 0.3 brighter, class 1: bottom half;
     * noise N(0, 1) per pixel, so no single pixel tells); 40 Adam steps at batch 32 must take the
     * held-out loss far below ln 2.
     */
    @Test
    void learnsASyntheticTwoClassTask() {
        CnnConfig config = new CnnConfig(1, 28, 28, 2, List.of(8, 16), 128, false);
        SeededRandom data = new SeededRandom(11).fork("data");
        int batchSize = 32;
        try (Model model = Model.newInstance("cnn")) {
            NDManager manager = model.getNDManager();
            Block net = Cnn.create(config, manager, new SeededRandom(11).fork("init"));
            float[] seeded = net.getParameters().valueAt(0).getArray().toFloatArray();
            model.setBlock(net);
            DefaultTrainingConfig trainingConfig = new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
                    .optOptimizer(Optimizer.adam().optLearningRateTracker(Tracker.fixed(1e-3f)).build());
            try (Trainer trainer = model.newTrainer(trainingConfig)) {
                trainer.initialize(config.inputShape(batchSize));
                assertArrayEquals(seeded, net.getParameters().valueAt(0).getArray().toFloatArray(),
                        "trainer.initialize must keep the seeded weights");
                NDList[] heldOut = twoClassBatch(manager, data, 128);
                float before = lossAndAccuracy(trainer, heldOut)[0];
                for (int step = 0; step < 40; step++) {
                    try (NDManager scope = manager.newSubManager()) {
                        NDList[] xy = twoClassBatch(scope, data, batchSize);
                        // a Batch closes its arrays on close: they live in the step's own scope
                        Batch batch = new Batch(scope, xy[0], xy[1], batchSize, null, null, step, 40);
                        EasyTrain.trainBatch(trainer, batch);
                        trainer.step();
                    }
                }
                float[] after = lossAndAccuracy(trainer, heldOut);
                System.out.printf("synthetic 2-class: held-out loss %.4f -> %.4f, accuracy %.3f%n", before, after[0], after[1]);
                assertTrue(before > 0.5 && before < 1.0, "initial loss should be near ln 2, got " + before);
                assertTrue(after[0] < 0.3 * before, "loss must fall clearly: " + before + " -> " + after[0]);
                assertTrue(after[1] > 0.95, "held-out accuracy " + after[1]);
            }
        }
    }

    // ---- validation --------------------------------------------------------------------------

    @Test
    void badConfigValuesAreRefusedNamingTheField() {
        List<Integer> stages = List.of(8, 16);
        assertRefused("inChannels", () -> new CnnConfig(0, 28, 28, 10, stages, 128, false));
        assertRefused("height", () -> new CnnConfig(1, 3, 28, 10, stages, 128, false));
        assertRefused("height", () -> new CnnConfig(1, -28, 28, 10, stages, 128, false));
        assertRefused("width", () -> new CnnConfig(1, 28, 0, 10, stages, 128, false));
        assertRefused("classes", () -> new CnnConfig(1, 28, 28, 1, stages, 128, false));
        assertRefused("stageChannels", () -> new CnnConfig(1, 28, 28, 10, null, 128, false));
        assertRefused("stageChannels", () -> new CnnConfig(1, 28, 28, 10, List.of(), 128, false));
        assertRefused("stageChannels[1]", () -> new CnnConfig(1, 28, 28, 10, List.of(8, 0), 128, false));
        assertRefused("stageChannels[0]", () -> new CnnConfig(1, 28, 28, 10, Arrays.asList(null, 8), 128, false));
        assertRefused("hidden", () -> new CnnConfig(1, 28, 28, 10, stages, 0, false));
        // 2^stages > size: five pools cannot fit in 28 pixels
        assertRefused("height", () -> new CnnConfig(1, 28, 64, 10, List.of(1, 1, 1, 1, 1), 8, false));
    }

    // ---- helpers -----------------------------------------------------------------------------

    private static NDArray forward(Block net, NDManager manager, CnnConfig config, int batch, boolean training) {
        SeededRandom rng = new SeededRandom(123);
        NDArray x = manager.zeros(config.inputShape(batch));
        ParameterInit.normal(x, rng, 1.0);
        NDArray out = net.forward(new ParameterStore(manager, false), new NDList(x), training).singletonOrThrow();
        float[] v = out.toFloatArray();
        for (float f : v) {
            assertTrue(Float.isFinite(f), "logits must be finite");
        }
        return out;
    }

    private static List<float[]> initialWeights(CnnConfig config, long seed) {
        try (NDManager manager = NDManager.newBaseManager()) {
            Block net = Cnn.create(config, manager, new SeededRandom(seed).fork("init"));
            List<float[]> weights = new ArrayList<>();
            for (Pair<String, Parameter> p : net.getParameters()) {
                weights.add(p.getValue().getArray().toFloatArray());
            }
            return weights;
        }
    }

    private static NDList[] twoClassBatch(NDManager manager, SeededRandom rng, int n) {
        float[] images = new float[n * 28 * 28];
        float[] labels = new float[n];
        for (int i = 0; i < n; i++) {
            int label = rng.nextInt(2);
            labels[i] = label;
            for (int r = 0; r < 28; r++) {
                boolean bright = (r < 14) == (label == 0);
                for (int c = 0; c < 28; c++) {
                    images[(i * 28 + r) * 28 + c] = (bright ? 0.3f : 0f) + (float) rng.nextGaussian();
                }
            }
        }
        return new NDList[] {
                new NDList(manager.create(images, new Shape(n, 1, 28, 28))),
                new NDList(manager.create(labels, new Shape(n)))
        };
    }

    /** Loss and accuracy on fixed data, in prediction mode (nothing recorded, nothing changed). */
    private static float[] lossAndAccuracy(Trainer trainer, NDList[] xy) {
        try (NDManager scope = trainer.getManager().newSubManager()) {
            NDList x = new NDList(xy[0].singletonOrThrow().duplicate());
            x.attach(scope);
            NDArray logits = trainer.evaluate(x).singletonOrThrow();
            logits.attach(scope);
            NDArray labels = xy[1].singletonOrThrow();
            float loss = trainer.getLoss().evaluate(new NDList(labels), new NDList(logits)).getFloat();
            float[] predicted = logits.argMax(1).toType(ai.djl.ndarray.types.DataType.FLOAT32, false).toFloatArray();
            float[] truth = labels.toFloatArray();
            int correct = 0;
            for (int i = 0; i < truth.length; i++) {
                correct += predicted[i] == truth[i] ? 1 : 0;
            }
            return new float[] {loss, correct / (float) truth.length};
        }
    }

    private static void assertRefused(String field, org.junit.jupiter.api.function.Executable construct) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, construct, field);
        assertTrue(e.getMessage().startsWith(field), "message should name " + field + ": " + e.getMessage());
    }

    private static double maxAbs(float[] v) {
        double m = 0;
        for (float x : v) {
            m = Math.max(m, Math.abs(x));
        }
        return m;
    }

    private static boolean allEqual(float[] v, float value) {
        for (float x : v) {
            if (x != value) {
                return false;
            }
        }
        return true;
    }
}
