package io.kadam.optimizer.ode;

/**
 * The continuous-time AdamW model of Section 2.2 as plain data: Lemma 1's moment equations, the
 * bias-corrected update u(t) of Proposition 1 and the second-order equation of Proposition 2,
 * solved by Appendix I's Euler scheme with step Δt = η^p / K.
 *
 * <p>Notation as in the paper: γ is the momentum (PyTorch's beta1), β the second-moment decay
 * (PyTorch's beta2); weight decay is decoupled (AdamW), the case Proposition 2 describes.
 *
 * @param eta         learning rate η > 0
 * @param beta        second-moment decay β ∈ (0, 1) (Lemma 1 needs it strictly inside)
 * @param gamma       momentum γ ∈ (0, 1)
 * @param weightDecay decoupled weight decay λ ≥ 0
 * @param timescale   p ≥ 1: continuous time runs at t_n = n η^p (the paper uses p = 1)
 * @param substeps    K ≥ 2 Euler steps per iteration; K = 1 would put the velocity mode, which
 *                    decays at rate 2/η^p, exactly on the edge of Euler's stability region. The
 *                    moment steps need (1 − γ)/(γK) ≪ 1 as well: Appendix I's m step gains
 *                    aΔt e^{−aΔt} g per step instead of (1 − e^{−aΔt}) g, so a held g is
 *                    reached only to a factor aΔt/(e^{aΔt} − 1) (0.9995 at γ = 0.9, K = 100;
 *                    0.58 at γ = 0.01, K = 100)
 * @param eps         ε ≥ 0 added to √v outside the bias correction, as Algorithm 1; 0 by default,
 *                    with u = 0 wherever v = 0 (then m = 0 as well: the limit of m/√v is 0 there)
 */
public record ContinuousAdamConfig(double eta, double beta, double gamma, double weightDecay,
                                   double timescale, int substeps, double eps) {

    /** Appendix I's K. */
    public static final int DEFAULT_SUBSTEPS = 100;

    public ContinuousAdamConfig {
        if (!(eta > 0) || Double.isInfinite(eta)) {
            throw new IllegalArgumentException("eta must be a finite number > 0, got " + eta);
        }
        if (!(beta > 0 && beta < 1)) {
            throw new IllegalArgumentException("beta must be in the open interval (0, 1), got " + beta);
        }
        if (!(gamma > 0 && gamma < 1)) {
            throw new IllegalArgumentException("gamma must be in the open interval (0, 1), got " + gamma);
        }
        if (!(weightDecay >= 0) || Double.isInfinite(weightDecay)) {
            throw new IllegalArgumentException("weightDecay must be a finite number >= 0, got " + weightDecay);
        }
        if (!(timescale >= 1) || Double.isInfinite(timescale)) {
            throw new IllegalArgumentException("timescale p must be a finite number >= 1, got " + timescale);
        }
        if (substeps < 2) {
            throw new IllegalArgumentException("substeps K must be >= 2, got " + substeps);
        }
        if (!(eps >= 0) || Double.isInfinite(eps)) {
            throw new IllegalArgumentException("eps must be a finite number >= 0, got " + eps);
        }
    }

    /** AdamW at learning rate η with the paper's p = 1, K = 100, and ε = 0. */
    public static ContinuousAdamConfig adamW(double eta, double beta, double gamma, double weightDecay) {
        return new ContinuousAdamConfig(eta, beta, gamma, weightDecay, 1, DEFAULT_SUBSTEPS, 0);
    }

    public ContinuousAdamConfig withSubsteps(int k) {
        return new ContinuousAdamConfig(eta, beta, gamma, weightDecay, timescale, k, eps);
    }

    public ContinuousAdamConfig withTimescale(double p) {
        return new ContinuousAdamConfig(eta, beta, gamma, weightDecay, p, substeps, eps);
    }

    public ContinuousAdamConfig withWeightDecay(double lambda) {
        return new ContinuousAdamConfig(eta, beta, gamma, lambda, timescale, substeps, eps);
    }

    public ContinuousAdamConfig withEps(double epsilon) {
        return new ContinuousAdamConfig(eta, beta, gamma, weightDecay, timescale, substeps, epsilon);
    }

    /** η^p: the continuous time one iteration takes. */
    public double iterationTime() {
        return Math.pow(eta, timescale);
    }

    /** Δt = η^p / K. */
    public double dt() {
        return iterationTime() / substeps;
    }

    /** (1 − γ) / (η^p γ): the rate at which m(t) relaxes to g(t) (Lemma 1). */
    public double momentumRate() {
        return (1 - gamma) / (iterationTime() * gamma);
    }

    /** (1 − β) / (η^p β): the rate at which v(t) relaxes to g(t)² (Lemma 1). */
    public double secondMomentRate() {
        return (1 - beta) / (iterationTime() * beta);
    }

    /**
     * Proposition 1's bias correction √(1 − β^(1+t/η^p)) / (1 − γ^(1+t/η^p)); at t = t_n it is
     * the discrete c_n of Eq. 1.
     */
    public double biasCorrection(double t) {
        double s = 1 + t / iterationTime();
        // −expm1(s log β) = 1 − β^s without cancellation for β near 1
        return Math.sqrt(-Math.expm1(s * Math.log(beta))) / -Math.expm1(s * Math.log(gamma));
    }
}
