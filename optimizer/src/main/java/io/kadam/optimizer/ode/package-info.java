/**
 * The continuous-time model of AdamW (Section 2.2, Appendices C, I, J) in plain double-precision
 * Java: Lemma 1's moments m(t), v(t), Proposition 1's bias-corrected u(t), Proposition 2's
 * λθ + θ' + ½ηθ'' = −u(t) (Eq. 4), solved by Appendix I's Euler scheme with Δt = η^p / K.
 *
 * <pre>{@code
 * ContinuousAdamConfig c = ContinuousAdamConfig.adamW(1e-3, 0.999, 0.9, 0.1);   // η, β, γ, λ; p = 1, K = 100
 * Trajectory ode = new EulerSolver(c).solve(theta0, GradientPath.held(recordedGradients), n);
 * Trajectory adam = DiscreteAdamW.replay(c, theta0, recordedGradients);            // the discrete recursion
 * TrajectoryGap gap = TrajectoryGap.of(adam, ode, i);                              // Fig. 1's error, coordinate i
 * }</pre>
 *
 * <p>β is the second-moment decay (PyTorch's beta2), γ the momentum (PyTorch's beta1).
 *
 * <h2>What Appendix I leaves open, and the choices made here</h2>
 * Our copy of Appendix I stops after the m(t) recursion. An independent float64 run
 * (experiments.md) found the following to work; each alternative is an option:
 * <ul>
 *   <li><b>g(t) between iterations</b>: recorded g_n held constant over [t_n, t_{n+1})
 *       ({@link io.kadam.optimizer.ode.GradientPath#held}). Alternatives: linear interpolation
 *       ({@link io.kadam.optimizer.ode.GradientPath#linear}; underestimates v on noisy gradients)
 *       and the closed loop g = ∇L(θ(t)) at every Euler step
 *       ({@link io.kadam.optimizer.ode.GradientPath#closedLoop}; Lemma 1 read literally).</li>
 *   <li><b>v(t)</b>: stepped exactly like Appendix I's m(t), v ← e^{−bΔt}(v + bΔt g²), from 0.</li>
 *   <li><b>ψ(0) = θ'(0) = 0</b> (any ψ₀ can be passed).</li>
 *   <li><b>u = 0 where v = 0</b>, with ε = 0 by default (Algorithm 1's ε outside the bias
 *       correction when set).</li>
 *   <li><b>Fig. 1's error</b>: per coordinate, the gap between θ(t_n) and the discrete θ_n over the
 *       run, in units of that coordinate's range ({@link io.kadam.optimizer.ode.TrajectoryGap}:
 *       the max and the mean gap).</li>
 * </ul>
 *
 * <h2>Measured here (tests in this package)</h2>
 * <ul>
 *   <li>First order: u ≡ 0, η = 1e-3, λ = 0.1, θ(0) = 1, θ'(0) = 1, t ∈ [0, 1]: max relative error
 *       1.5e-5 / 1.5e-6 / 1.5e-7 at K = 10 / 100 / 1000 (ratios 10.3, 10.0).</li>
 *   <li>Quadratic ½Σh_i(θ_i − c_i)², AdamW lr 1e-3, λ = 0.1, 1000 iterations, held replay: worst
 *       coordinate's mean gap 0.15% of its range, max gap 1.2 lr-steps (the start-up lag: u(0) = 0
 *       and ψ(0) = 0 against a first discrete step of size η); at lr 1e-2 the mean gap is 2.1%.</li>
 *   <li>Eq. 8 drops −2η⟨W, u_W⟩, which is of the same order as η²‖u_W‖² once there is momentum:
 *       on a scale-invariant toy with pure gradient noise the true growth of ‖W‖² is
 *       (1 + γ)/(1 − γ) times Eq. 8's (measured 18.5 at γ = 0.9; 1.02 at γ = 0.01).</li>
 * </ul>
 */
package io.kadam.optimizer.ode;
