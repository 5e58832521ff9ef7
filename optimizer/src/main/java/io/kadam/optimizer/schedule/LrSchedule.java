package io.kadam.optimizer.schedule;

import io.kadam.optimizer.theory.AdamPoint;
import io.kadam.optimizer.theory.Stability;

/**
 * A learning rate as a function of the step count n = 0, 1, 2, ... (the number of updates made
 * before this one). Schedules are plain values: compose them instead of subclassing.
 */
@FunctionalInterface
public interface LrSchedule {

    /** The learning rate of update n. */
    double at(long n);

    /** A constant learning rate. */
    static LrSchedule constant(double lr) {
        Checks.learningRate("lr", lr);
        return n -> lr;
    }

    /** Linear warmup to {@code peak} over {@code warmupSteps} updates, then constant. */
    static LrSchedule linearWarmup(double peak, long warmupSteps) {
        return new WarmupCosine(peak, warmupSteps, warmupSteps, peak);
    }

    /**
     * The paper's Eq. 19 annealing factor for a point in B−, exp(−n|C|/2) (1 elsewhere), to
     * multiply a base schedule with: {@code base.times(LrSchedule.annealing(point))}.
     */
    static LrSchedule annealing(AdamPoint point) {
        return n -> Stability.annealingFactor(point, n);
    }

    /**
     * Linear warmup for {@code warmupSteps} updates (update n gets peak·(n+1)/warmup, so the
     * first update is not wasted at lr 0, as in nanoGPT), then a half cosine from {@code peak} down
     * to {@code floor} reached at update {@code totalSteps}, and {@code floor} after it.
     */
    static LrSchedule warmupCosine(double peak, long warmupSteps, long totalSteps, double floor) {
        return new WarmupCosine(peak, warmupSteps, totalSteps, floor);
    }

    /**
     * This schedule read in epochs: update n uses the value at epoch ⌊n / stepsPerEpoch⌋, i.e.
     * the rate changes only at epoch boundaries, as a per-epoch PyTorch scheduler does.
     * Build the inner schedule with epochs as its unit (e.g. warmup 2, total 100).
     */
    default LrSchedule perEpoch(long stepsPerEpoch) {
        if (stepsPerEpoch < 1) {
            throw new IllegalArgumentException("stepsPerEpoch must be >= 1, got " + stepsPerEpoch);
        }
        LrSchedule byEpoch = this;
        return n -> byEpoch.at(n / stepsPerEpoch);
    }

    /**
     * This schedule times a factor schedule, e.g. {@code base.times(Annealing.of(point))} for the
     * paper's Eq. 19 annealing on top of warmup and cosine decay.
     */
    default LrSchedule times(LrSchedule factor) {
        LrSchedule base = this;
        return n -> base.at(n) * factor.at(n);
    }
}
