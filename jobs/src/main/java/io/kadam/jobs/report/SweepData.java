package io.kadam.jobs.report;

import io.kadam.jobs.spec.Analysis;
import io.kadam.jobs.spec.SweepExpander;
import io.kadam.jobs.sql.ResultTables;
import io.kadam.jobs.sql.ResultTables.Table;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;

/**
 * Everything the report of one sweep shows, collected to the driver: its trials (in sweep order),
 * each Adam trial's max-update trajectory (downsampled), each trial's test loss over iterations,
 * and the rows of the result tables for this sweep.
 *
 * @param maxUpdates trial id to ‖u_n‖∞ against n (finite positive values only); Adam trials of
 *                   curve and point sweeps
 * @param testLoss   trial id to the test loss against n (the step after whose update it was taken)
 * @param tables     the rows of each result table for this sweep (empty tables included)
 * @param params     the sweep's table parameters (its analysis section)
 * @param check      a check sweep's curves and numbers; null for a training sweep
 */
public record SweepData(String name, List<TrialInfo> trials, Map<String, Trace> maxUpdates, Map<String, Trace> testLoss,
                        Map<Table, TableData> tables, Analysis params, CheckData check) {

    /** The columns collected of each table: what the figures read and the HTML page prints. */
    public static final Map<Table, List<String>> COLUMNS = new EnumMap<>(Map.of(
            Table.SLOPE_VS_C, List.of("idx", "beta", "gamma", "c", "region", "arc_s", "predicted_slope", "discrete_rate",
                    "measured_slope", "relative_error", "status", "steps_done"),
            Table.BOUND_VIOLATIONS, List.of("idx", "beta", "gamma", "c", "region", "status", "steps_checked", "violations",
                    "max_ratio"),
            Table.BEST_LOSS, List.of("idx", "beta", "gamma", "c", "region", "arc_s", "best_loss_n1", "best_loss_n2", "status"),
            Table.BEST_ACCURACY, List.of("k", "strategy", "coupling", "best_accuracy", "best_lr", "best_weight_decay", "seeds"),
            Table.BEST_LOSS_BY_K, List.of("k", "strategy", "coupling", "best_test_loss", "best_lr", "best_weight_decay", "seeds")));

    public SweepData {
        trials = List.copyOf(trials);
        maxUpdates = Map.copyOf(maxUpdates);
        testLoss = Map.copyOf(testLoss);
        EnumMap<Table, TableData> all = new EnumMap<>(Table.class);
        for (Table t : Table.values()) {
            all.put(t, tables.getOrDefault(t, TableData.empty(COLUMNS.get(t))));
        }
        tables = all;
    }

    /** A training sweep (no check). */
    public SweepData(String name, List<TrialInfo> trials, Map<String, Trace> maxUpdates, Map<String, Trace> testLoss,
                     Map<Table, TableData> tables, Analysis params) {
        this(name, trials, maxUpdates, testLoss, tables, params, null);
    }

    /** A sweep whose trials ran a continuous-time check instead of plain training. */
    public boolean isCheckSweep() {
        return check != null;
    }

    public TableData table(Table table) {
        return tables.get(table);
    }

    /**
     * Whether the sweep is a product grid (k-Adam strategies, or lr, weight decay or coupling
     * swept) rather than Adam at points of the (β, γ) plane (curve, b0 and point grids).
     */
    public boolean isProductGrid() {
        return trials.stream().anyMatch(t -> !t.isAdam() || !SweepExpander.ADAM.equals(t.strategy()))
                || distinct(TrialInfo::lr) > 1 || distinct(TrialInfo::weightDecay) > 1
                || trials.stream().map(TrialInfo::coupling).distinct().count() > 1;
    }

    /** A sweep along B0: every trial's C is 0 (within the expander's tolerance). */
    public boolean isB0Sweep() {
        return !trials.isEmpty() && trials.stream().allMatch(t -> "B0".equals(t.region()));
    }

    /** Trials counted by status, in the order completed, diverged, exceeded_bound, failed, then others. */
    public Map<String, Long> statusCounts() {
        Map<String, Long> counts = new TreeMap<>();
        for (TrialInfo t : trials) {
            counts.merge(t.status(), 1L, Long::sum);
        }
        Map<String, Long> ordered = new LinkedHashMap<>();
        for (String s : List.of("completed", "diverged", "exceeded_bound", "failed")) {
            if (counts.containsKey(s)) {
                ordered.put(s, counts.remove(s));
            }
        }
        ordered.putAll(counts);
        return ordered;
    }

    private long distinct(ToDoubleFunction<TrialInfo> f) {
        return trials.stream().mapToDouble(f).distinct().count();
    }
}
