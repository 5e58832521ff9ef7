package io.kadam.optimizer;

/**
 * The max-update of one step: ‖u_n‖∞ = ‖θ_{n+1} − θ_n‖∞ / η over all parameters (including
 * decoupled weight decay, as Algorithm 1's u does), and the per-level ‖u_n^(i)‖∞ of Theorem 3.
 * NaN when any coordinate was NaN.
 *
 * @param total    ‖u_n‖∞
 * @param perLevel ‖u_n^(i)‖∞ for i = 1..k (index 0 is level 1)
 */
public record MaxUpdate(double total, double[] perLevel) {

    public MaxUpdate {
        perLevel = perLevel.clone();
    }

    @Override
    public double[] perLevel() {
        return perLevel.clone();
    }

    public double level(int i) {
        return perLevel[i - 1];
    }
}
