package io.kadam.jobs.run;

import io.kadam.jobs.spec.TrialSpec;
import io.kadam.jobs.store.TrialWriter;
import io.kadam.model.dynamics.AdamWSetup;
import io.kadam.model.dynamics.CheckOutput;
import io.kadam.model.dynamics.CheckRunner;
import io.kadam.model.train.TrialData;
import io.kadam.model.train.TrialOutcome;
import io.kadam.model.train.TrialStatus;

import java.util.ArrayList;
import java.util.List;

/**
 * A check trial (a sweep with a {@code check:} section): trains the trial's AdamW run while the
 * check observes it, then hands the writer the check's curves and headline numbers, with the
 * run's training loss as the series {@value #TRAIN_LOSS}. It writes no steps rows: the checks
 * drive training step by step on the CPU with one torch thread ({@code GptRun}) and read no k-Adam
 * statistics, so the paper's step tables (slopes, bounds) have nothing of these trials to check.
 */
final class CheckTrial {
    /** The series holding the observed run's training loss of batch n (subject "run"). */
    static final String TRAIN_LOSS = "train_loss";

    private CheckTrial() {}

    static TrialOutcome run(TrialSpec trial, TrialData data, TrialWriter writer) {
        long start = System.nanoTime();
        if (!(data instanceof TrialData.Text text)) {
            throw new IllegalArgumentException("a " + trial.check().kind().label() + " check needs text data, got "
                    + data.getClass().getSimpleName());
        }
        AdamWSetup setup = AdamWSetup.of(trial.config());
        CheckOutput output = CheckRunner.run(trial.check(), setup, text.tokens());
        double[] losses = output.losses();
        List<CheckOutput.Point> series = new ArrayList<>(output.series());
        for (int n = 0; n < losses.length; n++) {
            series.add(new CheckOutput.Point(TRAIN_LOSS, "run", n, losses[n]));
        }
        writer.check(new CheckOutput(output.kind(), series, output.metrics(), losses));
        int bad = 0;
        while (bad < losses.length && Double.isFinite(losses[bad])) {
            bad++;
        }
        boolean diverged = bad < losses.length;
        double last = losses.length == 0 ? Double.NaN : losses[losses.length - 1];
        return new TrialOutcome(diverged ? TrialStatus.DIVERGED : TrialStatus.COMPLETED, losses.length,
                diverged ? "non-finite training loss at step " + bad : "", last, Double.NaN, Double.NaN,
                (System.nanoTime() - start) / 1e9);
    }
}
