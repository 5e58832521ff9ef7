package io.kadam.optimizer;

/**
 * Double-precision references written independently of the production code, from the sources'
 * own statements: PyTorch's documented Adam/AdamW loop, and the paper's Algorithm 1 line by line.
 * Each works on one flat parameter vector.
 */
final class ReferenceAdam {

    /** torch.optim.Adam / AdamW as documented (β1 = γ, β2 = β; eps added to the corrected √v̂). */
    static final class Torch {
        final double lr, beta1, beta2, eps, weightDecay;
        final boolean decoupled;
        final double[] m, v;
        int t;

        Torch(int size, double lr, double beta2, double beta1, double eps, double weightDecay, boolean decoupled) {
            this.lr = lr;
            this.beta1 = beta1;
            this.beta2 = beta2;
            this.eps = eps;
            this.weightDecay = weightDecay;
            this.decoupled = decoupled;
            m = new double[size];
            v = new double[size];
        }

        /** Updates theta in place; returns ‖θ_new − θ_old‖∞ / lr. */
        double step(double[] theta, double[] grad) {
            t++;
            double maxUpdate = 0;
            for (int j = 0; j < theta.length; j++) {
                double g = grad[j];
                double before = theta[j];
                if (decoupled) {
                    theta[j] = theta[j] * (1 - lr * weightDecay);
                } else {
                    g = g + weightDecay * theta[j];
                }
                m[j] = beta1 * m[j] + (1 - beta1) * g;
                v[j] = beta2 * v[j] + (1 - beta2) * g * g;
                double mHat = m[j] / (1 - Math.pow(beta1, t));
                double vHat = v[j] / (1 - Math.pow(beta2, t));
                theta[j] = theta[j] - lr * mHat / (Math.sqrt(vHat) + eps);
                maxUpdate = Math.max(maxUpdate, Math.abs(theta[j] - before) / lr);
            }
            return maxUpdate;
        }
    }

    /** Algorithm 1 of the paper, transcribed literally. */
    static final class Algorithm1 {
        final double lr, lambda, eps;
        final boolean coupled;
        final double[] betas, gammas;
        final double[][] m, v;
        final double[] levelMax;
        int n;

        Algorithm1(int size, double lr, double lambda, boolean coupled, double[] betas, double[] gammas, double eps) {
            this.lr = lr;
            this.lambda = lambda;
            this.coupled = coupled;
            this.betas = betas;
            this.gammas = gammas;
            this.eps = eps;
            m = new double[betas.length][size];
            v = new double[betas.length][size];
            levelMax = new double[betas.length];
        }

        /** Updates theta in place; returns max |u| and fills levelMax with max |ĝ| per level. */
        double step(double[] theta, double[] grad) {
            int k = betas.length;
            java.util.Arrays.fill(levelMax, 0);
            double maxU = 0;
            double[] next = new double[theta.length];
            for (int j = 0; j < theta.length; j++) {
                double g = grad[j];
                if (coupled) {
                    g = g + lambda * theta[j];
                }
                double gHat = g;
                for (int i = 0; i < k; i++) {
                    m[i][j] = gammas[i] * m[i][j] + (1 - gammas[i]) * gHat;
                    v[i][j] = betas[i] * v[i][j] + (1 - betas[i]) * gHat * gHat;
                    double c = Math.sqrt(1 - Math.pow(betas[i], n + 1)) / (1 - Math.pow(gammas[i], n + 1));
                    gHat = c * m[i][j] / (Math.sqrt(v[i][j]) + eps);
                    levelMax[i] = Math.max(levelMax[i], Math.abs(gHat));
                }
                double u = gHat;
                if (!coupled) {
                    u = u + lambda * theta[j];
                }
                next[j] = theta[j] - lr * u;
                maxU = Math.max(maxU, Math.abs(u));
            }
            System.arraycopy(next, 0, theta, 0, theta.length);
            n++;
            return maxU;
        }
    }

    private ReferenceAdam() {}
}
