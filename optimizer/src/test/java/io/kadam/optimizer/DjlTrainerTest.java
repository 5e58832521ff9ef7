package io.kadam.optimizer;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.core.Linear;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.EasyTrain;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.dataset.Batch;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.training.loss.Loss;
import ai.djl.engine.Engine;
import io.kadam.optimizer.schedule.LrSchedule;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * k-Adam as the optimizer of a DJL Trainer, on a linear regression: the loss must fall (it would
 * not if the real gradient were left to accumulate), and the Trainer path must make the same
 * updates as calling {@link KAdam#step} directly.
 */
class DjlTrainerTest {

    private static final int STEPS = 200;

    @Test
    void trainsThroughDjlTrainerAndMatchesDirectSteps() {
        float[] viaTrainer = train(true);
        float[] direct = train(false);
        assertArrayEquals(viaTrainer, direct, 1e-6f);
    }

    private static float[] train(boolean viaTrainer) {
        Engine.getInstance().setRandomSeed(1234);
        try (NDManager manager = NDManager.newBaseManager(); Model model = Model.newInstance("linear")) {
            NDArray x = manager.randomNormal(new Shape(64, 8));
            NDArray trueW = manager.arange(8f).reshape(8, 1).div(4);
            NDArray y = x.dot(trueW).add(0.5f);
            Block block = Linear.builder().setUnits(1).build();
            model.setBlock(block);
            KAdam kadam = new KAdam(KAdamConfig.of(LevelStrategy.INVERSE_EXP, 2).withWeightDecay(1e-4, WeightDecay.DECOUPLED),
                    LrSchedule.constant(5e-2));
            DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.l2Loss())
                    .optOptimizer(kadam)
                    .optInitializer(new NormalInitializer(0.01f), p -> true);
            try (Trainer trainer = model.newTrainer(config)) {
                trainer.initialize(new Shape(64, 8));
                float first = Float.NaN;
                float last = Float.NaN;
                for (int step = 0; step < STEPS; step++) {
                    float loss;
                    if (viaTrainer) {
                        // a Batch owns (and closes) its arrays: give it copies
                        try (NDManager scope = manager.newSubManager();
                             Batch batch = new Batch(scope, new NDList(x.duplicate()), new NDList(y.duplicate()), 1, null, null, 0, 1)) {
                            EasyTrain.trainBatch(trainer, batch);
                            trainer.step();
                        }
                        loss = lossOf(trainer, x, y);
                    } else {
                        try (GradientCollector collector = trainer.newGradientCollector()) {
                            NDArray pred = trainer.forward(new NDList(x)).singletonOrThrow();
                            NDArray l = Loss.l2Loss().evaluate(new NDList(y), new NDList(pred));
                            collector.backward(l);
                        }
                        kadam.step(block.getParameters());
                        loss = lossOf(trainer, x, y);
                    }
                    UpdateStats u = kadam.takeStats();
                    assertTrue(u.maxUpdate() > 0 && Double.isFinite(u.maxUpdate()), "max-update at step " + step);
                    if (step == 0) {
                        first = loss;
                    }
                    last = loss;
                }
                assertTrue(last < first / 100, "loss must fall: " + first + " -> " + last);
                return block.getParameters().get("weight").getArray().toFloatArray();
            }
        }
    }

    private static float lossOf(Trainer trainer, NDArray x, NDArray y) {
        NDArray pred = trainer.evaluate(new NDList(x)).singletonOrThrow();
        try (NDArray l = Loss.l2Loss().evaluate(new NDList(y), new NDList(pred))) {
            return l.getFloat();
        } finally {
            pred.close();
        }
    }
}
