package io.kadam.optimizer.schedule;

/** Linear warmup, then cosine decay to a floor; see {@link LrSchedule#warmupCosine}. */
record WarmupCosine(double peak, long warmupSteps, long totalSteps, double floor) implements LrSchedule {

    WarmupCosine {
        Checks.learningRate("peak", peak);
        Checks.learningRate("floor", floor);
        if (floor > peak) {
            throw new IllegalArgumentException("floor must be <= peak (" + peak + "), got " + floor);
        }
        if (warmupSteps < 0) {
            throw new IllegalArgumentException("warmupSteps must be >= 0, got " + warmupSteps);
        }
        if (totalSteps < warmupSteps) {
            throw new IllegalArgumentException(
                    "totalSteps must be >= warmupSteps (" + warmupSteps + "), got " + totalSteps);
        }
    }

    @Override
    public double at(long n) {
        if (n < warmupSteps) {
            return peak * (n + 1) / warmupSteps;
        }
        if (n >= totalSteps) {
            return floor;
        }
        double progress = (double) (n - warmupSteps) / (totalSteps - warmupSteps);
        return floor + 0.5 * (peak - floor) * (1 + Math.cos(Math.PI * progress));
    }
}
