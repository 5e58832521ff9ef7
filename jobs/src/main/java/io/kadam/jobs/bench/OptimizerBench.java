package io.kadam.jobs.bench;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import ai.djl.util.PairList;
import io.kadam.model.nn.GptConfig;
import io.kadam.model.nn.NanoGpt;
import io.kadam.optimizer.KAdam;
import io.kadam.optimizer.KAdamConfig;
import io.kadam.optimizer.LevelStrategy;
import io.kadam.optimizer.schedule.LrSchedule;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Benchmark 1: one k-Adam step over nanoGPT's 30M parameters (the paper model's own tensors), for
 * k = 1, 2, 3, 5: ms per step and effective GB/s ((3 + 4k) × 4 bytes per parameter: read θ, g
 * and every level's m, v; write θ, m, v), against the memory bandwidth of this machine measured in
 * the same run (a STREAM triad on one core) and PyTorch's Adam on the same shapes.
 */
final class OptimizerBench {
    private OptimizerBench() {}

    static void run(PrintStream out, TorchReference torch, int repeats) {
        Engine.getInstance();
        JniUtils.setGradMode(false);
        JniUtils.setNumThreads(1);
        double triad = MemoryBandwidth.triadGBs(30_000_000, 5);
        out.printf(Locale.ROOT, "memory bandwidth (STREAM triad, 1 core, 3 x 120 MB float arrays): %.1f GB/s%n", triad);
        try (NDManager manager = NDManager.newBaseManager()) {
            GptConfig paper = GptConfig.paper();
            NanoGpt model = new NanoGpt(paper);
            model.initialize(manager, DataType.FLOAT32, new Shape(1, paper.context()));
            PairList<String, Parameter> params = model.getParameters();
            long n = params.values().stream().mapToLong(p -> p.getArray().size()).sum();
            out.printf(Locale.ROOT, "k-Adam step on nanoGPT's %,d parameters in %d tensors (1 torch thread):%n", n, params.size());
            double torchForeach = torch.ms("optimizer-adam-foreach");
            for (int k : new int[]{1, 2, 3, 5}) {
                KAdam kadam = new KAdam(KAdamConfig.of(LevelStrategy.INVERSE_EXP, k), LrSchedule.constant(1e-3));
                double ms = time(kadam, params, repeats);
                double gbs = (3 + 4.0 * k) * 4 * n / (ms / 1000) / 1e9;
                out.printf(Locale.ROOT, "  k=%d: %8.1f ms/step  %5.1f GB/s = %3.0f%% of the triad bandwidth%s%n", k, ms, gbs,
                        100 * gbs / triad, k == 1 && !Double.isNaN(torchForeach)
                                ? String.format(Locale.ROOT, "  (%.2fx torch Adam foreach %.1f ms; fused %.1f ms)", ms / torchForeach,
                                torchForeach, torch.ms("optimizer-adam-fused")) : "");
            }
        }
    }

    /** Median of {@code repeats} timed steps after three warmups (state allocation, JIT compilation). */
    private static double time(KAdam kadam, PairList<String, Parameter> params, int repeats) {
        double[] ms = new double[repeats];
        for (int r = -3; r < repeats; r++) {
            setGradients(params);
            long start = System.nanoTime();
            kadam.step(params);
            kadam.takeStats();
            if (r >= 0) {
                ms[r] = (System.nanoTime() - start) / 1e6;
            }
        }
        return TrainBench.median(ms);
    }

    /** Gives every parameter a gradient (backward of Σ 1e-3·θ), untimed: the step zeroes it. */
    private static void setGradients(PairList<String, Parameter> params) {
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            NDArray loss = null;
            for (Parameter p : params.values()) {
                NDArray term = p.getArray().sum().mul(1e-3f);
                loss = loss == null ? term : loss.add(term);
            }
            collector.backward(loss);
        }
    }
}
