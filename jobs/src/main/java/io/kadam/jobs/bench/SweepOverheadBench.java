package io.kadam.jobs.bench;

import ai.djl.Device;
import io.kadam.jobs.run.SweepJob;
import io.kadam.jobs.run.TrialDataCache;
import io.kadam.jobs.spec.SpecParser;
import io.kadam.jobs.spec.SweepExpander;
import io.kadam.jobs.spec.TrialSpec;
import io.kadam.jobs.store.ResultLayout;
import io.kadam.jobs.store.TrialWriter;
import io.kadam.model.train.TrialRunner;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Benchmark 3: the same trials through Spark (local[2], one trial per task, commits included)
 * and in a plain loop on two threads in this JVM (same trainer, same commits): the difference is
 * what Spark's scheduling costs a sweep. The two run {@link #ROUNDS} times, alternating which
 * goes first; the figure is the median of the rounds' relative differences.
 */
final class SweepOverheadBench {
    private static final int ROUNDS = 5;

    private SweepOverheadBench() {}

    static void run(PrintStream out, Path spec) throws Exception {
        List<TrialSpec> trials = SweepExpander.expand(SpecParser.parse(spec));
        TrialDataCache.get(trials.get(0).data()); // load the data once, outside both timings
        Path dir = Files.createTempDirectory("kadam-bench-sweep");
        long sessionStart = System.nanoTime();
        SparkSession spark = SparkSession.builder().master("local[2]").appName("kadam bench").config("spark.ui.enabled", "false")
                .getOrCreate();
        spark.sparkContext().setLogLevel("WARN");
        double sessionSeconds = (System.nanoTime() - sessionStart) / 1e9;
        try {
            // On a shared machine the speed of the whole machine drifts by more than Spark costs: the
            // two sides alternate (first one, then the other), and each round's pair is compared.
            double[] loop = new double[ROUNDS];
            double[] viaSpark = new double[ROUNDS];
            double[] overhead = new double[ROUNDS];
            double[] outside = new double[ROUNDS];
            for (int round = 0; round < ROUNDS; round++) {
                SparkRun run = null;
                if (round % 2 == 1) {
                    run = viaSpark(spark, trials, dir.resolve("spark" + round));
                }
                loop[round] = plainLoop(trials, dir.resolve("loop" + round).toString());
                if (round % 2 == 0) {
                    run = viaSpark(spark, trials, dir.resolve("spark" + round));
                }
                viaSpark[round] = run.wall();
                overhead[round] = (run.wall() - loop[round]) / run.wall();
                outside[round] = run.outsideTrials() / run.wall();
                out.printf(Locale.ROOT, "  round %d: plain loop %.2f s, Spark %.2f s: %+.1f%%; Spark's own time in its run %.3f s = %.2f%%%n",
                        round + 1, loop[round], run.wall(), 100 * overhead[round], run.outsideTrials(), 100 * outside[round]);
            }
            out.printf(Locale.ROOT, "sweep overhead (%s: %d trials x %d steps, 2 slots, %d rounds): Spark's own time %.2f%% of the sweep"
                            + " (median of the rounds: the Spark run's wall time minus its trials' times scheduled on 2 slots with no"
                            + " gaps); Spark vs plain loop %.1f%% (median of the rounds; best times %.2f s vs %.2f s: on this machine"
                            + " runs of the same work differ by more than that). Spark session start %.1f s, once per run, not"
                            + " counted%n",
                    spec.getFileName(), trials.size(), trials.get(0).config().steps(), ROUNDS, 100 * TrainBench.median(outside),
                    100 * TrainBench.median(overhead), min(viaSpark), min(loop), sessionSeconds);
        } finally {
            spark.stop();
        }
    }

    /**
     * A sweep through Spark: its wall time, and what of it was not trials: the wall time minus the
     * trials' task times (launch to finish, less Spark's deserialization and result serialization)
     * scheduled in launch order on the 2 slots without gaps.
     */
    private record SparkRun(double wall, double outsideTrials) {}

    private static SparkRun viaSpark(SparkSession spark, List<TrialSpec> trials, Path out) throws Exception {
        TaskSpans spans = new TaskSpans();
        spark.sparkContext().addSparkListener(spans);
        long start = System.nanoTime();
        try {
            SweepJob.run(spark, "bench", "bench", trials, out.toString(), SweepJob.Options.DEFAULT,
                    new PrintStream(OutputStream.nullOutputStream()));
        } finally {
            spark.sparkContext().listenerBus().waitUntilEmpty(); // task-end events arrive asynchronously
            spark.sparkContext().removeSparkListener(spans);
        }
        double wall = (System.nanoTime() - start) / 1e9;
        return new SparkRun(wall, wall - spans.makespan(2));
    }

    /** Launch time and trial time (ms) of every finished task. */
    private static final class TaskSpans extends org.apache.spark.scheduler.SparkListener {
        private final List<long[]> tasks = new java.util.ArrayList<>();

        @Override
        public synchronized void onTaskEnd(org.apache.spark.scheduler.SparkListenerTaskEnd end) {
            var info = end.taskInfo();
            var metrics = end.taskMetrics();
            long sparkMs = metrics == null ? 0 : metrics.executorDeserializeTime() + metrics.resultSerializationTime();
            tasks.add(new long[]{info.launchTime(), info.finishTime() - info.launchTime() - sparkMs});
        }

        /** The tasks' times in launch order, each on the slot that frees first: seconds. */
        synchronized double makespan(int slots) {
            tasks.sort(java.util.Comparator.comparingLong(t -> t[0]));
            long[] free = new long[slots];
            for (long[] t : tasks) {
                int first = 0;
                for (int i = 1; i < slots; i++) {
                    first = free[i] < free[first] ? i : first;
                }
                free[first] += t[1];
            }
            return java.util.Arrays.stream(free).max().orElse(0) / 1e3;
        }
    }

    private static double min(double[] values) {
        return java.util.Arrays.stream(values).min().orElse(Double.NaN);
    }

    private static double plainLoop(List<TrialSpec> trials, String out) throws Exception {
        Configuration conf = new Configuration(); // made once, as Spark's broadcast one: reading Hadoop's XML costs ~0.1 s
        conf.get("fs.defaultFS");
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> done = new java.util.ArrayList<>();
            for (TrialSpec t : trials) {
                done.add(pool.submit(() -> {
                    TrialWriter writer = new TrialWriter(new ResultLayout(out), conf, t, "loop");
                    var outcome = TrialRunner.run(t.config(), TrialDataCache.get(t.data()),
                            new TrialRunner.Options(Device.cpu(), 1, null, 0), writer);
                    writer.commit(outcome, null);
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        return (System.nanoTime() - start) / 1e9;
    }
}
