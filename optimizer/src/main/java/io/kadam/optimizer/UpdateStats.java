package io.kadam.optimizer;

/**
 * What one k-Adam step measured, over all parameters. NaN when any coordinate was NaN.
 *
 * @param maxUpdate       ‖u_n‖∞ = ‖θ_{n+1} − θ_n‖∞ / η, including decoupled weight decay, as
 *                        Algorithm 1's u does
 * @param levelMaxUpdates ‖u_n^(i)‖∞ of Theorem 3 for i = 1..k (index 0 is level 1)
 * @param gradNorm        ‖g_n‖₂ of the raw gradient (before coupled weight decay)
 */
public record UpdateStats(double maxUpdate, double[] levelMaxUpdates, double gradNorm) {

    public UpdateStats {
        levelMaxUpdates = levelMaxUpdates.clone();
    }

    @Override
    public double[] levelMaxUpdates() {
        return levelMaxUpdates.clone();
    }

    /** ‖u_n^(i)‖∞ for level i = 1..k. */
    public double level(int i) {
        return levelMaxUpdates[i - 1];
    }
}
