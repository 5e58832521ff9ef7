package io.kadam.optimizer.ode;

/**
 * Appendix I's forward-Euler solution of Proposition 2 (Eq. 4, written for any timescale p as in
 * Appendix C's derivation: λη θ + η^p θ' + ½ η^{2p} θ'' = −η u(t)) as two first-order equations
 *
 * <pre>
 *   θ' = ψ
 *   ψ' = −(2 / η^{2p}) (λη θ + η^p ψ + η u(t))
 *   θ(t + Δt) = θ(t) + Δt ψ(t),   ψ(t + Δt) = ψ(t) + Δt ψ'(t),   Δt = η^p / K
 * </pre>
 *
 * with u(t) from Proposition 1 (see {@link Moments}) or given directly. Each coordinate has its
 * own equation; they couple only through a closed-loop gradient. Double precision throughout.
 *
 * <p>What Appendix I leaves open, and what is done here (experiments.md found these to work):
 * <ul>
 *   <li>g(t) between iterations: a {@link GradientPath}; replaying recorded gradients held over
 *       each iteration is the default for comparing with a training run.</li>
 *   <li>v(t): stepped like m(t) (the appendix shows only m), from m(0) = v(0) = 0.</li>
 *   <li>ψ(0) = θ'(0) = 0: training starts at rest. Since u(0) = 0 too (nothing averaged yet),
 *       the continuous path trails the discrete one, which moves by a full step −η u_0 at n = 0,
 *       by about one lr-step; the gap does not grow with N. Another ψ(0) can be passed.</li>
 *   <li>u = 0 where v = 0 (with the default ε = 0).</li>
 *   <li>Sampling: θ(t_n) is compared with the discrete θ_n, t_n = n η^p.</li>
 * </ul>
 *
 * <p>The scheme is first order: for u ≡ 0 the error at fixed t falls tenfold per tenfold K.
 */
public final class EulerSolver {

    private final ContinuousAdamConfig config;

    public EulerSolver(ContinuousAdamConfig config) {
        if (config == null) {
            throw new IllegalArgumentException("config must not be null");
        }
        this.config = config;
    }

    public ContinuousAdamConfig config() {
        return config;
    }

    /** AdamW's ODE from θ(0) = θ₀ at rest (ψ(0) = 0), for {@code iterations} iterations. */
    public Trajectory solve(double[] theta0, GradientPath gradients, int iterations) {
        return solve(theta0, new double[theta0.length], gradients, iterations, SubstepObserver.NONE);
    }

    /** AdamW's ODE from θ(0) = θ₀, θ'(0) = ψ₀, with an observer of every Euler step. */
    public Trajectory solve(double[] theta0, double[] psi0, GradientPath gradients, int iterations,
                            SubstepObserver observer) {
        check(theta0, psi0, iterations);
        if (gradients == null) {
            throw new IllegalArgumentException("gradient path must not be null");
        }
        if (iterations > gradients.iterations()) {
            throw new IllegalArgumentException("asked for " + iterations + " iterations, but the gradient path covers only "
                    + gradients.iterations());
        }
        Moments moments = new Moments(config, theta0.length);
        double[] g = new double[theta0.length];
        Drive drive = new Drive() {
            @Override
            public void update(int n, int j, double t, double[] theta, double[] u) {
                moments.update(config.biasCorrection(t), u);
            }

            @Override
            public void advance(int n, int j, double[] theta) {
                // g at the start of the step, as the m recursion of Appendix I takes it
                gradients.gradient(n, (double) j / config.substeps(), theta, g);
                moments.advance(g);
            }
        };
        return integrate(theta0, psi0, drive, iterations, observer);
    }

    /** Eq. 4 driven by a given u(t) instead of AdamW's moments (λ, η, p, K from the config). */
    public Trajectory solve(double[] theta0, double[] psi0, UpdateFunction update, int iterations,
                            SubstepObserver observer) {
        check(theta0, psi0, iterations);
        if (update == null) {
            throw new IllegalArgumentException("update function must not be null");
        }
        Drive drive = new Drive() {
            @Override
            public void update(int n, int j, double t, double[] theta, double[] u) {
                update.update(t, theta, u);
            }

            @Override
            public void advance(int n, int j, double[] theta) {
            }
        };
        return integrate(theta0, psi0, drive, iterations, observer);
    }

    /** What moves u(t): its value at the start of each Euler step, then its own step. */
    private interface Drive {
        void update(int n, int j, double t, double[] theta, double[] u);

        /** Called after θ and ψ have stepped, with θ still at the start of the step. */
        void advance(int n, int j, double[] theta);
    }

    private Trajectory integrate(double[] theta0, double[] psi0, Drive drive, int iterations, SubstepObserver observer) {
        int dim = theta0.length;
        int k = config.substeps();
        double dt = config.dt();
        double etaP = config.iterationTime();
        // ψ' = −(2/η^{2p})(λη θ + η^p ψ + η u) = −cTheta θ − cPsi ψ − cU u
        double cTheta = 2 * config.weightDecay() * config.eta() / (etaP * etaP);
        double cPsi = 2 / etaP;
        double cU = 2 * config.eta() / (etaP * etaP);

        double[] theta = theta0.clone();
        double[] psi = psi0.clone();
        double[] start = new double[dim]; // θ at the start of the step, for the drive's gradient
        double[] u = new double[dim];
        double[] times = new double[iterations + 1];
        double[][] thetaAt = new double[iterations + 1][];
        double[][] updateAt = new double[iterations + 1][];
        for (int n = 0; n < iterations; n++) {
            times[n] = n * etaP;
            thetaAt[n] = theta.clone();
            for (int j = 0; j < k; j++) {
                // from the step index, not by summing Δt: no drift over 10^5 steps
                double t = ((long) n * k + j) * dt;
                drive.update(n, j, t, theta, u);
                if (j == 0) {
                    updateAt[n] = u.clone();
                }
                observer.observe(n, j, t, theta, psi, u);
                System.arraycopy(theta, 0, start, 0, dim);
                for (int i = 0; i < dim; i++) {
                    double acceleration = -cTheta * theta[i] - cPsi * psi[i] - cU * u[i];
                    theta[i] += dt * psi[i];
                    psi[i] += dt * acceleration;
                }
                drive.advance(n, j, start);
            }
        }
        times[iterations] = iterations * etaP;
        thetaAt[iterations] = theta.clone();
        drive.update(iterations, 0, times[iterations], theta, u);
        updateAt[iterations] = u.clone();
        return new Trajectory(times, thetaAt, updateAt);
    }

    private static void check(double[] theta0, double[] psi0, int iterations) {
        if (theta0 == null || theta0.length == 0) {
            throw new IllegalArgumentException("theta0 must hold at least one coordinate");
        }
        if (psi0 == null || psi0.length != theta0.length) {
            throw new IllegalArgumentException("psi0 must have the " + theta0.length + " coordinates of theta0, got "
                    + (psi0 == null ? "null" : psi0.length));
        }
        if (iterations < 0) {
            throw new IllegalArgumentException("iterations must be >= 0, got " + iterations);
        }
    }
}
