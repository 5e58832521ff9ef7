package io.kadam.model.train;

import io.kadam.model.data.TokenSplit;
import io.kadam.optimizer.KAdamConfig;
import io.kadam.optimizer.LevelStrategy;
import io.kadam.optimizer.WeightDecay;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrialTest {

    private static final TokenSplit TEXT = Fixtures.syntheticBytes(6000);
    private static final TrialData DATA = new TrialData.Text(TEXT);
    private static final TrialRunner.Options CPU = TrialRunner.Options.cpu(1);

    @Test
    void lossFallsAndMetricsAreRecorded() {
        TrialConfig config = Fixtures.tinyGpt(150, KAdamConfig.of(LevelStrategy.INVERSE_EXP, 2), 3e-3);
        RecordingSink sink = new RecordingSink();
        TrialOutcome outcome = TrialRunner.run(config, DATA, CPU, sink);
        assertEquals(TrialStatus.COMPLETED, outcome.status(), outcome.reason());
        assertEquals(150, sink.steps.size());
        assertEquals(3, sink.evals.size(), "evals at 50, 100, 150");
        StepMetrics first = sink.steps.get(0);
        assertEquals(Math.log(256), first.loss(), 0.1, "an untrained byte model is near uniform");
        assertEquals(2, first.levelMaxUpdates().length);
        assertTrue(first.gradNorm() > 0 && first.maxUpdate() > 0 && first.seconds() > 0);
        double lastTest = sink.evals.get(2).testLoss();
        assertTrue(lastTest < 3.2, "test loss must fall well below ln 256 = 5.55, got " + lastTest);
        assertEquals(149, sink.evals.get(2).step());
        System.out.printf("tiny GPT, 150 steps: train loss %.3f -> %.3f, test %.3f, %.1f ms/step%n", first.loss(),
                outcome.finalLoss(), lastTest, 1000 * sink.steps.stream().mapToDouble(StepMetrics::seconds).average().orElse(0));
    }

    @Test
    void sameSeedSameMetricsDifferentSeedDifferent() {
        TrialConfig config = Fixtures.tinyGpt(40, KAdamConfig.adam(0.999, 0.9).withWeightDecay(0.1, WeightDecay.DECOUPLED), 1e-3);
        RecordingSink a = new RecordingSink();
        RecordingSink b = new RecordingSink();
        RecordingSink c = new RecordingSink();
        TrialRunner.run(config, DATA, CPU, a);
        TrialRunner.run(config, DATA, CPU, b);
        TrialRunner.run(config.withSeed(8), DATA, CPU, c);
        assertEquals(a.stepsWithoutTiming(), b.stepsWithoutTiming());
        assertEquals(a.evalsWithoutTiming(), b.evalsWithoutTiming());
        assertNotEquals(a.stepsWithoutTiming(), c.stepsWithoutTiming());
    }

    /** Stop after a checkpoint, resume in a fresh trial: the rest is bit for bit the same. */
    @Test
    void checkpointResumeIsIdentical(@TempDir Path dir) {
        TrialConfig config = Fixtures.tinyGpt(60, KAdamConfig.of(LevelStrategy.INVERSE_EXP, 3), 2e-3);
        RecordingSink whole = new RecordingSink();
        TrialRunner.run(config, DATA, CPU, whole);

        Path ckpt = dir.resolve("trial.ckpt");
        RecordingSink firstPart = new RecordingSink();
        TrialRunner.run(config.withSteps(35), DATA, CPU.withCheckpoint(ckpt, 20), firstPart);
        assertTrue(Files.exists(ckpt));
        assertTrue(Files.notExists(dir.resolve("trial.ckpt.tmp")), "no temporary left behind");
        RecordingSink resumed = new RecordingSink();
        TrialOutcome outcome = TrialRunner.run(config, DATA, CPU.withCheckpoint(ckpt, 20), resumed);
        // the metrics up to the checkpoint come back from it (a resumed attempt on another executor
        // must commit every step), the rest are recomputed: all of it equals the uninterrupted run
        assertEquals(firstPart.stepsWithoutTiming().subList(0, 20), resumed.stepsWithoutTiming().subList(0, 20));
        assertEquals(whole.stepsWithoutTiming(), resumed.stepsWithoutTiming());
        assertEquals(whole.evalsWithoutTiming(), resumed.evalsWithoutTiming());
        assertEquals(whole.steps.get(59).loss(), outcome.finalLoss());
    }

    /** A corrupt checkpoint (a crash mid-write elsewhere) is dropped: the trial starts over, same result. */
    @Test
    void unreadableCheckpointStartsOver(@TempDir Path dir) throws Exception {
        TrialConfig config = Fixtures.tinyGpt(30, KAdamConfig.adam(0.999, 0.9), 1e-3);
        RecordingSink clean = new RecordingSink();
        TrialRunner.run(config, DATA, CPU, clean);
        Path ckpt = dir.resolve("trial.ckpt");
        Files.write(ckpt, new byte[]{0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 20, 1, 2, 3}); // right version, then garbage
        RecordingSink resumed = new RecordingSink();
        TrialOutcome outcome = TrialRunner.run(config, DATA, CPU.withCheckpoint(ckpt, 0), resumed);
        assertEquals(TrialStatus.COMPLETED, outcome.status());
        assertEquals(clean.stepsWithoutTiming(), resumed.stepsWithoutTiming());
        assertTrue(Files.notExists(ckpt), "the bad checkpoint is removed");
    }

    /** Spark runs several trials per executor JVM: two at once on two threads, same results as alone. */
    @Test
    void twoTrialsOnTwoThreads() throws Exception {
        TrialConfig a = Fixtures.tinyGpt(30, KAdamConfig.adam(0.999, 0.9), 1e-3);
        TrialConfig b = Fixtures.tinyGpt(30, KAdamConfig.of(LevelStrategy.EXP, 2), 1e-3).withSeed(3);
        RecordingSink aloneA = new RecordingSink();
        RecordingSink aloneB = new RecordingSink();
        TrialRunner.run(a, DATA, CPU, aloneA);
        TrialRunner.run(b, DATA, CPU, aloneB);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            RecordingSink sa = new RecordingSink();
            RecordingSink sb = new RecordingSink();
            Future<TrialOutcome> fa = pool.submit(() -> TrialRunner.run(a, DATA, CPU, sa));
            Future<TrialOutcome> fb = pool.submit(() -> TrialRunner.run(b, DATA, CPU, sb));
            assertEquals(TrialStatus.COMPLETED, fa.get().status());
            assertEquals(TrialStatus.COMPLETED, fb.get().status());
            assertEquals(aloneA.stepsWithoutTiming(), sa.stepsWithoutTiming());
            assertEquals(aloneB.stepsWithoutTiming(), sb.stepsWithoutTiming());
        } finally {
            pool.shutdownNow();
        }
    }

    /** Deep in B− with a large rate the run blows up: status diverged, the steps before it kept. */
    @Test
    void divergenceIsAnOutcome() {
        TrialConfig config = Fixtures.tinyGpt(3000, KAdamConfig.adam(0.9, 0.999), 0.5);
        RecordingSink sink = new RecordingSink();
        TrialOutcome outcome = TrialRunner.run(config, DATA, CPU, sink);
        assertEquals(TrialStatus.DIVERGED, outcome.status(), "outcome " + outcome);
        assertTrue(outcome.steps() < 3000);
        assertEquals(outcome.steps(), sink.steps.size(), "every step up to the divergence is kept");
        StepMetrics last = sink.steps.get(sink.steps.size() - 1);
        assertTrue(!Double.isFinite(last.loss()) || !Double.isFinite(last.maxUpdate()), last.toString());
        System.out.println("B- (0.9, 0.999) at lr 0.5: " + outcome.reason());
    }

    /** The optional early stop when a max-update leaves its Eq. 5 bound by a factor. */
    @Test
    void boundStopIsOffByDefaultAndStopsWhenAsked() {
        TrialConfig config = Fixtures.tinyGpt(30, KAdamConfig.adam(0.999, 0.9), 1e-3).withBoundStop(1e-3);
        TrialOutcome outcome = TrialRunner.run(config, DATA, CPU, new RecordingSink());
        assertEquals(TrialStatus.EXCEEDED_BOUND, outcome.status());
        assertTrue(outcome.reason().contains("exceeds"), outcome.reason());
        assertEquals(1, outcome.steps());
    }
}
