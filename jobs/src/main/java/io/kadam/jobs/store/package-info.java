/**
 * Sweep results in Parquet, each finished trial exactly once. This page is the contract between
 * the sweep that writes the tables and whatever reads them (Spark SQL, pandas, DuckDB).
 *
 * <h2>Layout of an output directory</h2>
 *
 * <pre>{@code
 * <out>/
 *   trials/sweep=<name>/trial-<trialId>.parquet   one row per trial: the commit record
 *   steps/sweep=<name>/trial-<trialId>.parquet    one row per training step
 *   evals/sweep=<name>/trial-<trialId>.parquet    one row per test evaluation
 *   check_series/sweep=<name>/trial-<trialId>.parquet   check sweeps only: the check's curves
 *   check_metrics/sweep=<name>/trial-<trialId>.parquet  check sweeps only: the check's numbers
 *   analysis/sweep=<name>/analysis.parquet        the sweep's table parameters (one row)
 *   _staging/<trialId>-<uuid>/                    attempts being committed (or abandoned)
 *   _kadam.json                                   schema version and the spec of each sweep
 * }</pre>
 *
 * <ul>
 * <li>{@code <out>} is any Hadoop file system URI: {@code file:}, {@code hdfs:}, {@code s3a:}.</li>
 * <li>{@code sweep} is the partition column: Spark's partition discovery turns the directory
 *     {@code sweep=<name>} into a string column {@code sweep} (last column). Sweep names start
 *     with a letter and hold only letters, digits, {@code . _ -} (so Spark never infers them as
 *     numbers or dates and no name needs escaping). Read the table directory
 *     ({@code <out>/trials}), or set {@code basePath} when reading single partitions.</li>
 * <li>One file per trial and table, named by the trial id: there cannot be two sets of rows
 *     for a trial, however often it ran.</li>
 * <li>Paths starting with {@code _} or {@code .} are not data; Spark and Hive skip them.</li>
 * </ul>
 *
 * <h2>Reading: committed trials only</h2>
 *
 * A trial is committed iff its trials file exists; its steps and evals files are moved into
 * place before it. A steps or evals file without a trials row is the remains of an attempt that
 * died mid-commit: join steps and evals to the trials table, never read them alone.
 *
 * <pre>{@code
 * trials = spark.read.parquet(out + "/trials")
 * steps  = spark.read.parquet(out + "/steps").join(trials.select("sweep", "trial_id"), ["sweep", "trial_id"], "left_semi")
 * }</pre>
 *
 * <h2>trials: one row per committed trial</h2>
 *
 * <pre>{@code
 * column          Spark type      meaning
 * trial_id        string          the trial's stable id (hash of its config): the key of all three tables
 * idx             int             position in the sweep's expansion (ordering, plots)
 * status          string          "completed", "diverged" (NaN/Inf loss or update), "exceeded_bound"
 *                                 (a max-update beyond its Eq. 5/10 bound by the set factor), "failed" (an exception)
 * reason          string          why it stopped early: "" when completed; for failed the exception's first line;
 *                                 for diverged the stage that went non-finite (loss, gradient, update) and the
 *                                 first non-finite weight after the update (parameter[coordinate] = value)
 * beta            double          level 1's β (PyTorch beta2)
 * gamma           double          level 1's γ (PyTorch beta1)
 * c               double          C(β, γ) of level 1
 * region          string          "B+", "B0" or "B-"
 * arc_s           double          arc length along the swept curve; NaN for product grids
 * k               int             normalization levels
 * strategy        string          "inverse-exp", "exp", "scaled", "naive", "explicit", or "adam" (k = 1)
 * lr              double          peak learning rate
 * weight_decay    double          λ
 * coupling        string          "coupled" (Adam) or "decoupled" (AdamW) weight decay
 * seed            bigint          the trial's seed
 * level_betas     array<double>   β of every level, level 1 first
 * level_gammas    array<double>   γ of every level, level 1 first
 * steps_planned   bigint          steps the config asked for
 * steps_done      bigint          updates made (fewer when stopped early or failed)
 * final_loss      double          training loss of the last step; NaN when there was none
 * best_test_loss  double          lowest test loss seen; NaN if never evaluated
 * best_accuracy   double          highest test accuracy; NaN for language models
 * seconds         double          wall time of the whole trial, setup and evaluation included
 * finished_at     timestamp       when the committing attempt wrote the row (an instant, millisecond precision)
 * attempt         string          the sweep's label of the committing attempt (task attempt, host); may be null
 * dataset         string          the data set, as in the spec's data section
 * config          string          the full trial config, human-readable (TrialConfig.toString); not for parsing
 * schema_version  int             1: the version of these three schemas (ResultLayout.SCHEMA_VERSION)
 * error           string          failed trials: the exception chain with its top frames (at most 8000 chars); else null
 * sweep           string          partition column: the sweep's name
 * }</pre>
 *
 * <h2>steps: one row per training step</h2>
 *
 * <pre>{@code
 * column            Spark type      meaning
 * trial_id          string          the trial (join to trials)
 * step              bigint          n = 0, 1, ...: the row describes update u_n, made by the (n+1)-th step
 * loss              double          training loss of the step's batch, before the update
 * lr                double          η_n
 * max_update        double          ‖u_n‖∞ over all parameters
 * level_max_update  array<double>   ‖u_n^(i)‖∞ of each level i = 1..k, level 1 first
 * grad_norm         double          ‖g_n‖₂
 * seconds           double          wall time of the iteration
 * sweep             string          partition column
 * }</pre>
 *
 * <h2>evals: one row per test evaluation</h2>
 *
 * <pre>{@code
 * column     Spark type  meaning
 * trial_id   string      the trial (join to trials)
 * step       bigint      evaluated after step + 1 updates (the step of the last update)
 * test_loss  double      mean held-out loss
 * accuracy   double      top-1 accuracy for the CNN; NaN for language models
 * seconds    double      wall time of the evaluation
 * sweep      string      partition column
 * }</pre>
 *
 * <h2>check_series and check_metrics: continuous-time check trials only</h2>
 *
 * A sweep whose spec has a {@code check:} section (CheckSection) runs the check on each trial's
 * AdamW run and commits these two tables beside its trials row (moved in before it, removed with
 * it). A check trial writes no steps and no evals rows (the checks read no k-Adam statistics,
 * so the training tables have nothing of it); its training loss is the series
 * {@code train_loss} (subject {@code run}, n = 0..N−1). Plain trials have no files here. The
 * report reads both tables through the views of {@code ResultTables.registerViews}, committed
 * trials only (empty views where no check sweep ran).
 *
 * <pre>{@code
 * check_series    Spark type  meaning
 * trial_id        string      the trial (join to trials)
 * check           string      "replay" (Fig. 1), "norm" (Fig. 5), "inner-product" (Fig. 8), "coarse-graining" (Fig. 9)
 * series          string      which curve (below)
 * subject         string      what it follows: a coordinate "h0_attn_q_weight[517]", a head matrix "L0 q head 1", or "loss"
 * iteration       bigint      n: θ_n for n = 0..N; g_n and losses for n = 0..N−1
 * value           double
 * sweep           string      partition column
 *
 * check_metrics   Spark type  meaning
 * trial_id, check             as above
 * metric          string      a headline number's name (below), in a fixed order per check
 * value           double
 * sweep           string      partition column
 * }</pre>
 *
 * Series and metrics per check (io.kadam.model.dynamics.CheckRunner, from the fields of each
 * check's result of the same names):
 * <ul>
 * <li>replay, per coordinate, n = 0..N: {@code discrete} (the float32 run), {@code continuous}
 *     (Euler solution of Eq. 4), {@code discrete64} (float64 replay). Metrics
 *     {@code median_relative_mean_gap}, {@code mean_relative_mean_gap}, {@code mean_relative_max_gap},
 *     {@code worst_relative_max_gap}, {@code float64_floor}, {@code lost_gradients}, {@code solve_seconds}.</li>
 * <li>norm, per q/k head matrix, n = 0..N: {@code true}, {@code eq8}, {@code eq8_discrete},
 *     {@code eq8_corrected}, {@code ode} (squared norms). Metrics {@code worst_relative_error},
 *     {@code median_growth_ratio}, {@code mean_cross_share}, {@code worst_corrected_relative_error},
 *     {@code worst_ode_relative_error}, {@code max_same_time_cosine}, {@code solve_seconds}.</li>
 * <li>inner-product, per head matrix, n = 0..N−1 (iterations with a zero gradient left out), for the
 *     runs {@code qk_norm.} and {@code no_qk_norm.}: {@code cos_final} |cos(W_N, g_n)|,
 *     {@code cos_same} |cos(W_n, g_n)|, {@code inner_final} ⟨W_N, g_n⟩. Metrics, per run prefix:
 *     {@code mean_abs_cos_final}, {@code late_abs_cos_final}, {@code mean_abs_cos_same},
 *     {@code mean_abs_inner_final}, {@code final_loss}.</li>
 * <li>coarse-graining, per coordinate (n = 0..N) and for subject {@code loss} (n = 0..N−1):
 *     {@code true_v}, {@code coarse_v}, {@code perturbed} (NaN without a reference run). Metrics
 *     {@code coarse_relative_mean_gap}, {@code perturbed_relative_mean_gap}, {@code coarse_loss_gap},
 *     {@code perturbed_loss_gap}, {@code coarse_max_one_minus_cos}, {@code final_loss_true_v},
 *     {@code final_loss_coarse_v}.</li>
 * </ul>
 *
 * <h2>Parquet details</h2>
 *
 * Strings are {@code binary (STRING)}; int and bigint are {@code int32}/{@code int64};
 * {@code finished_at} is {@code int64 TIMESTAMP(MILLIS, isAdjustedToUTC=true)}; arrays use the
 * standard 3-level LIST ({@code <name> (LIST) / repeated group list / required double element}).
 * Columns that may be null (reason, region, strategy, coupling, attempt, dataset, config, error)
 * are {@code optional}, the rest {@code required}. NaN is stored as NaN, never as null. Files are
 * Snappy-compressed. On {@code file:} no {@code .crc} side files are written.
 *
 * <h2>analysis</h2>
 *
 * One row per sweep, how the SQL tables read it ({@link io.kadam.jobs.spec.Analysis}; the spec's
 * {@code analysis:} section, defaults from the run length):
 *
 * <pre>
 * column          type            meaning
 * slope_step      bigint          slope_vs_c's n: the slope of log ||u_n||_inf from steps n - 5 and n + 5
 * n1              bigint          best_loss's first horizon in iterations (evaluations at step < n1)
 * n2              bigint          best_loss's second horizon
 * sweep           string          partition column
 * </pre>
 *
 * Written by {@code kadam run} after its spec was accepted for the sweep name (replacing the row
 * when the spec's section changed), and for sweeps without a row by {@code kadam run} and
 * {@code kadam report} from their longest trial's planned steps. The file is written under a
 * temporary name ({@code _}-prefixed, skipped by readers) and renamed over the old one. Readers
 * join it on {@code sweep}; a sweep without a row has no parameters yet (run {@code kadam report}
 * once).
 *
 * <h2>_kadam.json</h2>
 *
 * <pre>{@code
 * {"schema_version": 1, "sweeps": {"fig3": {"fingerprint": "<spec fingerprint>", "created_at": "2025-01-01T12:00:00Z"}}}
 * }</pre>
 *
 * {@link io.kadam.jobs.store.ResultStore#checkCompatible} refuses a directory of another schema
 * version, and a sweep name already recorded with another spec fingerprint: a changed spec gets
 * a new sweep name (or directory), so two specs' trials never share a partition.
 *
 * <h2>Writing</h2>
 *
 * On an executor, per trial: {@link io.kadam.jobs.store.TrialWriter} is the trainer's
 * {@code MetricSink}; {@code commit(outcome, error)} or {@code fail(throwable)} stages the three
 * files under {@code _staging/} and moves them in, trials last; it reports
 * {@link io.kadam.jobs.store.CommitResult#ALREADY_COMMITTED} when another attempt got there first
 * (a retried task, a rerun). A failed trial keeps the steps and evals it made before the error.
 * On the driver, {@link io.kadam.jobs.store.ResultStore} lists committed trials, removes trials
 * for reruns (trials file first) and removes abandoned staging directories. How far
 * exactly-once holds on local, HDFS and S3A file systems is explained in {@code Publisher}.
 */
package io.kadam.jobs.store;
