package io.kadam.optimizer.ode;

/**
 * A continuous-time solution sampled at the iterations t_n = n η^p, n = 0..N.
 *
 * @param times  t_n, N + 1 values
 * @param theta  θ(t_n), {@code [n][coordinate]}
 * @param update u(t_n), the update that drives Eq. 4 at t_n (Proposition 1's bias-corrected
 *               m/√v for AdamW, without the weight decay), {@code [n][coordinate]}
 */
public record Trajectory(double[] times, double[][] theta, double[][] update) {

    /** N: the number of iterations solved. */
    public int iterations() {
        return times.length - 1;
    }

    public int dimension() {
        return theta[0].length;
    }

    /** θ_i(t_n) for n = 0..N. */
    public double[] coordinate(int i) {
        double[] out = new double[theta.length];
        for (int n = 0; n < out.length; n++) {
            out[n] = theta[n][i];
        }
        return out;
    }
}
