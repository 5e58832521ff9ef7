package io.kadam.jobs.bench;

import io.kadam.jobs.spec.DataSpec;
import io.kadam.jobs.spec.TrialPoint;
import io.kadam.jobs.spec.TrialSpec;
import io.kadam.jobs.sql.ResultTables;
import io.kadam.jobs.store.ResultLayout;
import io.kadam.jobs.store.TrialWriter;
import io.kadam.model.SeededRandom;
import io.kadam.model.nn.CnnConfig;
import io.kadam.model.nn.GptConfig;
import io.kadam.model.train.EvalMetrics;
import io.kadam.model.train.ScheduleSpec;
import io.kadam.model.train.StepMetrics;
import io.kadam.model.train.TrialConfig;
import io.kadam.model.train.TrialOutcome;
import io.kadam.model.train.TrialStatus;
import io.kadam.optimizer.KAdamConfig;
import io.kadam.optimizer.LevelStrategy;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Benchmark 4: the SQL tables over a paper-scale metrics set, generated: a fig3/fig4-like sweep of
 * 128 trials × 3000 steps (with 30 evals each) and a fig6-like one of 2400 trials × 20 evals.
 */
final class AggregationBench {
    private AggregationBench() {}

    static void run(PrintStream out, int curveTrials, int curveSteps, int gridTrials) throws Exception {
        Path dir = Files.createTempDirectory("kadam-bench-sql");
        ResultLayout layout = new ResultLayout(dir.toString());
        Configuration conf = new Configuration();
        long start = System.nanoTime();
        SeededRandom rng = new SeededRandom(1);
        for (int i = 0; i < curveTrials; i++) {
            double beta = 0.9516 + 0.048 * i / curveTrials;
            double gamma = Math.cbrt(2.723006 - 2 * beta * beta * beta);
            TrialWriter w = writer(layout, conf, "curve", i, beta, gamma, 1, "adam", 1e-3, 0, curveSteps);
            double c = 2 / gamma - 1 / beta - 1;
            for (int n = 0; n < curveSteps; n++) {
                double u = Math.exp(Math.max(0, -c / 2 * n) + 0.05 * rng.nextGaussian());
                w.step(new StepMetrics(n, 3 - n * 1e-4, 1e-3, u, new double[]{u}, 1, 0.002));
                if (n % 100 == 99) {
                    w.eval(new EvalMetrics(n, 3 - n * 1e-4 + 0.01 * rng.nextGaussian(), Double.NaN, 0.1));
                }
            }
            w.commit(new TrialOutcome(TrialStatus.COMPLETED, curveSteps, "", 2.7, 2.7, Double.NaN, 6), null);
        }
        String[] strategies = {"inverse-exp", "exp", "scaled", "naive"};
        for (int i = 0; i < gridTrials; i++) {
            int k = 1 + i % 10;
            TrialWriter w = writer(layout, conf, "grid", i, 0.999, 0.9, k, strategies[i / 10 % 4], 1e-4 * (1 + i / 40 % 6),
                    Math.pow(10, -6 + i / 240 % 5), 20);
            w.step(new StepMetrics(0, 2.3, 1e-3, 1, new double[k], 1, 0.05));
            for (int e = 0; e < 20; e++) {
                w.eval(new EvalMetrics(e * 98L, 1 - 0.04 * e + 0.01 * rng.nextGaussian(), 0.5 + 0.02 * e + 0.01 * rng.nextGaussian(), 1));
            }
            w.commit(new TrialOutcome(TrialStatus.COMPLETED, 1960, "", 0.3, 0.3, 0.9, 100), null);
        }
        double generate = (System.nanoTime() - start) / 1e9;
        SparkSession spark = SparkSession.builder().master("local[2]").appName("kadam bench sql").config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "8").getOrCreate();
        spark.sparkContext().setLogLevel("WARN");
        try {
            long t0 = System.nanoTime();
            ResultTables.registerViews(spark, dir.toString());
            out.printf(Locale.ROOT, "aggregation over %d x %d steps + %d x 20 evals (generated in %.1f s):%n", curveTrials, curveSteps,
                    gridTrials, generate);
            for (ResultTables.Table table : ResultTables.Table.values()) {
                long t = System.nanoTime();
                long rows = ResultTables.compute(spark, table).count();
                out.printf(Locale.ROOT, "  %-16s %5d rows in %5.2f s%n", table.fileName(), rows, (System.nanoTime() - t) / 1e9);
            }
            long t = System.nanoTime();
            ResultTables.writeAll(spark, dir.toString());
            out.printf(Locale.ROOT, "  all tables computed and written: %.2f s (before it: views and the counts above, %.2f s)%n",
                    (System.nanoTime() - t) / 1e9, (t - t0) / 1e9);
        } finally {
            spark.stop();
        }
    }

    private static TrialWriter writer(ResultLayout layout, Configuration conf, String sweep, int index, double beta, double gamma,
                                      int k, String strategy, double lr, double wd, long steps) {
        boolean cnn = sweep.equals("grid");
        KAdamConfig optimizer = k == 1 ? KAdamConfig.adam(beta, gamma) : KAdamConfig.of(LevelStrategy.parse(strategy), k);
        TrialConfig config = new TrialConfig(cnn ? CnnConfig.fashionMnist() : GptConfig.tinyBytes(), optimizer,
                ScheduleSpec.constant(lr), steps, 8, 100, 40, 1, 0);
        double c = 2 / gamma - 1 / beta - 1;
        TrialPoint point = new TrialPoint(beta, gamma, c, c > 1e-9 ? "B+" : c < -1e-9 ? "B-" : "B0", index, k, strategy, lr, wd,
                "decoupled", 1);
        String id = String.format(Locale.ROOT, "%s%05d", sweep, index);
        TrialSpec spec = new TrialSpec(id, sweep, index, config, new DataSpec("generated", "byte", 0.1, 0, null), point, 0);
        return new TrialWriter(layout, conf, spec, "bench");
    }
}
