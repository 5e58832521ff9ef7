package io.kadam.jobs.bench;

import ai.djl.Device;
import io.kadam.model.SeededRandom;
import io.kadam.model.data.GeneratedText;
import io.kadam.model.data.ImageSet;
import io.kadam.model.nn.CnnConfig;
import io.kadam.model.nn.GptConfig;
import io.kadam.model.nn.ModelSpec;
import io.kadam.model.train.ScheduleSpec;
import io.kadam.model.train.Trial;
import io.kadam.model.train.TrialConfig;
import io.kadam.model.train.TrialData;
import io.kadam.optimizer.KAdamConfig;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.Locale;

/**
 * Benchmark 2: a full training step (data, forward, backward, k-Adam, metrics) of nanoGPT and of
 * the CNN, on one torch thread: tokens/s or images/s, the share of the step in the optimizer and
 * in reading the metrics, and the ratio to PyTorch eager on the same configs.
 */
final class TrainBench {
    private TrainBench() {}

    /** The configs of bench/torch_reference.py: name, vocab, context, layers, heads, dim, batch. */
    private static final Object[][] GPTS = {
            {"tiny", 256, 32, 1, 2, 32, 8},
            {"small", 50257, 64, 4, 4, 128, 16},
            {"paper", 50257, 256, 6, 6, 384, 8}};

    static void run(PrintStream out, TorchReference torch, String configs, int repeats) {
        out.println("training step (1 torch thread, Adam, median of " + repeats + " steps after 2 warmups):");
        for (Object[] g : GPTS) {
            String name = (String) g[0];
            if (!Arrays.asList(configs.split(",")).contains(name)) {
                continue;
            }
            GptConfig model = new GptConfig((int) g[1], (int) g[2], (int) g[3], (int) g[4], (int) g[5], 0.0, false, false);
            int batch = (int) g[6];
            String tokenizer = model.vocabSize() == 256 ? "byte" : "gpt2";
            TrialData data = new TrialData.Text(GeneratedText.tokens(1, 400_000, tokenizer, 0.1));
            double[] r = time(model, data, batch, repeats);
            double ms = r[0];
            out.printf(Locale.ROOT, "  nanoGPT %-5s (vocab %d, %dL/%dH/%d, context %d, batch %d): %8.1f ms/step, %8.0f tokens/s, "
                            + "optimizer %4.1f%%, metrics %4.1f%%%s%n", name, model.vocabSize(), model.layers(), model.heads(), model.dim(),
                    model.context(), batch, ms, batch * model.context() / (ms / 1000), r[1], r[2], ratio(ms, torch.ms("train-gpt-" + name)));
        }
        int batch = 128;
        double[] r = time(CnnConfig.fashionMnist(), new TrialData.Images(images(batch * 4, 1), images(batch, 2)), batch, repeats);
        out.printf(Locale.ROOT, "  CNN fashion-mnist (105,922 params, batch %d):                      %8.1f ms/step, %8.0f images/s, "
                + "optimizer %4.1f%%, metrics %4.1f%%%s%n", batch, r[0], batch / (r[0] / 1000), r[1], r[2], ratio(r[0], torch.ms("train-cnn")));
    }

    /** {ms per step, optimizer %, metrics %}: medians over timed steps. */
    private static double[] time(ModelSpec model, TrialData data, int batch, int repeats) {
        TrialConfig config = new TrialConfig(model, KAdamConfig.adam(0.999, 0.9), ScheduleSpec.constant(1e-3), repeats + 2, batch,
                0, 0, 1, 0);
        double[] ms = new double[repeats];
        double[] opt = new double[repeats];
        double[] metrics = new double[repeats];
        try (Trial trial = Trial.setup(config, data, Device.cpu(), 1)) {
            for (int s = -2; s < repeats; s++) {
                double seconds = trial.step().seconds();
                if (s >= 0) {
                    Trial.StepTiming t = trial.lastTiming();
                    ms[s] = seconds * 1000;
                    opt[s] = 100 * t.optimizerSeconds() / seconds;
                    metrics[s] = 100 * t.metricsSeconds() / seconds;
                }
            }
        }
        return new double[]{median(ms), median(opt), median(metrics)};
    }

    private static ImageSet images(int count, long seed) {
        SeededRandom rng = new SeededRandom(seed);
        float[] pixels = new float[count * 784];
        int[] labels = new int[count];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (float) rng.nextGaussian();
        }
        for (int i = 0; i < count; i++) {
            labels[i] = rng.nextInt(10);
        }
        return new ImageSet(pixels, labels, count, 1, 28, 28, 10);
    }

    static String ratio(double ms, double torchMs) {
        return Double.isNaN(torchMs) ? "" : String.format(Locale.ROOT, "  = %.2fx torch (%.1f ms)", ms / torchMs, torchMs);
    }

    static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        return v[v.length / 2];
    }
}
