package io.kadam.optimizer.ode;

/**
 * g(t) for the continuous-time model: how the gradient is taken at a time between iterations.
 * Lemma 1 defines g(t) = ∇L(θ(t)) but the paper does not say what the solver of Appendix I feeds
 * in between the discrete iterations; three choices are offered:
 *
 * <ul>
 *   <li>{@link #held}: the recorded g_n held constant over [t_n, t_{n+1}). The default for replaying
 *       a training run (Fig. 1): it tracked a 1-layer GPT's AdamW run to ≈ 2.3% of each
 *       parameter's range in an independent float64 run (experiments.md).</li>
 *   <li>{@link #linear}: linear interpolation between g_n and g_{n+1}. About 5× worse on a GPT:
 *       averaging noisy gradients of opposite signs shrinks g², so v is underestimated.</li>
 *   <li>{@link #closedLoop}: ∇L evaluated at the ODE's own θ(t) at every Euler step, Lemma 1
 *       read literally. Only comparable parameter by parameter on problems that are not chaotic
 *       (a quadratic, a small MLP): a GPT's discrete run diverges from a copy started one lr-step
 *       away.</li>
 * </ul>
 */
@FunctionalInterface
public interface GradientPath {

    /**
     * Writes g at time t_n + fraction · η^p into {@code out}.
     *
     * @param iteration n, with t_n = n η^p
     * @param fraction  in [0, 1): how far into the iteration (j / K at Euler step j)
     * @param theta     the ODE's θ at that time (read only; used by closed-loop paths)
     */
    void gradient(int iteration, double fraction, double[] theta, double[] out);

    /** How many iterations this path covers (recorded paths: as many as recorded). */
    default int iterations() {
        return Integer.MAX_VALUE;
    }

    /** ∇L(θ), for closed-loop paths. */
    @FunctionalInterface
    interface GradientFunction {
        /** Writes ∇L(θ) into {@code out}; must not modify θ. */
        void gradient(double[] theta, double[] out);
    }

    /** Recorded g_0..g_{N−1} ({@code [iteration][coordinate]}), each held over its iteration. */
    static GradientPath held(double[][] recorded) {
        requireRectangular(recorded);
        return new GradientPath() {
            @Override
            public void gradient(int iteration, double fraction, double[] theta, double[] out) {
                System.arraycopy(recorded[iteration], 0, out, 0, out.length);
            }

            @Override
            public int iterations() {
                return recorded.length;
            }
        };
    }

    /**
     * Recorded g_0..g_{N−1} interpolated linearly: g_n + fraction (g_{n+1} − g_n); the last
     * iteration, which has no successor, is held.
     */
    static GradientPath linear(double[][] recorded) {
        requireRectangular(recorded);
        return new GradientPath() {
            @Override
            public void gradient(int iteration, double fraction, double[] theta, double[] out) {
                double[] a = recorded[iteration];
                double[] b = iteration + 1 < recorded.length ? recorded[iteration + 1] : a;
                for (int i = 0; i < out.length; i++) {
                    out[i] = a[i] + fraction * (b[i] - a[i]);
                }
            }

            @Override
            public int iterations() {
                return recorded.length;
            }
        };
    }

    /** g(t) = ∇L(θ(t)), evaluated at every Euler step (K times per iteration). */
    static GradientPath closedLoop(GradientFunction loss) {
        if (loss == null) {
            throw new IllegalArgumentException("gradient function must not be null");
        }
        return (iteration, fraction, theta, out) -> loss.gradient(theta, out);
    }

    private static void requireRectangular(double[][] recorded) {
        if (recorded == null || recorded.length == 0) {
            throw new IllegalArgumentException("recorded gradients must hold at least one iteration");
        }
        for (int n = 0; n < recorded.length; n++) {
            if (recorded[n] == null || recorded[n].length != recorded[0].length) {
                throw new IllegalArgumentException("recorded gradients must all have " + recorded[0].length
                        + " coordinates; iteration " + n + " has " + (recorded[n] == null ? "none" : recorded[n].length));
            }
        }
    }
}
