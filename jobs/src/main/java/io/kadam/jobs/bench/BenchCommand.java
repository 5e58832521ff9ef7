package io.kadam.jobs.bench;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code kadam bench [optimizer|train|sweep|sql|all] [--python PATH] [--configs tiny,small]}:
 * the performance benchmarks, printing figures and ratios against PyTorch measured in the same
 * run. Not unit tests: timings on a shared machine vary, so nothing here asserts a speed.
 */
public final class BenchCommand {

    public static final String USAGE = """
            usage: kadam bench [optimizer|train|sweep|sql|all] [--python PATH] [--configs tiny,small,paper] [--repeats N]
                               [--sweep-spec conf/quickstart.yaml]

              optimizer  k-Adam step on nanoGPT's 30M parameters, k = 1, 2, 3, 5: ms, GB/s, vs memory bandwidth and torch Adam
              train      training steps of nanoGPT (configs) and the CNN: tokens/s, images/s, optimizer/metrics share, vs torch
              sweep      a spec's trials (--sweep-spec, default the quickstart's) through Spark vs a plain loop: Spark's overhead
              sql        the tables over 128 trials x 3000 steps + 2400 trials x 20 evals (generated)
              --python   a Python with torch for the reference (or KADAM_TORCH_PYTHON); runs bench/torch_reference.py
            """;

    private BenchCommand() {}

    public static int run(List<String> what, String python, String configs, int repeats, Path sweepSpec, PrintStream out)
            throws Exception {
        boolean all = what.isEmpty() || what.contains("all");
        Path script = Path.of("bench", "torch_reference.py");
        if (all || what.contains("optimizer")) {
            OptimizerBench.run(out, TorchReference.measure(python, script, "optimizer", "--repeats", Integer.toString(repeats))
                    .reportTo(out), repeats);
        }
        if (all || what.contains("train")) {
            TrainBench.run(out, TorchReference.measure(python, script, "all", "--configs", configs, "--repeats", Integer.toString(repeats))
                    .reportTo(out), configs, repeats);
        }
        if (all || what.contains("sweep")) {
            SweepOverheadBench.run(out, sweepSpec);
        }
        if (all || what.contains("sql")) {
            AggregationBench.run(out, 128, 3000, 2400);
        }
        return 0;
    }
}
