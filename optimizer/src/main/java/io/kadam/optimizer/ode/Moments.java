package io.kadam.optimizer.ode;

/**
 * m(t) and v(t) of Lemma 1 on the Euler grid, stepped as Appendix I writes m:
 *
 * <pre>
 *   m(t + Δt) = e^{−aΔt} [ m(t) + aΔt g(t) ],   a = (1 − γ) / (η^p γ)
 *   v(t + Δt) = e^{−bΔt} [ v(t) + bΔt g(t)² ],  b = (1 − β) / (η^p β)
 * </pre>
 *
 * The appendix gives only the m recursion; v mirrors it with (β, g²) in place of (γ, g). The
 * decay is exact and the integral over the last Δt is a left-point rule, so a constant g is
 * reproduced to first order in Δt. Both start at 0 (the discrete m_{−1} = v_{−1} = 0).
 */
final class Moments {

    final double[] m;
    final double[] v;
    private final double mDecay;
    private final double mGain;
    private final double vDecay;
    private final double vGain;
    private final double eps;

    Moments(ContinuousAdamConfig config, int dim) {
        m = new double[dim];
        v = new double[dim];
        double aDt = config.momentumRate() * config.dt();
        double bDt = config.secondMomentRate() * config.dt();
        mDecay = Math.exp(-aDt);
        mGain = mDecay * aDt;
        vDecay = Math.exp(-bDt);
        vGain = vDecay * bDt;
        eps = config.eps();
    }

    /** One Euler step with the gradient g(t) taken at its start. */
    void advance(double[] g) {
        for (int i = 0; i < m.length; i++) {
            m[i] = mDecay * m[i] + mGain * g[i];
            v[i] = vDecay * v[i] + vGain * g[i] * g[i];
        }
    }

    /**
     * Proposition 1's u = c(t) m / √v (ε added to √v outside c(t), as Algorithm 1), written to
     * {@code out}; 0 where v = 0, which is where m = 0 too (nothing has been seen yet: at t = 0,
     * or for a coordinate whose gradient was always 0).
     */
    void update(double biasCorrection, double[] out) {
        for (int i = 0; i < m.length; i++) {
            out[i] = v[i] > 0 ? biasCorrection * m[i] / (Math.sqrt(v[i]) + eps) : 0.0;
        }
    }
}
