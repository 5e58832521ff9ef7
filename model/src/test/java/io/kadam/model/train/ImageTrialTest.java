package io.kadam.model.train;

import io.kadam.model.SeededRandom;
import io.kadam.model.data.ImageSet;
import io.kadam.model.nn.CnnConfig;
import io.kadam.optimizer.KAdamConfig;
import io.kadam.optimizer.LevelStrategy;
import io.kadam.optimizer.WeightDecay;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The CNN path of the trainer on small synthetic images: learning, accuracy, resume, bad input. */
class ImageTrialTest {

    /** Two classes: a bright top half or a bright bottom half, plus noise. */
    private static ImageSet stripes(int count, long seed) {
        SeededRandom rng = new SeededRandom(seed);
        float[] pixels = new float[count * 28 * 28];
        int[] labels = new int[count];
        for (int i = 0; i < count; i++) {
            labels[i] = rng.nextInt(2);
            for (int p = 0; p < 28 * 28; p++) {
                boolean top = p < 14 * 28;
                pixels[i * 784 + p] = (float) ((top == (labels[i] == 0) ? 1.0 : 0.0) + 0.3 * rng.nextGaussian());
            }
        }
        return new ImageSet(pixels, labels, count, 1, 28, 28, 10);
    }

    private static final TrialData DATA = new TrialData.Images(stripes(600, 1), stripes(200, 2));
    private static final CnnConfig MODEL = CnnConfig.fashionMnist();

    private static TrialConfig config(long steps) {
        return new TrialConfig(MODEL, KAdamConfig.of(LevelStrategy.INVERSE_EXP, 2).withWeightDecay(1e-4, WeightDecay.DECOUPLED),
                ScheduleSpec.warmupCosine(3e-3, 1, 4, 3e-4).perEpoch(10), steps, 64, 20, 0, 5, 0);
    }

    @Test
    void learnsAndReportsAccuracy() {
        RecordingSink sink = new RecordingSink();
        TrialOutcome outcome = TrialRunner.run(config(40), DATA, TrialRunner.Options.cpu(1), sink);
        assertEquals(TrialStatus.COMPLETED, outcome.status());
        assertEquals(2, sink.evals.size());
        EvalMetrics last = sink.evals.get(1);
        assertTrue(last.accuracy() > 0.95, "accuracy " + last.accuracy());
        assertEquals(last.accuracy(), outcome.bestAccuracy(), 0);
        // the per-epoch schedule: epoch 0 is warmup at lr/1, 10 steps per epoch
        assertEquals(3e-3, sink.steps.get(0).lr(), 1e-12);
        assertEquals(sink.steps.get(10).lr(), sink.steps.get(19).lr(), 0);
    }

    @Test
    void resumeMidEpochIsIdentical(@TempDir Path dir) {
        RecordingSink whole = new RecordingSink();
        TrialRunner.run(config(25), DATA, TrialRunner.Options.cpu(1), whole);
        Path ckpt = dir.resolve("cnn.ckpt");
        TrialRunner.run(config(14), DATA, TrialRunner.Options.cpu(1).withCheckpoint(ckpt, 13), new RecordingSink());
        RecordingSink resumed = new RecordingSink();
        TrialRunner.run(config(25), DATA, TrialRunner.Options.cpu(1).withCheckpoint(ckpt, 13), resumed);
        assertEquals(whole.stepsWithoutTiming(), resumed.stepsWithoutTiming());
        List<EvalMetrics> a = whole.evalsWithoutTiming();
        assertEquals(a.get(a.size() - 1), resumed.evalsWithoutTiming().get(resumed.evals.size() - 1));
    }

    @Test
    void textModelOnImagesIsRefused() {
        TrialConfig gptOnImages = Fixtures.tinyGpt(5, KAdamConfig.adam(0.999, 0.9), 1e-3);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TrialRunner.run(gptOnImages, DATA, TrialRunner.Options.cpu(1), new RecordingSink()));
        assertTrue(e.getMessage().contains("cannot train on Images"), e.getMessage());
    }
}
