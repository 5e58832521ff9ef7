package io.kadam.jobs.cli;

import io.kadam.jobs.sql.ResultTables;
import io.kadam.jobs.sql.TablePrinter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;

/** Prints the tables a sweep produced (the ones with rows for it). */
final class Reports {
    private Reports() {}

    static void print(Map<ResultTables.Table, Dataset<Row>> tables, String sweep, PrintStream out) {
        String only = sweep == null ? "true" : "sweep = '" + sweep.replace("'", "''") + "'";
        SparkSession spark = tables.get(ResultTables.Table.SLOPE_VS_C).sparkSession();
        // check sweeps have their own numbers; the paper's training tables have nothing of them
        section(out, spark.sql("SELECT m.sweep, t.idx, t.lr, m.check, m.metric, m.value FROM check_metrics m"
                        + " JOIN trials t ON m.sweep = t.sweep AND m.trial_id = t.trial_id").where(only).orderBy("sweep", "idx", "metric"),
                "check_metrics: the continuous-time checks' numbers per trial",
                List.of("sweep", "idx", "lr", "check", "metric", "value"));
        for (Row r : spark.sql("SELECT DISTINCT sweep FROM check_metrics").collectAsList()) {
            only += " AND sweep <> '" + r.getString(0).replace("'", "''") + "'";
        }
        section(out, tables.get(ResultTables.Table.SLOPE_VS_C).where(only),
                "slope_vs_c: slope of log max-update at the sweep's slope step n (from n +- 5) vs |C|/2",
                List.of("sweep", "beta", "gamma", "c", "region", "slope_step", "predicted_slope", "discrete_rate", "measured_slope",
                        "relative_error", "status", "steps_done"));
        section(out, tables.get(ResultTables.Table.BOUND_VIOLATIONS).where(only),
                "bound_violations: steps above the Eq. 5 bound",
                List.of("sweep", "beta", "gamma", "c", "region", "steps_checked", "violations", "max_ratio"));
        section(out, tables.get(ResultTables.Table.BEST_LOSS).where(only + " AND best_loss_n2 IS NOT NULL"),
                "best_loss: best test loss within the first n1 and n2 iterations (the sweep's horizons)",
                List.of("sweep", "beta", "gamma", "c", "region", "n1", "best_loss_n1", "n2", "best_loss_n2", "status"));
        section(out, tables.get(ResultTables.Table.BEST_ACCURACY).where(only),
                "best_accuracy: best over lr x weight decay per k x strategy x coupling",
                List.of("sweep", "k", "strategy", "coupling", "best_accuracy", "best_lr", "best_weight_decay", "seeds"));
        section(out, tables.get(ResultTables.Table.BEST_LOSS_BY_K).where(only + " AND strategy <> 'adam'"),
                "best_loss_by_k: best test loss over lr x weight decay per k x strategy x coupling",
                List.of("sweep", "k", "strategy", "coupling", "best_test_loss", "best_lr", "best_weight_decay", "seeds"));
    }

    private static void section(PrintStream out, Dataset<Row> table, String title, List<String> columns) {
        if (table.isEmpty()) {
            return;
        }
        out.println();
        out.println(title);
        out.print(TablePrinter.format(table, columns, 200));
    }
}
