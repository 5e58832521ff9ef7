package io.kadam.jobs.spec;

import io.kadam.model.dynamics.CheckSpec;
import io.kadam.model.nn.ModelSpec;
import io.kadam.optimizer.KAdamConfig;

import java.util.List;

/**
 * A sweep: one model and data set trained at every point of a grid of optimizer
 * hyperparameters, one Spark task per trial. Read from YAML by {@link SpecParser}, turned into
 * trials by {@link SweepExpander}. β is the second-moment decay (PyTorch beta2), γ the momentum
 * (PyTorch beta1). Keys are snake_case; a key set to {@code null} or left empty counts as absent;
 * an unknown key, a duplicate key or a value given in two places is an error.
 *
 * <pre>
 * name: fig3                 # required; [a-z0-9_-]+ (a Parquet partition value)
 * description: ...           # optional
 * model:
 *   kind: gpt                # gpt (text datasets) | cnn (image datasets)
 *   layers: 1                # gpt, required: layers, heads, dim (divisible by heads), context
 *   heads: 2
 *   dim: 32
 *   context: 32
 *   dropout: 0               # gpt, optional: dropout [0, 1) (0), bias (false), qk_norm (false),
 *                            #   vocab_size (default the tokenizer's: byte 256, gpt2 50257; char: required)
 *   # cnn, optional: stages: [8, 16] (conv channels per stage), hidden: 128, batch_norm: false;
 *   #   input and classes come from the data set: (fashion-)mnist 1x28x28, cifar10 3x32x32, 10 classes
 * data:
 *   dataset: tinyshakespeare # tinyshakespeare | c4 | generated (synthetic text, no files) | a text file
 *                            #   path (must contain '/' or '.') | fashion-mnist | mnist | cifar10
 *   tokenizer: byte          # text, required: byte | char | gpt2
 *   test_fraction: 0.1       # text: held-out tail, in (0, 1)
 *   max_tokens: 0            # text: 0 = all, else at most this many tokens
 *   data_dir: null           # the data directory; null: KADAM_DATA_DIR. Not part of a trial's id
 * training:
 *   steps: 2400              # or epochs: N (image sets only: steps = N * ceil(train images / batch_size),
 *                            #   train images 60000 for (fashion-)mnist, 50000 for cifar10)
 *   batch_size: 8            # required
 *   eval_interval: 100       # 0 (default) = only after the last step; in epochs when the length is
 *   eval_batches: 40         # text: fixed held-out batches (default 40); images: 0 (default) = whole test set
 *   seed: 1                  # default 1; or grid.seeds, never both
 *   schedule: {kind: constant, lr: 1.0e-3}
 *     # constant {lr} | linear-warmup {lr, warmup, unit} | warmup-cosine {lr, warmup (0), total, floor (0)
 *     # or floor_ratio (floor = ratio * lr, scales with a swept lr), unit}. unit: step | epoch (epoch needs
 *     # training.epochs; default: the length's unit); total defaults to the length in that unit.
 *     # lr is required, except when a product grid sweeps lr: then it must be left out
 *   anneal: false            # multiply the schedule by Eq. 19's exp(-n|C|/2) of level 1 (fig14)
 *   bound_stop_factor: 0     # stop a trial exceeding its Eq. 5 bound by this factor; 0 = off
 *   checkpoint_every: 0      # 0 = none; in epochs when the length is
 * optimizer:                 # optional section
 *   beta: 0.999              # level 1's (β, γ), both in (0, 1): the base point of product grids; curve and
 *   gamma: 0.9               #   point grids set (β, γ) per trial, so there they must be left out
 *   eps: 1.0e-30             # Algorithm 1's ε (outside the bias correction)
 *   weight_decay: 0          # λ >= 0
 *   coupling: coupled        # coupled (Adam) | decoupled (AdamW)
 * grid:                      # required; exactly one kind, and only that kind's keys
 *   kind: normal-curve       # normal-curve | level-curve | b0 | points | product
 *   through: [0.999, 0.9]    # curves: the (β, γ) the curve passes through; level-curve also: c: value
 *   points: 64               # curves and b0: count, equally spaced in arc length (Section.points: an end
 *                            #   on the border of the unit square is left out, the spacing kept)
 *   beta_range: [0.9516, 0.9660]  # optional [from, to] within the curve's β range; default the whole curve
 *   # b0: points (and beta_range) along C = 0
 *   # points: points: [[0.999, 0.9], [0.95, 0.99]]
 *   # product: k: [1, 2], strategy: [inverse-exp, naive], lr: [1e-4, 1e-3], weight_decay: [1e-4],
 *   #   coupling: [decoupled]; each optional (a single value may stand for a list of one); a missing one
 *   #   takes the single value from optimizer/training (k: 1; strategy is required when some k > 1),
 *   #   and a value swept here must not also be given there
 *   seeds: [1, 2]            # any kind: one trial per seed per point (default [training.seed])
 * check:                     # optional: every trial runs this continuous-time check on its training run
 *   kind: replay             #   instead of plain training (keys and rules: CheckSection); needs nanoGPT,
 *                            #   k = 1, coupling: decoupled, a constant schedule
 * analysis:                  # optional: how the tables read this sweep (Analysis), fixed with the sweep
 *   slope_step: 1000         #   slope_vs_c's n (from n +- 5); default min(1000, 2/3 of the steps)
 *   n1: 1000                 #   best_loss horizons; default min(1000, steps) and min(3000, steps)
 *   n2: 3000
 * </pre>
 *
 * <p>Curve, b0 and point grids sweep Adam (k = 1), labelled strategy "adam". Product grids sweep
 * k-Adam: a strategy ({@code LevelStrategy}) maps (optimizer.beta, optimizer.gamma) to every
 * level's (β_i, γ_i). No list may repeat a value, so that no two trials of a sweep are the same.
 *
 * @param name        the sweep's name
 * @param description free text ("" when not given)
 * @param model       the network, with what the data set decides filled in
 * @param data        the data set
 * @param training    length, batches, evaluation and schedule, all in steps
 * @param optimizer   level 1 at (optimizer.beta, optimizer.gamma), weight decay, coupling, ε
 * @param grid        what the sweep varies
 * @param seeds       one trial per seed at every grid point
 * @param check       the continuous-time check every trial runs, or null for plain training
 * @param analysis    the table parameters of this sweep (not part of any trial's id)
 */
public record SweepSpec(String name, String description, ModelSpec model, DataSpec data, Training training,
                        KAdamConfig optimizer, Grid grid, List<Long> seeds, CheckSpec check, Analysis analysis) {

    public SweepSpec {
        seeds = List.copyOf(seeds);
    }

    /** The number of trials {@link SweepExpander#expand} makes. */
    public int trialCount() {
        return grid.size() * seeds.size();
    }
}
