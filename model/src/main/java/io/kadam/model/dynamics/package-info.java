/**
 * The paper's continuous-time checks on real training runs (CPU, small byte-level nanoGPTs),
 * each a runner with a config record and a result of plain records (rows ready for a table),
 * plus a {@code main} that prints the key numbers:
 *
 * <table>
 *   <caption>checks</caption>
 *   <tr><th>runner</th><th>paper</th><th>what</th></tr>
 *   <tr><td>{@link io.kadam.model.dynamics.ReplayCheck}</td><td>Fig. 1</td><td>AdamW's θ_n against the
 *       Euler solution of Eq. 4 on the recorded gradients, for random coordinates</td></tr>
 *   <tr><td>{@link io.kadam.model.dynamics.NormCheck}</td><td>Fig. 5, Thm 2</td><td>true ‖W‖² of each
 *       qk-normed query/key head matrix against Eq. 8</td></tr>
 *   <tr><td>{@link io.kadam.model.dynamics.InnerProductCheck}</td><td>Fig. 8, Ass. 1</td><td>⟨W(t_N), g(t_n)⟩
 *       with and without qk-norm</td></tr>
 *   <tr><td>{@link io.kadam.model.dynamics.CoarseGrainingCheck}</td><td>Fig. 9, Ass. 2</td><td>training with
 *       the true v and with the coarse-grained ṽ ({@link io.kadam.model.dynamics.CoarseGrainedAdamW})</td></tr>
 * </table>
 *
 * <p>In a sweep, a spec's {@code check:} section names a {@link io.kadam.model.dynamics.CheckKind};
 * {@link io.kadam.model.dynamics.CheckRunner} runs it on the trial's run
 * ({@link io.kadam.model.dynamics.AdamWSetup#of}) and returns a
 * {@link io.kadam.model.dynamics.CheckOutput} in the long form of the result tables.
 *
 * <p>A run is driven step by step by {@link io.kadam.model.dynamics.GptRun} (the trainer's
 * seeding, model and loss, so it follows a {@code Trial} of the same config exactly), because the
 * checks must read gradients between backward and the update; {@link io.kadam.model.dynamics.Recording}
 * keeps θ_n and g_n of the observed coordinates.
 *
 * <h2>Choices</h2>
 * <ul>
 *   <li>The query/key matrix W is one head's block: rows h·d_h .. (h+1)·d_h − 1 of the d × d
 *       q (or k) weight, the paper's W_Q, W_K ∈ R^{d_h × d} (Section 4.1). Under this model's
 *       qk-norm (layer-norm over each head's d_h features, no bias) the loss is scale-invariant
 *       in each block separately ({@link io.kadam.model.dynamics.HeadMatrix}).</li>
 *   <li>Eq. 8's integral uses the continuous u(t) of the Euler solver (the paper: "computed via the
 *       method described in Appendix I"), and is also given with the discrete u_n.</li>
 *   <li>Assumption 2 on a block: ṽ_n = β ṽ_{n−1} + (1 − β) ‖g_n‖²/N, one value per block, m untouched.</li>
 *   <li>Parameter gaps are in units of the reference trajectory's range over the run
 *       ({@link io.kadam.optimizer.ode.TrajectoryGap}).</li>
 * </ul>
 *
 * <h2>Measured (tinyshakespeare bytes, 1 layer, 2 heads, dim 32, context 32, batch 8, AdamW
 * γ 0.9, β 0.999, λ 0.1, seed 1)</h2>
 * <ul>
 *   <li>Fig. 1, 1000 iterations, 16 coordinates of the block weights, K = 100, g held: mean gap
 *       0.73% of the range (median), max gap 3.5% of the range on average (6.5% worst, about one
 *       lr-step); at lr 1e-2: 1.0% and 4.8%. Linear interpolation of g: 9.4% and 13.5%.</li>
 *   <li>Fig. 5: Eq. 8 does not track ‖W‖²: it misses 32% within 100 iterations and 79% within
 *       1000. The term it drops, −2η⟨W_n, u_n⟩, carries 92–95% of the change; the true growth is
 *       13–20× Eq. 8's, close to (1 + γ)/(1 − γ) = 19, the pure-noise value (3.0 vs 3.0 at γ = 0.5,
 *       1.07 vs 1.22 at γ = 0.1). Lemma 2 holds (|cos(W_n, g_n)| ≈ 1e-4), and the Euler solution's
 *       own ‖W(t)‖² is within 0.9% of the true one.</li>
 *   <li>Fig. 8, 1000 iterations: mean |cos(W_N, g_n)| 0.038 with qk-norm, 0.166 without;
 *       |cos(W_n, g_n)| 2e-5 with, 0.21 without.</li>
 *   <li>Fig. 9: loss curves agree (mean |Δloss| 3e-4 nats over 50 iterations, 0.014 over 1000);
 *       single q/k entries move by ~20–25% of their range within 50 iterations, where a 0.1% lr
 *       change moves them by 0.1%; after ~300 iterations training is chaotic (the 0.1% lr change
 *       alone gives 34–40%), so long-run parameter trajectories cannot separate the two.</li>
 * </ul>
 *
 * <h2>Lost gradients on CPU (a bug outside this package)</h2>
 * Now and then (a few times in 10⁴ steps, mostly around steps 60–150) the query and key weights
 * of a layer get no gradient for one step: DJL then hands out zeros, and k-Adam updates them with
 * g = 0. Cause: {@code NanoGpt.CausalSelfAttention} scales the scores with {@code muli(Number)};
 * DJL makes that number a CPU tensor over a Java direct buffer and closes it at once, but autograd
 * keeps the tensor for backward, and a garbage collection between forward and backward frees its
 * memory (with a forced GC there, 366 of 400 steps lost the q/k gradient). Keeping the scale
 * tensor alive until after backward removes it and leaves the results bit for bit unchanged. Runs
 * here flag such steps ({@link io.kadam.model.dynamics.Recording#lostGradients()}).
 */
package io.kadam.model.dynamics;
