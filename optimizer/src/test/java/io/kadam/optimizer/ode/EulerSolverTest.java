package io.kadam.optimizer.ode;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The solver against closed forms. Eq. 4 with a constant u is linear with constant coefficients:
 * θ(t) = θ_p(t) + a e^{−k₊t} + b e^{−k₋t} (Appendix C), k± = (1 ± √(1 − 2λη)) / η^p, with θ_p the
 * particular solution and a, b from θ(0), θ'(0). Forward Euler applied to it is a linear map with
 * eigenvalues 1 − k±Δt on the same eigenvectors (1, −k±), so the scheme's own output is known
 * exactly too: θ_j = θ_p(jΔt) + a (1 − k₊Δt)^j + b (1 − k₋Δt)^j. The first checks the code to
 * rounding, the second measures the scheme's truncation error.
 */
class EulerSolverTest {

    private static final double ETA = 1e-3;

    /** a, b and the particular solution for a constant u; p = 1 unless the config says otherwise. */
    private record ClosedForm(ContinuousAdamConfig c, double theta0, double psi0, double u) {

        double kPlus() {
            return (1 + Math.sqrt(1 - 2 * c.weightDecay() * c.eta())) / c.iterationTime();
        }

        double kMinus() {
            // 1 − √(1 − x) written as x / (1 + √(1 − x)): no cancellation for small λη
            double x = 2 * c.weightDecay() * c.eta();
            return x / (1 + Math.sqrt(1 - x)) / c.iterationTime();
        }

        /** θ_p: −u/λ with decay; −η^{1−p} u t without (then η^p θ' = −η u). */
        double particular(double t) {
            return c.weightDecay() > 0 ? -u / c.weightDecay() : -Math.pow(c.eta(), 1 - c.timescale()) * u * t;
        }

        double particularSlope() {
            return c.weightDecay() > 0 ? 0 : -Math.pow(c.eta(), 1 - c.timescale()) * u;
        }

        /** a from a + b = θ(0) − θ_p(0), −k₊a − k₋b = θ'(0) − θ_p'(0). */
        double a() {
            double x0 = theta0 - particular(0);
            double v0 = psi0 - particularSlope();
            return -(v0 + kMinus() * x0) / (kPlus() - kMinus());
        }

        double b() {
            return theta0 - particular(0) - a();
        }

        double exact(double t) {
            return particular(t) + a() * Math.exp(-kPlus() * t) + b() * Math.exp(-kMinus() * t);
        }

        double eulerMap(long j) {
            double dt = c.dt();
            return particular(j * dt) + a() * Math.pow(1 - kPlus() * dt, j) + b() * Math.pow(1 - kMinus() * dt, j);
        }
    }

    private static Trajectory solveConstant(ClosedForm f, int iterations) {
        return new EulerSolver(f.c()).solve(new double[]{f.theta0()}, new double[]{f.psi0()},
                (t, theta, out) -> out[0] = f.u(), iterations, SubstepObserver.NONE);
    }

    /** max over t_n of |θ − exact| / max |exact|. */
    private static double relativeError(ClosedForm f, Trajectory tr) {
        double err = 0;
        double scale = 0;
        for (int n = 0; n <= tr.iterations(); n++) {
            double exact = f.exact(tr.times()[n]);
            err = Math.max(err, Math.abs(tr.theta()[n][0] - exact));
            scale = Math.max(scale, Math.abs(exact));
        }
        return err / scale;
    }

    @Test
    void theCodeIsTheEulerMapToRounding() {
        for (double lambda : new double[]{0.1, 0}) {
            for (double u : new double[]{0, 0.7}) {
                for (double psi0 : new double[]{0, 3}) {
                    ClosedForm f = new ClosedForm(ContinuousAdamConfig.adamW(ETA, 0.999, 0.9, lambda).withSubsteps(10), 1.5, psi0, u);
                    Trajectory tr = solveConstant(f, 200);
                    for (int n = 0; n <= 200; n++) {
                        double expected = f.eulerMap((long) n * 10);
                        assertEquals(expected, tr.theta()[n][0], 1e-12 * Math.max(1, Math.abs(expected)),
                                () -> f + " at n = " + tr.times().length);
                    }
                }
            }
        }
    }

    /** Appendix C: u ≡ 0, with and without decay, from rest and from a moving start. */
    @Test
    void zeroUpdateConvergesToAppendixCAtFirstOrder() {
        for (double lambda : new double[]{0.1, 0}) {
            for (double psi0 : new double[]{0, 1}) {
                if (lambda == 0 && psi0 == 0) {
                    // θ(t) = θ(0) exactly (a = 0, b = θ(0)): checked below
                    continue;
                }
                double[] errors = new double[3];
                int[] ks = {10, 100, 1000};
                for (int i = 0; i < ks.length; i++) {
                    ClosedForm f = new ClosedForm(ContinuousAdamConfig.adamW(ETA, 0.999, 0.9, lambda).withSubsteps(ks[i]), 1, psi0, 0);
                    errors[i] = relativeError(f, solveConstant(f, 1000));
                }
                System.out.printf("u = 0, lambda %.1f, psi(0) %.0f, eta 1e-3, 1000 iterations: relative error K=10 %.3g, "
                        + "K=100 %.3g, K=1000 %.3g (ratios %.2f, %.2f)%n", lambda, psi0, errors[0], errors[1], errors[2],
                        errors[0] / errors[1], errors[1] / errors[2]);
                assertEquals(10, errors[0] / errors[1], 0.6, "first order: tenfold K, tenfold smaller error");
                assertEquals(10, errors[1] / errors[2], 0.6);
                assertTrue(errors[1] < 2e-6, "K = 100 is accurate to a few 1e-6, got " + errors[1]);
            }
        }
        ClosedForm rest = new ClosedForm(ContinuousAdamConfig.adamW(ETA, 0.999, 0.9, 0), 0.25, 0, 0);
        Trajectory still = solveConstant(rest, 100);
        assertEquals(0.25, still.theta()[100][0], 0.0, "no decay, no velocity, no update: nothing moves");
    }

    /**
     * The slow mode alone (θ'(0) = −k₋θ(0), so a = 0) is a pure exponential, for which Euler's
     * global error has the leading term t k₋² Δt / 2 · θ(t): an independent check of the size.
     */
    @Test
    void slowModeErrorHasEulersLeadingTerm() {
        ContinuousAdamConfig c = ContinuousAdamConfig.adamW(ETA, 0.999, 0.9, 1.0);
        ClosedForm probe = new ClosedForm(c, 1, 0, 0);
        ClosedForm f = new ClosedForm(c, 1, -probe.kMinus(), 0);
        assertEquals(0, f.a(), 1e-15);
        Trajectory tr = solveConstant(f, 1000);
        double t = tr.times()[1000];
        double error = tr.theta()[1000][0] - f.exact(t);
        double leading = -t * f.kMinus() * f.kMinus() * c.dt() / 2 * f.exact(t);
        System.out.printf("slow mode, lambda 1, t = 1: error %.4g, leading term t k^2 dt/2 theta = %.4g%n", error, leading);
        assertEquals(leading, error, 0.01 * Math.abs(leading));
    }

    /** A constant u: θ_p = −u/λ with decay, −u t without; both converge at first order. */
    @Test
    void constantUpdateConvergesToItsClosedForm() {
        for (double lambda : new double[]{0.1, 0}) {
            double[] errors = new double[2];
            for (int i = 0; i < 2; i++) {
                ContinuousAdamConfig c = ContinuousAdamConfig.adamW(ETA, 0.999, 0.9, lambda).withSubsteps(i == 0 ? 10 : 100);
                errors[i] = relativeError(new ClosedForm(c, 0.3, 0, 0.8), solveConstant(new ClosedForm(c, 0.3, 0, 0.8), 2000));
            }
            System.out.printf("u = 0.8, lambda %.1f, from rest, 2000 iterations: relative error K=10 %.3g, K=100 %.3g%n",
                    lambda, errors[0], errors[1]);
            assertEquals(10, errors[0] / errors[1], 0.6);
            assertTrue(errors[1] < 1e-5, "got " + errors[1]);
        }
        // by hand, λ = 0: from rest the velocity relaxes to −u with rate 2/η, so θ(t) = θ₀ − u t + u η/2 (1 − e^{−2t/η});
        // at t = 1 (1000 iterations): 0.3 − 0.8 + 0.0004 = −0.4996
        ContinuousAdamConfig c = ContinuousAdamConfig.adamW(ETA, 0.999, 0.9, 0).withSubsteps(1000);
        assertEquals(-0.4996, solveConstant(new ClosedForm(c, 0.3, 0, 0.8), 1000).theta()[1000][0], 1e-6);
    }

    /** The general-p form λη θ + η^p θ' + ½η^{2p} θ'' = −η u at p = 2: k± = (1 ± √(1 − 2λη)) / η². */
    @Test
    void timescaleTwo() {
        ContinuousAdamConfig c = new ContinuousAdamConfig(0.05, 0.999, 0.9, 0.3, 2, 20, 0);
        ClosedForm f = new ClosedForm(c, 1, 2, 0.5);
        Trajectory tr = solveConstant(f, 300);
        for (int n = 0; n <= 300; n += 30) {
            assertEquals(f.eulerMap(n * 20L), tr.theta()[n][0], 1e-12);
        }
        assertEquals(300 * 0.05 * 0.05, tr.times()[300], 1e-15, "t_n = n η^p");
    }

    /** All-zero gradients: v = 0 everywhere, so u = 0 and AdamW's ODE is Appendix C's u ≡ 0 case. */
    @Test
    void zeroGradientsGiveZeroUpdate() {
        ContinuousAdamConfig c = ContinuousAdamConfig.adamW(ETA, 0.999, 0.9, 0.1).withSubsteps(10);
        Trajectory adam = new EulerSolver(c).solve(new double[]{1, -2}, GradientPath.held(new double[50][2]), 50);
        ClosedForm f = new ClosedForm(c, 1, 0, 0);
        for (int n = 0; n <= 50; n++) {
            assertEquals(0, adam.update()[n][0]);
            assertEquals(f.eulerMap(n * 10L), adam.theta()[n][0], 1e-13);
            assertEquals(-2 * f.eulerMap(n * 10L), adam.theta()[n][1], 1e-13);
        }
    }

    /**
     * A gradient held constant from t = 0: Lemma 1 gives m = g(1 − e^{−at}), v = g²(1 − e^{−bt}),
     * so u(t) = c(t) (1 − e^{−at}) / √(1 − e^{−bt}) · sign(g) (Proposition 1). The Appendix I
     * recursion m_{j+1} = e^{−aΔt}(m_j + aΔt g) sums to m_j = g aΔt e^{−aΔt}(1 − e^{−aΔt j})/(1 − e^{−aΔt}).
     */
    @Test
    void constantGradientGivesPropositionOnesUpdate() {
        ContinuousAdamConfig c = ContinuousAdamConfig.adamW(ETA, 0.999, 0.9, 0);
        double[][] g = new double[300][];
        for (int n = 0; n < g.length; n++) {
            g[n] = new double[]{-0.03, 2.0};
        }
        Trajectory tr = new EulerSolver(c).solve(new double[2], GradientPath.held(g), 300);
        double aDt = c.momentumRate() * c.dt();
        double bDt = c.secondMomentRate() * c.dt();
        assertEquals(0, tr.update()[0][1], "u(0) = 0: nothing averaged yet");
        double worst = 0;
        for (int n = 1; n <= 300; n++) {
            long j = n * 100L;
            double t = tr.times()[n];
            double mOverG = aDt * Math.exp(-aDt) * -Math.expm1(-aDt * j) / -Math.expm1(-aDt);
            double vOverG2 = bDt * Math.exp(-bDt) * -Math.expm1(-bDt * j) / -Math.expm1(-bDt);
            double scheme = c.biasCorrection(t) * mOverG / Math.sqrt(vOverG2);
            assertEquals(scheme, tr.update()[n][1], 1e-12 * scheme);
            assertEquals(-scheme, tr.update()[n][0], 1e-12 * scheme, "u does not depend on |g|");
            double lemma = c.biasCorrection(t) * -Math.expm1(-c.momentumRate() * t) / Math.sqrt(-Math.expm1(-c.secondMomentRate() * t));
            worst = Math.max(worst, Math.abs(tr.update()[n][1] / lemma - 1));
        }
        // left-point quadrature: relative error ≈ aΔt/2 − bΔt/4 = 0.111/200 − 0.001/400 ≈ 5.5e-4
        System.out.printf("constant gradient: u(t_n) within %.3g of Proposition 1 (K = 100)%n", worst);
        assertTrue(worst < 6e-4, "got " + worst);
        // by hand at t = 0.3: c = √(1 − 0.999^301) / (1 − 0.9^301) = √0.2600 = 0.5099; m/g = 1 − e^{−33.3} = 1;
        // √(v/g²) = √(1 − e^{−0.3003}) = √0.2594 = 0.5093; u = 0.5099 / 0.5093 ≈ 1.001: bias correction works
        assertEquals(1.0, tr.update()[300][1], 0.01);
    }

    @Test
    void closedLoopEvaluatesTheGradientAtTheOdesOwnThetaEveryStep() {
        ContinuousAdamConfig c = ContinuousAdamConfig.adamW(ETA, 0.999, 0.9, 0).withSubsteps(4);
        AtomicInteger calls = new AtomicInteger();
        double[] lastSeen = new double[1];
        Trajectory tr = new EulerSolver(c).solve(new double[]{1}, new double[1], GradientPath.closedLoop((theta, out) -> {
            calls.incrementAndGet();
            lastSeen[0] = theta[0];
            out[0] = theta[0]; // L = θ²/2
        }), 5, SubstepObserver.NONE);
        assertEquals(20, calls.get(), "5 iterations × K = 4");
        assertTrue(lastSeen[0] < 1 && lastSeen[0] > tr.theta()[5][0], "the last call saw θ at the start of the last step");
    }

    @Test
    void observerSeesEveryStepInOrder() {
        ContinuousAdamConfig c = ContinuousAdamConfig.adamW(ETA, 0.999, 0.9, 0).withSubsteps(3);
        StringBuilder seen = new StringBuilder();
        new EulerSolver(c).solve(new double[]{0}, new double[]{0}, (t, theta, out) -> out[0] = 1, 2,
                (n, j, t, theta, psi, u) -> seen.append(n).append(j).append(' '));
        assertEquals("00 01 02 10 11 12 ", seen.toString());
    }

    @Test
    void badInputsAreNamed() {
        EulerSolver solver = new EulerSolver(ContinuousAdamConfig.adamW(ETA, 0.999, 0.9, 0));
        assertEquals("asked for 4 iterations, but the gradient path covers only 3",
                assertThrows(IllegalArgumentException.class, () -> solver.solve(new double[1], GradientPath.held(new double[3][1]), 4))
                        .getMessage());
        assertEquals("psi0 must have the 2 coordinates of theta0, got 1",
                assertThrows(IllegalArgumentException.class,
                        () -> solver.solve(new double[2], new double[1], GradientPath.held(new double[3][2]), 3, SubstepObserver.NONE))
                        .getMessage());
        assertEquals("recorded gradients must all have 2 coordinates; iteration 1 has 3",
                assertThrows(IllegalArgumentException.class, () -> GradientPath.held(new double[][]{{1, 2}, {1, 2, 3}})).getMessage());
    }
}
