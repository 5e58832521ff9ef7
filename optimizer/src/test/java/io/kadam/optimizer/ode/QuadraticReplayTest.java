package io.kadam.optimizer.ode;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Discrete AdamW against its continuous-time model on a small deterministic problem,
 * L(θ) = ½ Σ h_i (θ_i − c_i)², from θ₀ = 0 for 1000 iterations (λ = 0.1): each coordinate walks
 * to its minimum at about one lr-step per iteration and then settles. The gap is measured per
 * coordinate in units of its range (as Fig. 1 is read), for the three gradient paths.
 */
class QuadraticReplayTest {

    private static final double[] H = {1, 4, 0.25, 10};
    private static final double[] C = {0.3, -0.2, 0.5, 0.1};
    private static final GradientPath.GradientFunction QUADRATIC = (theta, out) -> {
        for (int i = 0; i < H.length; i++) {
            out[i] = H[i] * (theta[i] - C[i]);
        }
    };

    /** {worst relative max gap, worst relative mean gap, worst max gap in lr-steps} over coordinates. */
    private static double[] gaps(Trajectory discrete, Trajectory continuous, double eta) {
        double[] worst = new double[3];
        for (int i = 0; i < discrete.dimension(); i++) {
            TrajectoryGap gap = TrajectoryGap.of(discrete, continuous, i);
            worst[0] = Math.max(worst[0], gap.relativeMax());
            worst[1] = Math.max(worst[1], gap.relativeMean());
            worst[2] = Math.max(worst[2], gap.maxGap() / eta);
        }
        return worst;
    }

    @Test
    void continuousModelTracksDiscreteAdamW() {
        int n = 1000;
        double[][] atLr = new double[2][];
        double[] lrs = {1e-3, 1e-2};
        for (int l = 0; l < 2; l++) {
            ContinuousAdamConfig c = ContinuousAdamConfig.adamW(lrs[l], 0.999, 0.9, 0.1);
            double[] theta0 = new double[H.length];
            Trajectory discrete = DiscreteAdamW.run(c, theta0, QUADRATIC, n);
            double[][] g = new double[n][H.length];
            for (int k = 0; k < n; k++) {
                QUADRATIC.gradient(discrete.theta()[k], g[k]);
            }
            EulerSolver solver = new EulerSolver(c);
            double[] held = gaps(discrete, solver.solve(theta0, GradientPath.held(g), n), lrs[l]);
            double[] linear = gaps(discrete, solver.solve(theta0, GradientPath.linear(g), n), lrs[l]);
            double[] closed = gaps(discrete, solver.solve(theta0, GradientPath.closedLoop(QUADRATIC), n), lrs[l]);
            System.out.printf("quadratic, lr %.0e, 1000 it, worst coordinate: max gap / range, mean gap / range, max gap in lr-steps:%n"
                            + "  held %.4f %.4f %.2f | linear %.4f %.4f %.2f | closed loop %.4f %.4f %.2f%n",
                    lrs[l], held[0], held[1], held[2], linear[0], linear[1], linear[2], closed[0], closed[1], closed[2]);
            // the largest gap is the start-up lag, the same for all three paths: u(0) = 0 and ψ(0) = 0
            // against a full first step (|u_0| = 1), then u(t) rising like √(t/η) and ψ trailing u by η/2
            for (double[] gap : new double[][]{held, linear, closed}) {
                assertTrue(gap[2] < 1.5, "the gap stays within about one lr-step, got " + gap[2]);
            }
            atLr[l] = held;
        }
        assertTrue(atLr[0][1] < 0.002, "lr 1e-3: mean gap below 0.2% of the range, got " + atLr[0][1]);
        assertTrue(atLr[1][1] < 0.03, "lr 1e-2: mean gap below 3% of the range, got " + atLr[1][1]);
        assertTrue(atLr[1][1] > 3 * atLr[0][1], "the continuous model is a small-lr model: the gap grows with lr");
    }
}
