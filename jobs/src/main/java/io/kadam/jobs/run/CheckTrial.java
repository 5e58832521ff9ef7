package io.kadam.jobs.run;

import io.kadam.jobs.spec.TrialSpec;
import io.kadam.jobs.store.TrialWriter;
import io.kadam.model.dynamics.AdamWSetup;
import io.kadam.model.dynamics.CheckOutput;
import io.kadam.model.dynamics.CheckRunner;
import io.kadam.model.train.StepMetrics;
import io.kadam.model.train.TrialData;
import io.kadam.model.train.TrialOutcome;
import io.kadam.model.train.TrialStatus;

/**
 * A check trial (a sweep with a {@code check:} section): trains the trial's AdamW run while the
 * check observes it, then hands the writer the run's losses as steps and the check's curves and
 * headline numbers. The checks drive training step by step on the CPU with one torch thread
 * ({@code GptRun}); they read no k-Adam statistics, so those step columns are NaN.
 */
final class CheckTrial {
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
        long done = losses.length;
        for (int n = 0; n < losses.length; n++) {
            writer.step(new StepMetrics(n, losses[n], setup.lr(), Double.NaN, new double[0], Double.NaN, Double.NaN));
            if (!Double.isFinite(losses[n])) {
                done = n + 1;
                break;
            }
        }
        writer.check(output);
        double last = losses.length == 0 ? Double.NaN : losses[(int) done - 1];
        boolean diverged = !Double.isFinite(last);
        return new TrialOutcome(diverged ? TrialStatus.DIVERGED : TrialStatus.COMPLETED, done,
                diverged ? "non-finite training loss at step " + (done - 1) : "", last, Double.NaN, Double.NaN,
                (System.nanoTime() - start) / 1e9);
    }
}
