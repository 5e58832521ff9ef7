package io.kadam.optimizer.ode;

/**
 * Theorem 2 (Eq. 8): for a scale-invariant weight W under Assumptions 1 and 2,
 *
 * <pre>
 *   ‖W(t)‖² ≈ ‖W(0)‖² e^{−2λt} + η ∫₀ᵗ dτ e^{−2λ(t−τ)} ‖u_W(τ)‖²
 * </pre>
 *
 * with u_W the AdamW update of W's entries (without the decay). Eq. 7 is Eq. 4 at p = 1, so the
 * time here is t = n η. Two ways to evaluate the integral:
 * <ul>
 *   <li>as an observer of the {@link EulerSolver} (the paper: "computed via the method described
 *       in Appendix I"): the continuous u(t) on the Euler grid, φ ← e^{−2λΔt} (φ + η Δt ‖u‖²),
 *       sampled at every t_n;</li>
 *   <li>{@link #fromDiscreteUpdates}: the discrete u_n held over each iteration, with the same
 *       left-point rule, φ_{n+1} = e^{−2λη} (φ_n + η² ‖u_n‖²).</li>
 * </ul>
 * Several weights at once: coordinate i of the solved vector belongs to group {@code groupOf[i]}
 * (−1: to none).
 */
public final class NormApproximation implements SubstepObserver {

    private final int[] groupOf;
    private final double decayPerStep;
    private final double gainPerStep;
    private final double[] phi;
    private final double[] squared;
    private final double[][] sampled;
    private final int substeps;

    /**
     * @param groupOf             group of each solved coordinate, or −1
     * @param initialSquaredNorms ‖W(0)‖² per group
     * @param iterations          N: the predictions are kept for t_0..t_N
     */
    public NormApproximation(ContinuousAdamConfig config, int[] groupOf, double[] initialSquaredNorms, int iterations) {
        requireTimescaleOne(config);
        for (int g : groupOf) {
            if (g < -1 || g >= initialSquaredNorms.length) {
                throw new IllegalArgumentException("group " + g + " is outside [-1, " + initialSquaredNorms.length + ")");
            }
        }
        this.groupOf = groupOf.clone();
        double dt = config.dt();
        decayPerStep = Math.exp(-2 * config.weightDecay() * dt);
        gainPerStep = decayPerStep * config.eta() * dt;
        phi = initialSquaredNorms.clone();
        squared = new double[phi.length];
        sampled = new double[iterations + 1][];
        substeps = config.substeps();
    }

    @Override
    public void observe(int iteration, int substep, double t, double[] theta, double[] psi, double[] update) {
        if (substep == 0) {
            sampled[iteration] = phi.clone();
        }
        java.util.Arrays.fill(squared, 0);
        for (int i = 0; i < groupOf.length; i++) {
            if (groupOf[i] >= 0) {
                squared[groupOf[i]] += update[i] * update[i];
            }
        }
        for (int g = 0; g < phi.length; g++) {
            phi[g] = decayPerStep * phi[g] + gainPerStep * squared[g];
        }
        // the last step of the last solved iteration reaches t_N
        if (substep == substeps - 1 && iteration + 1 == sampled.length - 1) {
            sampled[iteration + 1] = phi.clone();
        }
    }

    /** Predicted ‖W(t_n)‖², {@code [n][group]}, n = 0..N; after the solve. */
    public double[][] predicted() {
        for (double[] row : sampled) {
            if (row == null) {
                throw new IllegalStateException("the solve has not covered every iteration yet");
            }
        }
        return sampled.clone();
    }

    /**
     * Eq. 8 with the discrete updates held over each iteration.
     *
     * @param squaredUpdateNorms ‖u_n‖² per group, {@code [n][group]}, n = 0..N−1
     * @return predicted ‖W(t_n)‖², {@code [n][group]}, n = 0..N
     */
    public static double[][] fromDiscreteUpdates(ContinuousAdamConfig config, double[] initialSquaredNorms,
                                                 double[][] squaredUpdateNorms) {
        requireTimescaleOne(config);
        double eta = config.eta();
        double decay = Math.exp(-2 * config.weightDecay() * eta);
        double[][] out = new double[squaredUpdateNorms.length + 1][];
        out[0] = initialSquaredNorms.clone();
        for (int n = 0; n < squaredUpdateNorms.length; n++) {
            out[n + 1] = new double[out[0].length];
            for (int g = 0; g < out[0].length; g++) {
                // left point, like the observer: the exact integral of the held u_n differs by O(λη²)
                out[n + 1][g] = decay * (out[n][g] + eta * eta * squaredUpdateNorms[n][g]);
            }
        }
        return out;
    }

    private static void requireTimescaleOne(ContinuousAdamConfig config) {
        if (config.timescale() != 1) {
            throw new IllegalArgumentException("Eq. 8 is derived at timescale p = 1, got p = " + config.timescale());
        }
    }
}
