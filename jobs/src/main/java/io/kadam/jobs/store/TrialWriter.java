package io.kadam.jobs.store;

import io.kadam.jobs.spec.TrialSpec;
import io.kadam.model.dynamics.CheckOutput;
import io.kadam.model.train.EvalMetrics;
import io.kadam.model.train.MetricSink;
import io.kadam.model.train.StepMetrics;
import io.kadam.model.train.TrialOutcome;
import io.kadam.model.train.TrialStatus;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.schema.MessageType;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * One attempt at one trial, on the executor: collects the trial's metrics in memory and commits
 * them to the three tables at the end, exactly once per trial however many attempts get there
 * (see {@link Publisher} for why and how far that holds on each file system).
 *
 * <p>Nothing touches the file system before {@link #commit}: a task killed mid-trial leaves no
 * trace. Not thread-safe: the trainer calls {@code step}/{@code eval} and then {@code commit}
 * from one thread.
 */
public final class TrialWriter implements MetricSink {

    private final ResultLayout layout;
    private final Configuration conf;
    private final TrialSpec spec;
    private final String attempt;
    private final long startNanos = System.nanoTime();
    private final StepBuffer steps = new StepBuffer();
    private final List<EvalMetrics> evals = new ArrayList<>();
    private CheckOutput check;
    private boolean committed;

    /**
     * @param conf    Hadoop configuration of the output file system (on an executor, e.g. from a
     *                broadcast {@code SerializableConfiguration})
     * @param attempt a label of this attempt for the {@code attempt} column, e.g. the Spark task
     *                attempt id and host; null allowed
     */
    public TrialWriter(ResultLayout layout, Configuration conf, TrialSpec spec, String attempt) {
        this.layout = layout;
        this.conf = conf;
        this.spec = spec;
        this.attempt = attempt;
        ResultLayout.checkSweep(spec.sweep());
        ResultLayout.checkTrialId(spec.trialId());
    }

    @Override
    public void step(StepMetrics metrics) {
        checkOpen();
        steps.add(metrics);
    }

    @Override
    public void eval(EvalMetrics metrics) {
        checkOpen();
        evals.add(metrics);
    }

    /** A check trial's result: committed to check_series and check_metrics beside the steps. */
    public void check(CheckOutput output) {
        checkOpen();
        this.check = output;
    }

    /**
     * Writes the trial's three files (five for a check trial) to a fresh staging directory, moves steps and evals into
     * place, then the trials row (the commit marker), and removes the staging directory.
     *
     * @param error a stack trace summary for a failed trial, else null
     * @return {@link CommitResult#ALREADY_COMMITTED} when another attempt had committed this
     *         trial: its files are kept and this attempt's dropped
     * @throws IOException naming the trial and the path that failed (disk full, permission
     *                     denied...); then nothing of this attempt is left in the tables or in
     *                     staging, and commit may be called again
     */
    public CommitResult commit(TrialOutcome outcome, String error) throws IOException {
        checkOpen();
        FileSystem fs = null;
        Path staging = null;
        try {
            fs = layout.fileSystem(conf);
            if (exists(fs, layout.file(ResultLayout.TRIALS, spec.sweep(), spec.trialId()))) {
                committed = true; // a retried task or a rerun: nothing to write
                return CommitResult.ALREADY_COMMITTED;
            }
            staging = layout.newStagingDir(spec.trialId());
            Publisher.Move stepsMove = stagedMove(staging, ResultLayout.STEPS);
            Publisher.Move evalsMove = stagedMove(staging, ResultLayout.EVALS);
            Publisher.Move marker = stagedMove(staging, ResultLayout.TRIALS);
            write(fs, stepsMove.staged(), ResultSchema.STEPS, out -> steps.writeTo(out, spec.trialId()));
            write(fs, evalsMove.staged(), ResultSchema.EVALS, this::writeEvals);
            List<Publisher.Move> data = new ArrayList<>(List.of(stepsMove, evalsMove));
            if (check != null) {
                Publisher.Move series = stagedMove(staging, ResultLayout.CHECK_SERIES);
                Publisher.Move metrics = stagedMove(staging, ResultLayout.CHECK_METRICS);
                write(fs, series.staged(), ResultSchema.CHECK_SERIES, this::writeCheckSeries);
                write(fs, metrics.staged(), ResultSchema.CHECK_METRICS, this::writeCheckMetrics);
                data.add(series);
                data.add(metrics);
            }
            long finishedAt = System.currentTimeMillis();
            write(fs, marker.staged(), ResultSchema.TRIALS,
                    out -> out.write(TrialRow.of(spec, outcome, error, attempt, finishedAt)));
            CommitResult result = new Publisher(fs).publish(data, marker);
            committed = true;
            return result;
        } catch (IOException e) {
            throw new IOException("cannot commit trial " + spec.trialId() + " of sweep " + spec.sweep() + " to "
                    + layout.out() + ": " + e.getMessage(), e);
        } finally {
            if (staging != null) {
                Publisher.deleteQuietly(fs, staging);
            }
        }
    }

    /**
     * Commits the trial as failed: status {@code failed}, the error's first line as reason and a
     * bounded stack trace summary as error. The steps and evals recorded so far are committed
     * too: where a trial broke is usually the most useful thing to know about it, and steps_done
     * says how far it got. The trial's seconds are counted from this writer's creation.
     */
    public CommitResult fail(Throwable error) throws IOException {
        double bestLoss = evals.stream().mapToDouble(EvalMetrics::testLoss).filter(x -> !Double.isNaN(x))
                .min().orElse(Double.NaN);
        double bestAcc = evals.stream().mapToDouble(EvalMetrics::accuracy).filter(x -> !Double.isNaN(x))
                .max().orElse(Double.NaN);
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        TrialOutcome outcome = new TrialOutcome(TrialStatus.FAILED, steps.size(), TrialRow.reason(error),
                steps.lastLoss(), bestLoss, bestAcc, seconds);
        return commit(outcome, TrialRow.summarize(error));
    }

    /** Steps recorded so far. */
    public int stepCount() {
        return steps.size();
    }

    /** Evaluations recorded so far. */
    public int evalCount() {
        return evals.size();
    }

    private Publisher.Move stagedMove(Path staging, String table) {
        return new Publisher.Move(new Path(staging, table + ".parquet"), layout.file(table, spec.sweep(), spec.trialId()));
    }

    private void writeEvals(ParquetWriter<Group> out) throws IOException {
        SimpleGroupFactory rows = new SimpleGroupFactory(ResultSchema.EVALS);
        for (EvalMetrics e : evals) {
            out.write(rows.newGroup().append("trial_id", spec.trialId()).append("step", e.step())
                    .append("test_loss", e.testLoss()).append("accuracy", e.accuracy()).append("seconds", e.seconds()));
        }
    }

    private void writeCheckSeries(ParquetWriter<Group> out) throws IOException {
        SimpleGroupFactory rows = new SimpleGroupFactory(ResultSchema.CHECK_SERIES);
        String kind = check.kind().label();
        for (CheckOutput.Point p : check.series()) {
            out.write(rows.newGroup().append("trial_id", spec.trialId()).append("check", kind).append("series", p.series())
                    .append("subject", p.subject()).append("iteration", (long) p.iteration()).append("value", p.value()));
        }
    }

    private void writeCheckMetrics(ParquetWriter<Group> out) throws IOException {
        SimpleGroupFactory rows = new SimpleGroupFactory(ResultSchema.CHECK_METRICS);
        String kind = check.kind().label();
        for (CheckOutput.Metric m : check.metrics()) {
            out.write(rows.newGroup().append("trial_id", spec.trialId()).append("check", kind).append("metric", m.name())
                    .append("value", m.value()));
        }
    }

    private interface Rows {
        void writeTo(ParquetWriter<Group> out) throws IOException;
    }

    /** Writes one staged file; any failure (disk full, permission denied) names that file. */
    private void write(FileSystem fs, Path file, MessageType schema, Rows rows) throws IOException {
        try (ParquetWriter<Group> out = ResultSchema.open(fs, file, schema, conf)) {
            rows.writeTo(out);
        } catch (IOException e) {
            throw new IOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private static boolean exists(FileSystem fs, Path path) throws IOException {
        try {
            return fs.exists(path);
        } catch (IOException e) {
            throw new IOException("cannot read " + path + ": " + e.getMessage(), e);
        }
    }

    private void checkOpen() {
        if (committed) {
            throw new IllegalStateException("trial " + spec.trialId() + " is already committed by this writer");
        }
    }
}
