package io.kadam.optimizer.ode;

/**
 * The discrete AdamW recursion (Eq. 1 with decoupled decay, Algorithm 1 with k = 1) in double
 * precision, on plain arrays: the reference the continuous-time solution is compared with.
 *
 * <pre>
 *   m_n = γ m_{n−1} + (1 − γ) g_n,   v_n = β v_{n−1} + (1 − β) g_n²,   m_{−1} = v_{−1} = 0
 *   u_n = c_n m_n / (√v_n + ε),      c_n = √(1 − β^{n+1}) / (1 − γ^{n+1})
 *   θ_{n+1} = θ_n − η (u_n + λ θ_n)
 * </pre>
 *
 * As in the solver, u_n = 0 where v_n = 0. Not thread-safe; one instance per run.
 */
public final class DiscreteAdamW {

    private final double eta;
    private final double beta;
    private final double gamma;
    private final double weightDecay;
    private final double eps;
    private final double[] m;
    private final double[] v;
    private final double[] u;
    private long step;

    public DiscreteAdamW(ContinuousAdamConfig hyper, int dim) {
        if (dim < 1) {
            throw new IllegalArgumentException("dim must be >= 1, got " + dim);
        }
        eta = hyper.eta();
        beta = hyper.beta();
        gamma = hyper.gamma();
        weightDecay = hyper.weightDecay();
        eps = hyper.eps();
        m = new double[dim];
        v = new double[dim];
        u = new double[dim];
    }

    /** One step at n = {@link #steps()}: θ is updated in place; returns u_n (the solver's own array). */
    public double[] step(double[] theta, double[] g) {
        if (theta.length != m.length || g.length != m.length) {
            throw new IllegalArgumentException("theta and g must have " + m.length + " coordinates, got "
                    + theta.length + " and " + g.length);
        }
        double c = Math.sqrt(-Math.expm1((step + 1) * Math.log(beta))) / -Math.expm1((step + 1) * Math.log(gamma));
        for (int i = 0; i < m.length; i++) {
            m[i] = gamma * m[i] + (1 - gamma) * g[i];
            v[i] = beta * v[i] + (1 - beta) * g[i] * g[i];
            u[i] = v[i] > 0 ? c * m[i] / (Math.sqrt(v[i]) + eps) : 0.0;
            theta[i] -= eta * (u[i] + weightDecay * theta[i]);
        }
        step++;
        return u;
    }

    /** Steps taken: the n of the next step. */
    public long steps() {
        return step;
    }

    /** θ_0..θ_N from recorded g_0..g_{N−1}, with u_n in {@code update[n]} (u_N = 0: not taken). */
    public static Trajectory replay(ContinuousAdamConfig hyper, double[] theta0, double[][] gradients) {
        return run(hyper, theta0, (n, theta, out) -> System.arraycopy(gradients[n], 0, out, 0, out.length), gradients.length);
    }

    /** θ_0..θ_N with g_n = ∇L(θ_n) (a closed loop on a known loss). */
    public static Trajectory run(ContinuousAdamConfig hyper, double[] theta0, GradientPath.GradientFunction loss, int iterations) {
        return run(hyper, theta0, (n, theta, out) -> loss.gradient(theta, out), iterations);
    }

    private interface Source {
        void gradient(int n, double[] theta, double[] out);
    }

    private static Trajectory run(ContinuousAdamConfig hyper, double[] theta0, Source source, int iterations) {
        DiscreteAdamW adam = new DiscreteAdamW(hyper, theta0.length);
        double[] theta = theta0.clone();
        double[] g = new double[theta.length];
        double[] times = new double[iterations + 1];
        double[][] thetaAt = new double[iterations + 1][];
        double[][] updateAt = new double[iterations + 1][];
        for (int n = 0; n < iterations; n++) {
            times[n] = n * hyper.iterationTime();
            thetaAt[n] = theta.clone();
            source.gradient(n, theta, g);
            updateAt[n] = adam.step(theta, g).clone();
        }
        times[iterations] = iterations * hyper.iterationTime();
        thetaAt[iterations] = theta.clone();
        updateAt[iterations] = new double[theta.length];
        return new Trajectory(times, thetaAt, updateAt);
    }
}
