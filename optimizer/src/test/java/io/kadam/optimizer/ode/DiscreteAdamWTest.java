package io.kadam.optimizer.ode;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DiscreteAdamWTest {

    /**
     * Two steps by hand, β = 0.999, γ = 0.9, η = 0.01, λ = 0.1, θ₀ = 1, g = 0.5 then −1:
     * n = 0: m = 0.05, v = 0.00025, c₀ = √0.001 / 0.1 = 0.316228, u₀ = c₀ · 0.05 / 0.0158114 = 1 (a
     *        first step is always ±1), θ₁ = 1 − 0.01 (1 + 0.1) = 0.989;
     * n = 1: m = −0.055, v = 0.00124975, c₁ = √0.001999 / 0.19 = 0.235317, u₁ = c₁ · (−0.055) / 0.0353518
     *        = −0.366104, θ₂ = 0.989 − 0.01 (−0.366104 + 0.0989) = 0.991672.
     */
    @Test
    void twoStepsByHand() {
        DiscreteAdamW adam = new DiscreteAdamW(ContinuousAdamConfig.adamW(0.01, 0.999, 0.9, 0.1), 1);
        double[] theta = {1};
        assertEquals(1.0, adam.step(theta, new double[]{0.5})[0], 1e-15);
        assertEquals(0.989, theta[0], 1e-15);
        assertEquals(-0.366104, adam.step(theta, new double[]{-1})[0], 1e-6);
        assertEquals(0.991672, theta[0], 1e-6);
        assertEquals(2, adam.steps());
    }

    @Test
    void zeroGradientGivesZeroUpdateAndPureDecay() {
        Trajectory tr = DiscreteAdamW.replay(ContinuousAdamConfig.adamW(0.01, 0.999, 0.9, 0.5), new double[]{2}, new double[3][1]);
        assertEquals(0, tr.update()[2][0]);
        assertEquals(2 * Math.pow(1 - 0.005, 3), tr.theta()[3][0], 1e-15);
    }

    /** ε is added to √v outside the bias correction (Algorithm 1): u₀ = c₀ (1−γ)g / ((√(1−β))|g| + ε). */
    @Test
    void epsOutsideTheBiasCorrection() {
        ContinuousAdamConfig c = ContinuousAdamConfig.adamW(0.01, 0.999, 0.9, 0).withEps(1e-3);
        double u = new DiscreteAdamW(c, 1).step(new double[]{0}, new double[]{0.5})[0];
        double c0 = Math.sqrt(0.001) / 0.1;
        assertEquals(c0 * 0.05 / (Math.sqrt(0.001) * 0.5 + 1e-3), u, 1e-15);
    }
}
