package io.kadam.optimizer;

import ai.djl.ndarray.NDArray;


/**
 * One adaptive normalization A_{γ,β} (the paper's Definition 2): the single stage that k-Adam
 * composes k times. Given the next element x_n of a sequence it updates the moving averages
 *
 * <pre>
 *   m ← γ m + (1 − γ) x
 *   v ← β v + (1 − β) x²
 * </pre>
 *
 * and returns c_n · m / (√v + ε) with the bias correction c_n = √(1 − β^(n+1)) / (1 − γ^(n+1)),
 * exactly as in Algorithm 1 (ε outside the bias correction, unlike PyTorch, which adds ε to the
 * corrected √v̂; the two agree when ε is negligible, as at the paper's 1e-30).
 *
 * <p>Notation: γ is the momentum (PyTorch's beta1), β the second-moment decay (PyTorch's beta2).
 *
 * @param beta  second-moment decay β ∈ (0, 1)
 * @param gamma momentum γ ∈ [0, 1); γ = 0 is RMSprop-like, the paper's implicit normalization-layer
 *              level (Section 4.2)
 */
public record AdaptiveNormalization(double beta, double gamma) implements java.io.Serializable {

    public AdaptiveNormalization {
        if (!(beta > 0 && beta < 1)) {
            throw new IllegalArgumentException("beta must be in the open interval (0, 1), got " + beta);
        }
        if (!(gamma >= 0 && gamma < 1)) {
            throw new IllegalArgumentException("gamma must be in [0, 1), got " + gamma);
        }
    }

    /** c_n = √(1 − β^(n+1)) / (1 − γ^(n+1)) for step n = 0, 1, ..., in double precision. */
    public double biasCorrection(long n) {
        // −expm1((n+1) log β) = 1 − β^(n+1) without cancellation when β is close to 1
        double oneMinusBetaPow = -Math.expm1((n + 1) * Math.log(beta));
        double oneMinusGammaPow = gamma == 0 ? 1 : -Math.expm1((n + 1) * Math.log(gamma));
        return Math.sqrt(oneMinusBetaPow) / oneMinusGammaPow;
    }

    /**
     * The stage on tensors, on any device: updates {@code m} and {@code v} in place and returns
     * the normalized x as a new array (in x's manager, so the caller's scope frees it).
     */
    NDArray apply(NDArray x, NDArray m, NDArray v, double biasCorrection, float eps) {
        m.muli(gamma).addi(x.mul(1 - gamma));
        v.muli(beta).addi(x.square().muli(1 - beta));
        return m.mul(biasCorrection).divi(v.sqrt().addi(eps));
    }

    /**
     * The same stage over a chunk of a flat CPU parameter (the fused path): x[0..len) is replaced
     * by its normalization, m and v (this level's moments for the chunk) are updated in place, and
     * each output's |x| is folded into {@code maxAbs} lane by lane (maxAbs[j] = max(maxAbs[j], |x[j]|),
     * NaN if any was NaN). Float arithmetic, like the tensor path. Lanes instead of one running
     * max keep the loop free of a reduction: C2 then vectorizes it, which it does not for a
     * loop-carried max or float sum.
     */
    static void apply(float[] x, float[] m, float[] v, int len, Coefficients k, float[] maxAbs) {
        float gamma = k.gamma();
        float oneMinusGamma = k.oneMinusGamma();
        float beta = k.beta();
        float oneMinusBeta = k.oneMinusBeta();
        float c = k.biasCorrection();
        float eps = k.eps();
        for (int j = 0; j < len; j++) {
            float xj = x[j];
            float mj = gamma * m[j] + oneMinusGamma * xj;
            float vj = beta * v[j] + oneMinusBeta * (xj * xj);
            m[j] = mj;
            v[j] = vj;
            float out = c * mj / ((float) Math.sqrt(vj) + eps);
            x[j] = out;
            maxAbs[j] = Math.max(maxAbs[j], Math.abs(out)); // Math.max keeps NaN: divergence stays visible
        }
    }

    /** This stage's constants at step n, rounded to float once per step. */
    Coefficients at(long n, float eps) {
        return new Coefficients((float) gamma, (float) (1 - gamma), (float) beta, (float) (1 - beta),
                (float) biasCorrection(n), eps);
    }

    record Coefficients(float gamma, float oneMinusGamma, float beta, float oneMinusBeta,
                        float biasCorrection, float eps) {}
}
