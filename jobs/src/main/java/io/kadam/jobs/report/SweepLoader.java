package io.kadam.jobs.report;

import io.kadam.jobs.spec.Analysis;
import io.kadam.jobs.sql.ResultTables;
import io.kadam.jobs.sql.ResultTables.Table;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Collects a sweep's report data with Spark SQL over the views {@code trials}, {@code steps} and
 * {@code evals} ({@link ResultTables#registerViews}). Steps and evals are joined to trials, so
 * only committed trials count; max-update trajectories are reduced in SQL to at most
 * {@link #POINTS_PER_TRACE} points per trial (the largest value of each of that many equal
 * step ranges, so that no peak above a bound is lost) before they reach the driver.
 */
final class SweepLoader {

    static final int POINTS_PER_TRACE = 500;

    private SweepLoader() {}

    /** The sweeps with committed trials, by name. */
    static List<String> sweeps(SparkSession spark) {
        List<String> names = new ArrayList<>();
        for (Row row : spark.sql("SELECT DISTINCT sweep FROM trials ORDER BY sweep").collectAsList()) {
            names.add(row.getString(0));
        }
        return names;
    }

    /**
     * @param tables the tables as {@link ResultTables#writeAll} returned them (all sweeps), or null
     *               to compute them here
     */
    static SweepData load(SparkSession spark, String sweep, Map<Table, Dataset<Row>> tables) {
        Analysis params = ResultTables.analyses(spark).get(sweep);
        String where = "sweep = '" + sweep.replace("'", "''") + "'";
        List<TrialInfo> trials = trials(spark, where);
        boolean product = new SweepData(sweep, trials, Map.of(), Map.of(), Map.of(), params).isProductGrid();
        Map<Table, TableData> rows = new EnumMap<>(Table.class);
        for (Table t : Table.values()) {
            Dataset<Row> table = tables != null && tables.containsKey(t) ? tables.get(t) : ResultTables.compute(spark, t);
            rows.put(t, TableData.collect(table.where(where), SweepData.COLUMNS.get(t)));
        }
        CheckData check = checkData(spark, where, trials);
        // a check sweep's steps carry the loss only (no k-Adam statistics)
        Map<String, Trace> maxUpdates = product || check != null ? Map.of() : maxUpdates(spark, where);
        return new SweepData(sweep, trials, maxUpdates, testLoss(spark, where), rows, params, check);
    }

    private static List<TrialInfo> trials(SparkSession spark, String where) {
        List<TrialInfo> out = new ArrayList<>();
        for (Row r : spark.sql("SELECT trial_id, idx, status, reason, beta, gamma, c, region, arc_s, k, strategy, lr, "
                + "weight_decay, coupling, seed, steps_done FROM trials WHERE " + where + " ORDER BY idx, trial_id").collectAsList()) {
            out.add(new TrialInfo(r.getString(0), r.getInt(1), r.getString(2), r.getString(3), r.getDouble(4), r.getDouble(5),
                    r.getDouble(6), r.getString(7), r.getDouble(8), r.getInt(9), r.getString(10), r.getDouble(11),
                    r.getDouble(12), r.getString(13), r.getLong(14), r.getLong(15)));
        }
        return out;
    }

    /** ‖u_n‖∞ of the Adam trials: per trial and each of POINTS_PER_TRACE step ranges, the largest value. */
    private static Map<String, Trace> maxUpdates(SparkSession spark, String where) {
        String sql = """
                WITH s AS (
                    SELECT s.trial_id, s.step, s.max_update, MAX(s.step) OVER (PARTITION BY s.trial_id) AS last
                    FROM steps s
                    JOIN trials t ON s.sweep = t.sweep AND s.trial_id = t.trial_id
                    WHERE s.%1$s AND t.k = 1
                      AND NOT isnan(s.max_update) AND s.max_update > 0 AND s.max_update < CAST('Infinity' AS DOUBLE)
                )
                SELECT trial_id, max_by(step, max_update) AS step, MAX(max_update) AS max_update
                FROM s
                GROUP BY trial_id, CAST(FLOOR(step * %2$d / (last + 1)) AS INT)
                ORDER BY trial_id, step
                """.formatted(where, POINTS_PER_TRACE);
        return traces(spark.sql(sql).collectAsList());
    }

    private static Map<String, Trace> testLoss(SparkSession spark, String where) {
        String sql = """
                SELECT e.trial_id, e.step, e.test_loss
                FROM evals e
                JOIN trials t ON e.sweep = t.sweep AND e.trial_id = t.trial_id
                WHERE e.%s AND NOT isnan(e.test_loss) AND abs(e.test_loss) < CAST('Infinity' AS DOUBLE)
                ORDER BY e.trial_id, e.step
                """.formatted(where);
        return traces(spark.sql(sql).collectAsList());
    }

    /**
     * A check sweep's numbers (every trial) and curves (the first {@link CheckData#PLOTTED_TRIALS}
     * trials, every curve downsampled to at most {@link #POINTS_PER_TRACE} iterations in SQL), or
     * null when the sweep ran no check.
     */
    private static CheckData checkData(SparkSession spark, String where, List<TrialInfo> trials) {
        List<Row> metricRows = spark.sql("SELECT trial_id, check, metric, value FROM check_metrics WHERE " + where).collectAsList();
        if (metricRows.isEmpty()) {
            return null;
        }
        String kind = metricRows.get(0).getString(1);
        Map<String, Map<String, Double>> metrics = new LinkedHashMap<>();
        for (Row r : metricRows) {
            metrics.computeIfAbsent(r.getString(0), id -> new LinkedHashMap<>()).put(r.getString(2), r.getDouble(3));
        }
        List<String> plotted = trials.stream().map(TrialInfo::trialId).filter(metrics::containsKey)
                .limit(CheckData.PLOTTED_TRIALS).toList();
        String ids = plotted.stream().map(id -> "'" + id.replace("'", "''") + "'").collect(Collectors.joining(", "));
        String sql = """
                WITH s AS (
                    SELECT trial_id, series, subject, iteration, value,
                           MAX(iteration) OVER (PARTITION BY trial_id) AS last
                    FROM check_series
                    WHERE %1$s AND trial_id IN (%2$s)
                )
                SELECT trial_id, series, subject, iteration, value
                FROM s
                WHERE iteration %% CAST(CEIL((last + 1) / %3$d.0) AS BIGINT) = 0 OR iteration = last
                ORDER BY trial_id, series, subject, iteration
                """.formatted(where, ids, POINTS_PER_TRACE);
        Map<String, List<double[]>> points = new LinkedHashMap<>();
        for (Row r : spark.sql(sql).collectAsList()) {
            String key = r.getString(0) + "\n" + r.getString(1) + "\n" + r.getString(2);
            points.computeIfAbsent(key, k -> new ArrayList<>()).add(new double[]{r.getLong(3), r.getDouble(4)});
        }
        Map<String, Map<String, Map<String, Trace>>> curves = new HashMap<>();
        points.forEach((key, list) -> {
            String[] parts = key.split("\n", 3);
            curves.computeIfAbsent(parts[0], id -> new HashMap<>()).computeIfAbsent(parts[1], series -> new HashMap<>())
                    .put(parts[2], trace(list));
        });
        return new CheckData(kind, curves, metrics);
    }

    private static Trace trace(List<double[]> list) {
        double[] x = new double[list.size()];
        double[] y = new double[list.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = list.get(i)[0];
            y[i] = list.get(i)[1];
        }
        return new Trace(x, y);
    }

    /** Rows (trial_id, step, value) ordered by trial and step, as one trace per trial. */
    private static Map<String, Trace> traces(List<Row> rows) {
        Map<String, List<double[]>> points = new HashMap<>();
        for (Row r : rows) {
            points.computeIfAbsent(r.getString(0), id -> new ArrayList<>()).add(new double[]{r.getLong(1), r.getDouble(2)});
        }
        Map<String, Trace> out = new HashMap<>();
        points.forEach((id, list) -> out.put(id, trace(list)));
        return out;
    }
}
