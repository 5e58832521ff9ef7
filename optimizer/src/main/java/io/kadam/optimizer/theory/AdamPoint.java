package io.kadam.optimizer.theory;

/**
 * A point (β, γ) of Adam's adaptive hyperparameters, in the paper's notation (Gould and Tanaka):
 * {@code beta} = β is the second-moment decay (PyTorch {@code betas[1]}, "beta2") and
 * {@code gamma} = γ is the momentum decay (PyTorch {@code betas[0]}, "beta1"). The PyTorch
 * default (beta1, beta2) = (0.9, 0.999) is {@code new AdamPoint(0.999, 0.9)}.
 *
 * <p>Both must lie strictly inside (0, 1): the max-update bound (Theorem 1) needs square-integrable
 * kernels, which rules out 0 (RMSprop, signSGD), and 1 freezes the moving averages.
 */
public record AdamPoint(double beta, double gamma) {

    public AdamPoint {
        requireOpenUnit("beta", beta);
        requireOpenUnit("gamma", gamma);
    }

    /** C(β, γ) = (2β(1−γ) − γ(1−β)) / (βγ): its sign decides whether updates stay bounded. */
    public double c() {
        return Stability.c(beta, gamma);
    }

    /** Region of this point, classifying C exactly (only C == 0.0 is B0). */
    public Region region() {
        return Region.of(c());
    }

    static void requireOpenUnit(String field, double value) {
        // written as a negated conjunction so that NaN fails too
        if (!(value > 0.0 && value < 1.0)) {
            throw new IllegalArgumentException(
                    field + " must be in the open interval (0, 1), got " + value);
        }
    }
}
