package io.kadam.model.train;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.util.Pair;
import io.kadam.model.SeededRandom;
import io.kadam.model.data.ImageSet;
import io.kadam.model.nn.CnnConfig;
import io.kadam.model.nn.GptConfig;
import io.kadam.optimizer.KAdamConfig;
import io.kadam.optimizer.LevelStrategy;
import io.kadam.optimizer.WeightDecay;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.reflect.Field;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.CRC32;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Identical trials agree bit for bit (loss, max-updates per level, gradient norm at every step,
 * and every weight at the end) while the garbage collector runs between and during steps, for
 * the CNN and the GPT, one after another, two at once, and resumed from a checkpoint.
 *
 * <p>Runs in its own JVM (the {@code determinism} execution in model/pom.xml): a 4 MB young
 * generation, so collections are constant, and glibc's MALLOC_PERTURB_=255, which fills freed
 * memory with 0xFF bytes (float NaN): a tensor left on memory that a collection freed reads NaN
 * at once. {@link #poisonExposesATensorLeftOnFreedJavaMemory} checks that the harness does catch
 * such a tensor, so a green run means something.
 */
class DeterminismTest {

    private static final int STEPS = 30;

    /** Collections in the middle of steps, not only between them. */
    private static Thread collector;

    @BeforeAll
    static void startCollector() {
        collector = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                System.gc();
                try {
                    Thread.sleep(3);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "determinism-gc");
        collector.setDaemon(true);
        collector.start();
    }

    @AfterAll
    static void stopCollector() {
        collector.interrupt();
    }

    /** Ten classes of striped 28×28 images with noise: learnable, not trivial. */
    private static ImageSet images(int count, long seed) {
        SeededRandom rng = new SeededRandom(seed);
        float[] pixels = new float[count * 784];
        int[] labels = new int[count];
        for (int i = 0; i < count; i++) {
            labels[i] = rng.nextInt(10);
            for (int p = 0; p < 784; p++) {
                pixels[i * 784 + p] = (float) (((p / 28 + labels[i]) % 5 == 0 ? 1.0 : 0.0) + 0.5 * rng.nextGaussian());
            }
        }
        return new ImageSet(pixels, labels, count, 1, 28, 28, 10);
    }

    private static final TrialData IMAGES = new TrialData.Images(images(640, 1), images(128, 2));
    private static final TrialData TEXT = new TrialData.Text(Fixtures.syntheticBytes(3000));

    /** fig6-cpu's optimizer: 2-Adam inverse-exp, ε 1e-30, decoupled decay; warmup then cosine. */
    private static TrialConfig cnn() {
        return new TrialConfig(CnnConfig.fashionMnist(), KAdamConfig.of(LevelStrategy.INVERSE_EXP, 2).withEps(1e-30)
                .withWeightDecay(1e-4, WeightDecay.DECOUPLED), ScheduleSpec.warmupCosine(3e-3, 1, 3, 3e-4).perEpoch(10),
                STEPS, 64, 10, 1, 11, 0);
    }

    private static TrialConfig gpt() {
        return Fixtures.tinyGpt(STEPS, KAdamConfig.of(LevelStrategy.EXP, 2), 3e-3);
    }

    /** Everything a step reports, as raw bits, and a checksum of the final weights. */
    private record Fingerprint(List<List<Long>> steps, long weights) {
    }

    private static Fingerprint run(TrialConfig config, TrialData data, Path resumeFrom, Path saveAt, int saveStep) throws Exception {
        List<List<Long>> steps = new ArrayList<>();
        try (Trial trial = Trial.setup(config, data, Device.cpu(), 1)) {
            if (resumeFrom != null) {
                trial.restore(resumeFrom);
            }
            while (trial.stepsDone() < config.steps()) {
                StepMetrics m = trial.step();
                System.gc();
                assertFalse(Divergence.diverged(m), () -> "identical trials must not diverge: "
                        + Divergence.locate(m, trial.model().getParameters()).reason());
                List<Long> bits = new ArrayList<>();
                bits.add(Double.doubleToRawLongBits(m.loss()));
                bits.add(Double.doubleToRawLongBits(m.maxUpdate()));
                bits.add(Double.doubleToRawLongBits(m.gradNorm()));
                for (double level : m.levelMaxUpdates()) {
                    bits.add(Double.doubleToRawLongBits(level));
                }
                steps.add(bits);
                if (saveAt != null && trial.stepsDone() == saveStep) {
                    trial.save(saveAt);
                    return new Fingerprint(steps, weightChecksum(trial));
                }
                if (trial.stepsDone() % config.evalInterval() == 0) {
                    assertTrue(Double.isFinite(trial.evaluate().testLoss()));
                }
            }
            assertTrue(noJavaMemory(trial), "every parameter in libtorch memory after training");
            return new Fingerprint(steps, weightChecksum(trial));
        }
    }

    private static Fingerprint run(TrialConfig config, TrialData data) throws Exception {
        return run(config, data, null, null, 0);
    }

    /** CRC-32 of every weight's raw float bits, in block order. */
    private static long weightChecksum(Trial trial) {
        CRC32 crc = new CRC32();
        for (Pair<String, Parameter> p : trial.model().getParameters()) {
            for (float value : p.getValue().getArray().toFloatArray()) {
                int bits = Float.floatToRawIntBits(value);
                crc.update(new byte[]{(byte) bits, (byte) (bits >>> 8), (byte) (bits >>> 16), (byte) (bits >>> 24)});
            }
        }
        return crc.getValue();
    }

    private static void assertIdentical(TrialConfig config, TrialData data, Path dir) throws Exception {
        Fingerprint first = run(config, data);
        assertEquals(first, run(config, data), "a second identical trial, same thread");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Fingerprint> a = pool.submit(() -> run(config, data));
            Future<Fingerprint> b = pool.submit(() -> run(config, data));
            assertEquals(first, a.get(), "an identical trial on another thread, beside a third");
            assertEquals(first, b.get(), "the third");
        } finally {
            pool.shutdownNow();
        }
        Path checkpoint = dir.resolve("half.ckpt");
        Fingerprint half = run(config, data, null, checkpoint, STEPS / 2 + 1);
        Fingerprint rest = run(config, data, checkpoint, null, 0);
        List<List<Long>> joined = new ArrayList<>(half.steps());
        joined.addAll(rest.steps());
        assertEquals(first, new Fingerprint(joined, rest.weights()), "saved at step " + (STEPS / 2 + 1) + ", resumed");
    }

    @Test
    void identicalCnnTrialsAgreeBitForBit(@TempDir Path dir) throws Exception {
        assertIdentical(cnn(), IMAGES, dir);
    }

    @Test
    void identicalGptTrialsAgreeBitForBit(@TempDir Path dir) throws Exception {
        assertIdentical(gpt(), TEXT, dir);
    }

    /**
     * DJL keeps a tensor made from Java values on the Java buffer it copied them into (the
     * PtNDArray's dataRef). None of a trial's tensors may: weights after setup and after a
     * restore, and the batches of both models.
     */
    @Test
    void noTrialTensorSitsInJavaMemory(@TempDir Path dir) throws Exception {
        Path checkpoint = dir.resolve("t.ckpt");
        try (Trial trial = Trial.setup(cnn(), IMAGES, Device.cpu(), 1)) {
            assertTrue(noJavaMemory(trial), "weights after setup");
            trial.step();
            trial.save(checkpoint);
        }
        try (Trial trial = Trial.setup(cnn(), IMAGES, Device.cpu(), 1)) {
            trial.restore(checkpoint);
            assertTrue(noJavaMemory(trial), "weights after a restore");
        }
        try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            TrialData.Images images = (TrialData.Images) IMAGES;
            Task imageTask = new ImageTask(CnnConfig.fashionMnist(), images.train(), images.test(), 8, 1, new SeededRandom(1));
            GptConfig model = (GptConfig) gpt().model();
            Task textTask = new LanguageTask(model, ((TrialData.Text) TEXT).tokens(), 4, 1, new SeededRandom(1));
            for (Task task : List.of(imageTask, textTask)) {
                for (NDList list : task.nextBatch(manager)) {
                    for (NDArray array : list) {
                        assertNull(dataRef(array), "a batch array of " + task.getClass().getSimpleName());
                    }
                }
            }
        }
    }

    /**
     * The harness itself: a tensor whose Java buffer was freed (DJL's own create, then a view that
     * outlives the wrapper) must read something else than what was written within a second of
     * collections. If this fails, the determinism tests above prove nothing.
     */
    @Test
    void poisonExposesATensorLeftOnFreedJavaMemory() throws Exception {
        assumeTrue("255".equals(System.getenv("MALLOC_PERTURB_")),
                "needs MALLOC_PERTURB_=255 (set by the determinism execution in model/pom.xml)");
        try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            float[] ones = new float[1024];
            Arrays.fill(ones, 1f);
            NDArray javaBacked = manager.create(ones, new Shape(1024)); // what HostCopy avoids
            NDArray alias = javaBacked.reshape(32, 32); // a second libtorch reference to that memory
            javaBacked.close(); // drops the only Java reference to the buffer
            float sum = alias.sum().getFloat();
            assertEquals(1024f, sum, "before any collection");
            for (int i = 0; i < 200 && sum == 1024f; i++) {
                System.gc();
                Thread.sleep(5);
                sum = alias.sum().getFloat();
            }
            assertTrue(sum != 1024f, "the freed buffer was never poisoned: the harness cannot see a use-after-free");
        }
    }

    private static boolean noJavaMemory(Trial trial) throws Exception {
        for (Pair<String, Parameter> p : trial.model().getParameters()) {
            if (dataRef(p.getValue().getArray()) != null) {
                System.err.println("parameter " + p.getKey() + " sits in a Java buffer");
                return false;
            }
        }
        return true;
    }

    /** The Java buffer DJL keeps for a tensor whose storage it is, or null (test-only reflection). */
    private static Object dataRef(NDArray array) throws Exception {
        Field field = PtNDArray.class.getDeclaredField("dataRef");
        field.setAccessible(true);
        return field.get(array);
    }
}
