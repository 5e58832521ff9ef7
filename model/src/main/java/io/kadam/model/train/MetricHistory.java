package io.kadam.model.train;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The metrics a trial has made so far, passed on to its sink and kept for checkpoints: a trial
 * resumed on another executor replays them into its new sink, so its committed result has every
 * step from 0, not only those after the checkpoint.
 */
final class MetricHistory implements MetricSink {

    private final MetricSink sink;
    private final List<StepMetrics> steps = new ArrayList<>();
    private final List<EvalMetrics> evals = new ArrayList<>();

    MetricHistory(MetricSink sink) {
        this.sink = sink;
    }

    @Override
    public void step(StepMetrics m) {
        steps.add(m);
        sink.step(m);
    }

    @Override
    public void eval(EvalMetrics m) {
        evals.add(m);
        sink.eval(m);
    }

    void write(DataOutputStream out) throws IOException {
        out.writeInt(steps.size());
        for (StepMetrics m : steps) {
            out.writeLong(m.step());
            out.writeDouble(m.loss());
            out.writeDouble(m.lr());
            out.writeDouble(m.maxUpdate());
            double[] levels = m.levelMaxUpdates();
            out.writeInt(levels.length);
            for (double level : levels) {
                out.writeDouble(level);
            }
            out.writeDouble(m.gradNorm());
            out.writeDouble(m.seconds());
        }
        out.writeInt(evals.size());
        for (EvalMetrics m : evals) {
            out.writeLong(m.step());
            out.writeDouble(m.testLoss());
            out.writeDouble(m.accuracy());
            out.writeDouble(m.seconds());
        }
    }

    /**
     * Reads what {@link #write} wrote, without passing it on yet: {@link #forwardAll} does that
     * once the whole checkpoint has been read, so a checkpoint that fails half-way leaves the sink
     * untouched.
     */
    void read(DataInputStream in) throws IOException {
        int stepCount = in.readInt();
        for (int i = 0; i < stepCount; i++) {
            long step = in.readLong();
            double loss = in.readDouble();
            double lr = in.readDouble();
            double maxUpdate = in.readDouble();
            double[] levels = new double[in.readInt()];
            for (int l = 0; l < levels.length; l++) {
                levels[l] = in.readDouble();
            }
            steps.add(new StepMetrics(step, loss, lr, maxUpdate, levels, in.readDouble(), in.readDouble()));
        }
        int evalCount = in.readInt();
        for (int i = 0; i < evalCount; i++) {
            evals.add(new EvalMetrics(in.readLong(), in.readDouble(), in.readDouble(), in.readDouble()));
        }
    }

    /** Passes the metrics read from a checkpoint on to the sink, as if the steps were made again. */
    void forwardAll() {
        steps.forEach(sink::step);
        evals.forEach(sink::eval);
    }

    /** Training loss of the last step (NaN before any). */
    double finalLoss() {
        return steps.isEmpty() ? Double.NaN : steps.get(steps.size() - 1).loss();
    }

    /** Lowest test loss seen, NaN if none. */
    double bestTestLoss() {
        return evals.stream().mapToDouble(EvalMetrics::testLoss).filter(x -> !Double.isNaN(x)).min().orElse(Double.NaN);
    }

    /** Highest accuracy seen, NaN if none (language models). */
    double bestAccuracy() {
        return evals.stream().mapToDouble(EvalMetrics::accuracy).filter(x -> !Double.isNaN(x)).max().orElse(Double.NaN);
    }
}
