package io.kadam.model.dynamics;

import io.kadam.model.data.TokenSplit;
import io.kadam.model.nn.GptConfig;
import io.kadam.model.train.ScheduleSpec;
import io.kadam.model.train.TrialConfig;
import io.kadam.optimizer.AdaptiveNormalization;
import io.kadam.optimizer.KAdam;
import io.kadam.optimizer.KAdamConfig;
import io.kadam.optimizer.WeightDecay;
import io.kadam.optimizer.ode.ContinuousAdamConfig;
import io.kadam.optimizer.schedule.LrSchedule;

/**
 * The training run the dynamics checks observe: nanoGPT with AdamW (decoupled decay, ε = 1e-30,
 * constant learning rate) as plain data. β is the second-moment decay (PyTorch's beta2), γ the
 * momentum (PyTorch's beta1).
 *
 * @param iterations N: updates made; parameters are observed at n = 0..N
 * @param seed       initial weights and data order (the trainer's forks of it)
 */
public record AdamWSetup(GptConfig model, int batchSize, double lr, double beta, double gamma, double weightDecay,
                         int iterations, long seed) {

    public AdamWSetup {
        if (model == null) {
            throw new IllegalArgumentException("model must be given");
        }
        if (batchSize < 1 || iterations < 1) {
            throw new IllegalArgumentException("batchSize and iterations must be >= 1, got " + batchSize + ", " + iterations);
        }
        // the ODE's config checks η, β, γ, λ and names what is wrong
        ContinuousAdamConfig.adamW(lr, beta, gamma, weightDecay);
    }

    /**
     * Fig. 1's setting at CPU size: byte vocabulary, 1 layer, 2 heads, dim 32, context 32, no
     * bias, no dropout, batch 8; AdamW γ 0.9, β 0.999, λ 0.1, lr 1e-3; 1000 iterations, seed 1.
     */
    public static AdamWSetup tinyByteGpt() {
        return new AdamWSetup(new GptConfig(256, 32, 1, 2, 32, 0.0, false, false), 8, 1e-3, 0.999, 0.9, 0.1, 1000, 1);
    }

    /**
     * The run a trial of {@code config} makes, when it is one the checks model: nanoGPT, k = 1,
     * decoupled decay, ε = 1e-30 and a constant learning rate. Throws naming the first thing that
     * is not (the spec parser checks the same, with file and line, before anything runs).
     */
    public static AdamWSetup of(TrialConfig config) {
        if (!(config.model() instanceof GptConfig gpt)) {
            throw new IllegalArgumentException("the dynamics checks observe nanoGPT, got " + config.model().getClass().getSimpleName());
        }
        KAdamConfig optimizer = config.optimizer();
        if (optimizer.k() != 1 || optimizer.decay() != WeightDecay.DECOUPLED || optimizer.eps() != KAdamConfig.DEFAULT_EPS) {
            throw new IllegalArgumentException("the dynamics checks model AdamW: k = 1, decoupled weight decay, eps "
                    + KAdamConfig.DEFAULT_EPS + "; got k = " + optimizer.k() + ", " + optimizer.decay() + ", eps " + optimizer.eps());
        }
        ScheduleSpec schedule = config.schedule();
        if (!schedule.kind().equals("constant") || schedule.anneal()) {
            throw new IllegalArgumentException("the dynamics checks need a constant learning rate, got a " + schedule.kind()
                    + (schedule.anneal() ? " annealed" : "") + " schedule");
        }
        if (config.steps() > Integer.MAX_VALUE - 1) {
            throw new IllegalArgumentException("the dynamics checks record every iteration: at most " + (Integer.MAX_VALUE - 1)
                    + " steps, got " + config.steps());
        }
        AdaptiveNormalization level = optimizer.levels().get(0);
        return new AdamWSetup(gpt, config.batchSize(), schedule.lr(), level.beta(), level.gamma(), optimizer.weightDecay(),
                (int) config.steps(), config.seed());
    }

    public AdamWSetup withLr(double eta) {
        return new AdamWSetup(model, batchSize, eta, beta, gamma, weightDecay, iterations, seed);
    }

    public AdamWSetup withIterations(int n) {
        return new AdamWSetup(model, batchSize, lr, beta, gamma, weightDecay, n, seed);
    }

    public AdamWSetup withSeed(long s) {
        return new AdamWSetup(model, batchSize, lr, beta, gamma, weightDecay, iterations, s);
    }

    public AdamWSetup withQkNorm(boolean on) {
        return new AdamWSetup(model.withQkNorm(on), batchSize, lr, beta, gamma, weightDecay, iterations, seed);
    }

    public AdamWSetup withModel(GptConfig m) {
        return new AdamWSetup(m, batchSize, lr, beta, gamma, weightDecay, iterations, seed);
    }

    /** The discrete optimizer: k-Adam with k = 1, decoupled decay, ε = 1e-30. */
    public KAdam newOptimizer() {
        KAdamConfig config = KAdamConfig.adam(beta, gamma).withWeightDecay(weightDecay, WeightDecay.DECOUPLED);
        return new KAdam(config, LrSchedule.constant(lr));
    }

    /** The continuous-time model of the same run, K Euler steps per iteration (p = 1, ε = 0). */
    public ContinuousAdamConfig continuous(int substeps) {
        return ContinuousAdamConfig.adamW(lr, beta, gamma, weightDecay).withSubsteps(substeps);
    }

    /** The model, initialized, on one torch thread. */
    public GptRun start(TokenSplit data) {
        return new GptRun(model, data, batchSize, seed, 1);
    }

    /** e.g. "1L/2H/32, batch 8, AdamW lr 1e-3 beta 0.999 gamma 0.9 wd 0.1, 1000 it, seed 1, qk-norm". */
    public String describe() {
        return String.format(java.util.Locale.ROOT, "%dL/%dH/%d ctx %d, batch %d, AdamW lr %.0e beta %s gamma %s wd %s, %d it, seed %d%s",
                model.layers(), model.heads(), model.dim(), model.context(), batchSize, lr, beta, gamma, weightDecay, iterations, seed,
                model.qkNorm() ? ", qk-norm" : "");
    }
}
