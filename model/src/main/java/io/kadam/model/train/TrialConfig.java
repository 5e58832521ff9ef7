package io.kadam.model.train;

import io.kadam.model.nn.ModelSpec;
import io.kadam.optimizer.KAdamConfig;

/**
 * Everything that defines one training run except its data, as plain data. Data is passed
 * separately ({@link TrialData}) because many trials share one loaded corpus.
 *
 * @param model            nanoGPT or CNN configuration
 * @param optimizer        k-Adam's levels, weight decay and ε
 * @param schedule         learning-rate schedule
 * @param steps            training iterations
 * @param batchSize        sequences or images per iteration
 * @param evalInterval     iterations between test evaluations (0: only after the last)
 * @param evalBatches      language models: the number of fixed held-out batches; images: 0
 *                         for the whole test set, else that many batches of it
 * @param seed             initial weights and data order
 * @param boundStopFactor  end the trial early (status {@code exceeded_bound}) when a level's
 *                         max-update exceeds its Eq. 5/10 bound by this factor; 0 = off
 */
public record TrialConfig(ModelSpec model, KAdamConfig optimizer, ScheduleSpec schedule, long steps, int batchSize,
                          int evalInterval, int evalBatches, long seed, double boundStopFactor)
        implements java.io.Serializable {

    public TrialConfig {
        if (model == null || optimizer == null || schedule == null) {
            throw new IllegalArgumentException("model, optimizer and schedule must be given");
        }
        if (steps < 1) {
            throw new IllegalArgumentException("steps must be >= 1, got " + steps);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be >= 1, got " + batchSize);
        }
        if (evalInterval < 0 || evalBatches < 0) {
            throw new IllegalArgumentException("evalInterval and evalBatches must be >= 0, got " + evalInterval + ", " + evalBatches);
        }
        if (!(boundStopFactor >= 0) || Double.isInfinite(boundStopFactor)) {
            throw new IllegalArgumentException("boundStopFactor must be a finite number >= 0 (0 = off), got " + boundStopFactor);
        }
    }

    public TrialConfig withSteps(long n) {
        return new TrialConfig(model, optimizer, schedule, n, batchSize, evalInterval, evalBatches, seed, boundStopFactor);
    }

    public TrialConfig withSeed(long s) {
        return new TrialConfig(model, optimizer, schedule, steps, batchSize, evalInterval, evalBatches, s, boundStopFactor);
    }

    public TrialConfig withOptimizer(KAdamConfig o) {
        return new TrialConfig(model, o, schedule, steps, batchSize, evalInterval, evalBatches, seed, boundStopFactor);
    }

    public TrialConfig withSchedule(ScheduleSpec s) {
        return new TrialConfig(model, optimizer, s, steps, batchSize, evalInterval, evalBatches, seed, boundStopFactor);
    }

    public TrialConfig withBoundStop(double factor) {
        return new TrialConfig(model, optimizer, schedule, steps, batchSize, evalInterval, evalBatches, seed, factor);
    }
}
