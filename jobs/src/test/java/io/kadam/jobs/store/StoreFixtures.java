package io.kadam.jobs.store;

import io.kadam.jobs.spec.DataSpec;
import io.kadam.jobs.spec.TrialPoint;
import io.kadam.jobs.spec.TrialSpec;
import io.kadam.model.nn.GptConfig;
import io.kadam.model.train.EvalMetrics;
import io.kadam.model.train.ScheduleSpec;
import io.kadam.model.train.StepMetrics;
import io.kadam.model.train.TrialConfig;
import io.kadam.model.train.TrialOutcome;
import io.kadam.model.train.TrialStatus;
import io.kadam.optimizer.AdaptiveNormalization;
import io.kadam.optimizer.KAdamConfig;
import io.kadam.optimizer.WeightDecay;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.example.GroupReadSupport;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Trials with known metrics, and ways to look at what landed on disk. */
final class StoreFixtures {

    static final int STEPS = 300;
    static final int EVAL_EVERY = 50;

    private StoreFixtures() {
    }

    static TrialSpec spec(String sweep, String trialId, int index) {
        KAdamConfig optimizer = new KAdamConfig(
                List.of(new AdaptiveNormalization(0.999, 0.9), new AdaptiveNormalization(0.99, 0.0)),
                1e-4, WeightDecay.DECOUPLED, KAdamConfig.DEFAULT_EPS);
        TrialConfig config = new TrialConfig(GptConfig.tinyBytes(), optimizer, ScheduleSpec.constant(1e-3), STEPS, 8,
                EVAL_EVERY, 2, 42L + index, 0);
        DataSpec data = new DataSpec("generated", "byte", 0.1, 0, null);
        TrialPoint point = new TrialPoint(0.999, 0.9, 2 / 0.9 - 1 / 0.999 - 1, "B+", Double.NaN, 2, "explicit",
                1e-3, 1e-4, "decoupled", 42L + index);
        return new TrialSpec(trialId, sweep, index, config, data, point, 0);
    }

    /** Step n's metrics: distinct, non-round values, so that a lost bit shows. */
    static StepMetrics step(long n) {
        return new StepMetrics(n, 5.0 / (n + 1.7), 1e-3 * Math.cos(n / 77.0), 0.01 + n / 3e4,
                new double[]{0.02 + n / 1e4, Math.sqrt(n + 0.5) / 100}, 1.0 + n / 7.0, 0.003 + n * 1e-6);
    }

    static EvalMetrics eval(long n) {
        return new EvalMetrics(n, 3.0 / (n + 2.3), 0.1 + n / 1e3, 0.25 + n * 1e-5);
    }

    /** A writer that has seen {@code steps} steps and an eval every EVAL_EVERY of them. */
    static TrialWriter filled(ResultLayout layout, Configuration conf, TrialSpec spec, String attempt, int steps) {
        TrialWriter writer = new TrialWriter(layout, conf, spec, attempt);
        for (int n = 0; n < steps; n++) {
            writer.step(step(n));
            if ((n + 1) % EVAL_EVERY == 0) {
                writer.eval(eval(n));
            }
        }
        return writer;
    }

    static TrialOutcome outcome(TrialStatus status, int steps) {
        return new TrialOutcome(status, steps, status == TrialStatus.COMPLETED ? "" : "loss is NaN",
                step(steps - 1).loss(), 3.0 / (steps - 1 + 2.3), Double.NaN, 12.5);
    }

    static List<Group> rows(Path file, Configuration conf) throws IOException {
        List<Group> rows = new ArrayList<>();
        try (ParquetReader<Group> in = ParquetReader.builder(new GroupReadSupport(), file).withConf(conf).build()) {
            for (Group row = in.read(); row != null; row = in.read()) {
                rows.add(row);
            }
        }
        return rows;
    }

    static double[] list(Group row, String field) {
        Group list = row.getGroup(field, 0);
        double[] out = new double[list.getFieldRepetitionCount("list")];
        for (int i = 0; i < out.length; i++) {
            out[i] = list.getGroup("list", i).getDouble("element", 0);
        }
        return out;
    }

    /** The names of all files under {@code dir}, recursively, relative to it; empty when absent. */
    static List<String> filesUnder(FileSystem fs, Path dir) throws IOException {
        List<String> out = new ArrayList<>();
        try {
            for (FileStatus s : fs.listStatus(dir)) {
                if (s.isDirectory()) {
                    filesUnder(fs, s.getPath()).forEach(f -> out.add(s.getPath().getName() + "/" + f));
                } else {
                    out.add(s.getPath().getName());
                }
            }
        } catch (FileNotFoundException e) {
            return out;
        }
        out.sort(null);
        return out;
    }

    static String str(double[] a) {
        return Arrays.toString(a);
    }
}
