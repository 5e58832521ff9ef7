package io.kadam.model.dynamics;

import io.kadam.model.SeededRandom;
import io.kadam.model.nn.GptConfig;
import io.kadam.model.train.EvalMetrics;
import io.kadam.model.train.MetricSink;
import io.kadam.model.train.ScheduleSpec;
import io.kadam.model.train.StepMetrics;
import io.kadam.model.train.TrialConfig;
import io.kadam.model.train.TrialData;
import io.kadam.model.train.TrialRunner;
import io.kadam.optimizer.KAdam;
import io.kadam.optimizer.KAdamConfig;
import io.kadam.optimizer.WeightDecay;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GptRunTest {

    @Test
    void headMatricesAndNames() {
        AdamWSetup setup = TinyRuns.setup(1, 1e-3, 1).withModel(new GptConfig(256, 16, 2, 2, 32, 0, false, true));
        try (GptRun run = setup.start(TinyRuns.TEXT)) {
            List<HeadMatrix> heads = HeadMatrix.all(setup.model(), run.parameters().keys());
            assertEquals(8, heads.size(), "2 layers x {q, k} x 2 heads");
            HeadMatrix k1 = heads.get(7);
            assertEquals("h1_attn_k_weight", Coordinate.shortName(k1.parameter()));
            assertEquals("L1 k head 1", k1.label());
            assertEquals(16 * 32, k1.offset(), "head 1 starts at row d_h = 16 of the (32, 32) weight");
            assertEquals(16 * 32, k1.length());
            assertEquals(List.of("h0_attn_q_weight", "h0_attn_k_weight", "h0_attn_v_weight", "h0_attn_proj_weight", "h0_mlp_fc_weight",
                            "h0_mlp_proj_weight", "h1_attn_q_weight", "h1_attn_k_weight", "h1_attn_v_weight", "h1_attn_proj_weight",
                            "h1_mlp_fc_weight", "h1_mlp_proj_weight"),
                    Coordinate.blockWeights(run.parameters()).stream().map(Coordinate::shortName).toList());
            List<Coordinate> drawn = Coordinate.sample(run.parameters(), List.of(k1.parameter()), 5, new SeededRandom(3));
            assertEquals(5, drawn.stream().distinct().count());
            assertTrue(drawn.stream().allMatch(c -> c.index() >= 0 && c.index() < 32 * 32));
        }
    }

    /** The same seed and optimizer give the trainer's losses exactly (40 steps). */
    @Test
    void followsTheTrainerStepForStep() {
        AdamWSetup setup = TinyRuns.setup(5, 1e-3, 40);
        List<Float> trainer = new ArrayList<>();
        TrialConfig trial = new TrialConfig(setup.model(), KAdamConfig.adam(0.999, 0.9).withWeightDecay(0.1, WeightDecay.DECOUPLED),
                ScheduleSpec.constant(1e-3), 40, 8, 0, 0, 5, 0);
        TrialRunner.run(trial, new TrialData.Text(TinyRuns.TEXT), TrialRunner.Options.cpu(1), new MetricSink() {
            @Override
            public void step(StepMetrics m) {
                trainer.add((float) m.loss());
            }

            @Override
            public void eval(EvalMetrics m) {
            }
        });
        try (GptRun run = setup.start(TinyRuns.TEXT)) {
            KAdam adamW = setup.newOptimizer();
            for (int n = 0; n < 40; n++) {
                assertEquals(trainer.get(n), run.forwardBackward(), 0f, "step " + n);
                run.update(adamW::step);
            }
        }
    }

    /** With no blocks the Java AdamW does k-Adam's float arithmetic: the same weights after 30 steps. */
    @Test
    void coarseGrainedAdamWWithoutBlocksIsKAdam() {
        AdamWSetup setup = TinyRuns.setup(3, 1e-3, 30).withQkNorm(true);
        float[][] kadam = train(setup, setup.newOptimizer()::step);
        float[][] java = train(setup, CoarseGrainedAdamW.of(setup, List.of()));
        for (int p = 0; p < kadam.length; p++) {
            assertArrayEquals(kadam[p], java[p], 0f, "parameter " + p);
        }
    }

    /**
     * One coarse-grained step by hand: at n = 0, c₀ = √(1−β)/(1−γ), m = (1−γ)g, ṽ = (1−β) mean(g²)
     * over the block, so u_j = g_j / rms(g) over the block, and θ₁ = θ₀ − η (u_j + λ θ₀).
     */
    @Test
    void firstCoarseGrainedStepByHand() {
        AdamWSetup setup = TinyRuns.setup(4, 1e-3, 1).withQkNorm(true);
        try (GptRun run = setup.start(TinyRuns.TEXT)) {
            HeadMatrix block = HeadMatrix.all(setup.model(), run.parameters().keys()).get(1);
            float[] theta0 = run.values(block.parameter());
            run.forwardBackward();
            float[] g = run.gradient(block.parameter());
            run.update(CoarseGrainedAdamW.of(setup, List.of(block)));
            float[] theta1 = run.values(block.parameter());
            double rms = Math.sqrt(block.dot(g, g) / block.length());
            for (int j = block.offset(); j < block.offset() + block.length(); j++) {
                double expected = theta0[j] - 1e-3 * (g[j] / rms + 0.1 * theta0[j]);
                assertEquals(expected, theta1[j], 2e-7 * Math.abs(theta0[j]) + 1e-9, "entry " + j);
            }
            // outside the block (head 0), every entry moves by the plain first Adam step: ±η, plus decay
            for (int j = 0; j < block.offset(); j++) {
                double expected = theta0[j] - 1e-3 * (Math.signum(g[j]) + 0.1 * theta0[j]);
                assertEquals(expected, theta1[j], 2e-7 * Math.abs(theta0[j]) + 1e-9, "entry " + j);
            }
        }
    }

    private static float[][] train(AdamWSetup setup, GptRun.Update update) {
        try (GptRun run = setup.start(TinyRuns.TEXT)) {
            for (int n = 0; n < setup.iterations(); n++) {
                run.forwardBackward();
                run.update(update);
            }
            List<float[]> out = new ArrayList<>();
            run.parameters().forEach(p -> out.add(run.values(p.getKey())));
            return out.toArray(new float[0][]);
        }
    }
}
