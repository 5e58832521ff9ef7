package io.kadam.model.train;

import ai.djl.Device;
import io.kadam.optimizer.AdaptiveNormalization;
import io.kadam.optimizer.theory.AdamPoint;
import io.kadam.optimizer.theory.Stability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Runs a trial to its end: steps, evaluations every {@code evalInterval}, checkpoints every
 * {@code checkpointEvery} steps, resume from an existing checkpoint, and the stopping rules.
 * Divergence (NaN/Inf loss or max-update) ends the trial with status {@code diverged} at that
 * step, its metrics kept; it is an outcome, not an exception, and its reason says where the step
 * went non-finite ({@link Divergence}).
 */
public final class TrialRunner {

    /**
     * Where and how to run.
     *
     * @param device          the trial's device (a GPU id from the scheduler, or CPU)
     * @param threads         torch intra-op threads (Spark's task cpus); 0 leaves torch's setting
     * @param checkpoint      checkpoint file, or null for none; resumed from when it exists
     * @param checkpointEvery steps between checkpoints (0 = none)
     */
    public record Options(Device device, int threads, Path checkpoint, int checkpointEvery) {

        public static Options cpu(int threads) {
            return new Options(Device.cpu(), threads, null, 0);
        }

        public Options withCheckpoint(Path file, int every) {
            return new Options(device, threads, file, every);
        }
    }

    private TrialRunner() {}

    public static TrialOutcome run(TrialConfig config, TrialData data, Options options, MetricSink sink) {
        long start = System.nanoTime();
        Trial trial = Trial.setup(config, data, options.device(), options.threads());
        try {
            Path checkpoint = options.checkpoint();
            MetricHistory history = new MetricHistory(sink);
            if (checkpoint != null && Files.exists(checkpoint)) {
                try {
                    MetricHistory replayed = new MetricHistory(sink);
                    trial.restore(checkpoint, replayed::read);
                    replayed.forwardAll();
                    history = replayed;
                } catch (IOException e) {
                    // a checkpoint only saves time: an unreadable one (cut short by a crash,
                    // written by other code) is dropped and the trial starts over, same result
                    System.err.println("kadam: checkpoint " + checkpoint + " unreadable (" + e.getMessage() + "); starting over");
                    Files.deleteIfExists(checkpoint);
                    trial.close();
                    trial = Trial.setup(config, data, options.device(), options.threads());
                }
            }
            return loop(trial, options, history, start);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            trial.close();
        }
    }

    private static TrialOutcome loop(Trial trial, Options options, MetricHistory history, long start) throws IOException {
        TrialConfig config = trial.config();
        List<AdaptiveNormalization> levels = config.optimizer().levels();
        while (trial.stepsDone() < config.steps()) {
            StepMetrics m = trial.step();
            history.step(m);
            if (Divergence.diverged(m)) {
                return end(TrialStatus.DIVERGED, trial, Divergence.locate(m, trial.model().getParameters()).reason(), history, start);
            }
            String exceeded = exceededBound(config.boundStopFactor(), levels, m);
            if (exceeded != null) {
                return end(TrialStatus.EXCEEDED_BOUND, trial, exceeded, history, start);
            }
            boolean last = trial.stepsDone() == config.steps();
            if (last || (config.evalInterval() > 0 && trial.stepsDone() % config.evalInterval() == 0)) {
                history.eval(trial.evaluate());
            }
            if (options.checkpoint() != null && options.checkpointEvery() > 0 && !last
                    && trial.stepsDone() % options.checkpointEvery() == 0) {
                trial.save(options.checkpoint(), history::write);
            }
        }
        return end(TrialStatus.COMPLETED, trial, "", history, start);
    }

    /** Theorem 3: level i's max-update against its own Eq. 10 bound at step n; null if within. */
    private static String exceededBound(double factor, List<AdaptiveNormalization> levels, StepMetrics m) {
        if (factor <= 0) {
            return null;
        }
        double[] measured = m.levelMaxUpdates();
        for (int i = 0; i < levels.size(); i++) {
            AdaptiveNormalization level = levels.get(i);
            if (level.gamma() == 0) {
                continue; // the bound needs γ > 0 (the paper's Theorem 1)
            }
            double bound = Stability.bound(new AdamPoint(level.beta(), level.gamma()), m.step());
            if (measured[i] > factor * bound) {
                return String.format(java.util.Locale.ROOT, "level %d max-update %.4g exceeds %.3g x its Eq. 5 bound %.4g at step %d",
                        i + 1, measured[i], factor, bound, m.step());
            }
        }
        return null;
    }

    private static TrialOutcome end(TrialStatus status, Trial trial, String reason, MetricHistory history, long start) {
        return new TrialOutcome(status, trial.stepsDone(), reason, history.finalLoss(), history.bestTestLoss(), history.bestAccuracy(),
                (System.nanoTime() - start) / 1e9);
    }
}
