package io.kadam.jobs.spec;

import io.kadam.model.train.ScheduleSpec;

/**
 * A spec's {@code training:} section, resolved to steps: every count here is in optimizer steps,
 * whatever unit the spec used (with {@code epochs: N} the parser has multiplied by the steps per
 * epoch).
 *
 * @param steps           training iterations
 * @param batchSize       sequences or images per step
 * @param evalInterval    steps between test evaluations (0: only after the last step)
 * @param evalBatches     text: fixed held-out batches; images: batches of the test set (0 = all)
 * @param seed            the seed when the grid lists no seeds
 * @param schedule        the learning-rate schedule at {@code training.schedule.lr}; its lr is NaN
 *                        when a product grid sweeps lr instead (use {@link #scheduleAt})
 * @param floorRatio      the floor as a fraction of the peak lr: warmup-cosine's {@code floor_ratio},
 *                        1 for constant and linear-warmup (whose floor is the lr), NaN when the
 *                        floor is absolute ({@code floor})
 * @param boundStopFactor stop a trial whose max-update exceeds its bound by this factor (0 = off)
 * @param checkpointEvery steps between checkpoints (0 = none)
 */
public record Training(long steps, int batchSize, int evalInterval, int evalBatches, long seed, ScheduleSpec schedule,
                       double floorRatio, double boundStopFactor, int checkpointEvery) {

    /** The schedule with peak rate {@code lr}; a {@code floor_ratio} floor scales with it. */
    public ScheduleSpec scheduleAt(double lr) {
        double floor = Double.isNaN(floorRatio) ? schedule.floor() : floorRatio * lr;
        return new ScheduleSpec(schedule.kind(), lr, schedule.warmup(), schedule.total(), floor,
                schedule.stepsPerUnit(), schedule.anneal());
    }
}
