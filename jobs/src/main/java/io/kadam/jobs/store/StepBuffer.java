package io.kadam.jobs.store;

import io.kadam.model.train.StepMetrics;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;

import java.io.IOException;
import java.util.Arrays;

/**
 * A trial's steps in growable primitive arrays: 100k steps of a 2-level optimizer are about
 * 9 MB in a dozen arrays, where keeping the records would make 200k small objects that live
 * for the whole trial and that every old-generation collection has to trace.
 */
final class StepBuffer {

    private int size;
    private long[] step = new long[1024];
    private double[] loss = new double[1024];
    private double[] lr = new double[1024];
    private double[] maxUpdate = new double[1024];
    private double[] gradNorm = new double[1024];
    private double[] seconds = new double[1024];
    // the per-level values of all steps back to back; step i's are levels[levelStart[i] .. levelStart[i+1])
    private int[] levelStart = new int[1025];
    private double[] levels = new double[2048];

    void add(StepMetrics m) {
        if (size == step.length) {
            int n = size * 2;
            step = Arrays.copyOf(step, n);
            loss = Arrays.copyOf(loss, n);
            lr = Arrays.copyOf(lr, n);
            maxUpdate = Arrays.copyOf(maxUpdate, n);
            gradNorm = Arrays.copyOf(gradNorm, n);
            seconds = Arrays.copyOf(seconds, n);
            levelStart = Arrays.copyOf(levelStart, n + 1);
        }
        double[] lv = m.levelMaxUpdates();
        int start = levelStart[size];
        if (start + lv.length > levels.length) {
            levels = Arrays.copyOf(levels, Math.max(levels.length * 2, start + lv.length));
        }
        System.arraycopy(lv, 0, levels, start, lv.length);
        step[size] = m.step();
        loss[size] = m.loss();
        lr[size] = m.lr();
        maxUpdate[size] = m.maxUpdate();
        gradNorm[size] = m.gradNorm();
        seconds[size] = m.seconds();
        levelStart[size + 1] = start + lv.length;
        size++;
    }

    int size() {
        return size;
    }

    /** The training loss of the last step, NaN when there was none. */
    double lastLoss() {
        return size == 0 ? Double.NaN : loss[size - 1];
    }

    void writeTo(ParquetWriter<Group> writer, String trialId) throws IOException {
        SimpleGroupFactory rows = new SimpleGroupFactory(ResultSchema.STEPS);
        for (int i = 0; i < size; i++) {
            Group row = rows.newGroup()
                    .append("trial_id", trialId)
                    .append("step", step[i])
                    .append("loss", loss[i])
                    .append("lr", lr[i])
                    .append("max_update", maxUpdate[i]);
            ResultSchema.appendList(row, "level_max_update", levels, levelStart[i], levelStart[i + 1]);
            row.append("grad_norm", gradNorm[i]).append("seconds", seconds[i]);
            writer.write(row);
        }
    }
}
