package io.kadam.model.train;

/**
 * One training iteration.
 *
 * @param step            n = 0, 1, ... (the update u_n)
 * @param loss            training loss of the batch, before the update
 * @param lr              η_n
 * @param maxUpdate       ‖u_n‖∞
 * @param levelMaxUpdates ‖u_n^(i)‖∞, i = 1..k
 * @param gradNorm        ‖g_n‖₂
 * @param seconds         wall time of the iteration
 */
public record StepMetrics(long step, double loss, double lr, double maxUpdate, double[] levelMaxUpdates,
                          double gradNorm, double seconds) {

    public StepMetrics {
        levelMaxUpdates = levelMaxUpdates.clone();
    }

    @Override
    public double[] levelMaxUpdates() {
        return levelMaxUpdates.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StepMetrics m && step == m.step && Double.compare(loss, m.loss) == 0
                && Double.compare(lr, m.lr) == 0 && Double.compare(maxUpdate, m.maxUpdate) == 0
                && java.util.Arrays.equals(levelMaxUpdates, m.levelMaxUpdates)
                && Double.compare(gradNorm, m.gradNorm) == 0 && Double.compare(seconds, m.seconds) == 0;
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(step, loss, lr, maxUpdate, java.util.Arrays.hashCode(levelMaxUpdates), gradNorm, seconds);
    }

    /** The same metrics without the wall time: what must match between identical runs. */
    public StepMetrics withoutTiming() {
        return new StepMetrics(step, loss, lr, maxUpdate, levelMaxUpdates, gradNorm, 0);
    }
}
