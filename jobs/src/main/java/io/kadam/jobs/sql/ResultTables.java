package io.kadam.jobs.sql;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.parquet.schema.MessageType;
import io.kadam.jobs.store.ResultLayout;
import io.kadam.jobs.store.ResultSchema;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The paper's tables, computed with Spark SQL from a results directory. The SQL lives in
 * {@code sql/*.sql} resources (also in the notebooks' reach) with {@code ${name}} parameters; the
 * views {@code trials}, {@code steps} and {@code evals} are the Parquet tables of the layout
 * ({@code check_series} and {@code check_metrics} too, empty without check sweeps).
 */
public final class ResultTables {

    /** The tables, in the order they are printed. */
    public enum Table {
        SLOPE_VS_C, BOUND_VIOLATIONS, BEST_LOSS, BEST_ACCURACY, BEST_LOSS_BY_K;

        public String fileName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * Table parameters.
     *
     * @param n  the step at which slope_vs_c measures the slope (from n ± 5)
     * @param n1 best_loss: the first horizon in iterations (paper: 1000)
     * @param n2 best_loss: the second horizon (paper: 3000)
     */
    public record Params(long n, long n1, long n2) {

        public Params {
            if (n < 5 || n1 < 1 || n2 < 1) {
                throw new IllegalArgumentException("slope step n must be >= 5 and horizons >= 1, got n=" + n + ", n1=" + n1 + ", n2=" + n2);
            }
        }

        /** The paper's settings, clipped for shorter runs: n = min(1000, 2/3 of the steps). */
        public static Params forSteps(long steps) {
            return new Params(Math.max(5, Math.min(1000, 2 * steps / 3)), Math.min(1000, steps), Math.min(3000, steps));
        }

        Map<String, String> values() {
            return Map.of("n", Long.toString(n), "n1", Long.toString(n1), "n2", Long.toString(n2));
        }
    }

    private ResultTables() {}

    /**
     * Registers {@code trials}, {@code steps}, {@code evals} over {@code out}'s Parquet tables,
     * steps and evals of committed trials only (a file without its trials row is what an attempt
     * that died mid-commit leaves behind).
     */
    public static void registerViews(SparkSession spark, String out) {
        Dataset<Row> trials = spark.read().parquet(out + "/trials");
        trials.createOrReplaceTempView("trials");
        Dataset<Row> committed = trials.select("sweep", "trial_id");
        var key = scala.collection.JavaConverters.asScalaBuffer(java.util.List.of("sweep", "trial_id")).toSeq();
        for (String table : new String[]{"steps", "evals"}) {
            spark.read().parquet(out + "/" + table).join(committed, key, "left_semi").createOrReplaceTempView(table);
        }
        // only check sweeps write these: an output directory without one gets empty views
        for (Map.Entry<String, MessageType> check : Map.of(ResultLayout.CHECK_SERIES, ResultSchema.CHECK_SERIES,
                ResultLayout.CHECK_METRICS, ResultSchema.CHECK_METRICS).entrySet()) {
            Dataset<Row> rows = exists(spark, out + "/" + check.getKey())
                    ? spark.read().parquet(out + "/" + check.getKey()).join(committed, key, "left_semi")
                    : spark.createDataFrame(java.util.List.of(), asRead(check.getValue()));
            rows.createOrReplaceTempView(check.getKey());
        }
    }

    /** A flat table schema as Spark reads its files: the columns, then the partition column sweep. */
    private static StructType asRead(MessageType schema) {
        StructType columns = new StructType();
        for (org.apache.parquet.schema.Type field : schema.getFields()) {
            columns = columns.add(field.getName(), switch (field.asPrimitiveType().getPrimitiveTypeName()) {
                case BINARY -> DataTypes.StringType;
                case INT32 -> DataTypes.IntegerType;
                case INT64 -> DataTypes.LongType;
                case DOUBLE -> DataTypes.DoubleType;
                default -> throw new IllegalArgumentException("no Spark type for column " + field);
            });
        }
        return columns.add("sweep", DataTypes.StringType);
    }

    private static boolean exists(SparkSession spark, String dir) {
        try {
            org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(dir);
            return path.getFileSystem(spark.sparkContext().hadoopConfiguration()).exists(path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + dir + ": " + e.getMessage(), e);
        }
    }

    /** The SQL text of a table with its parameters filled in. */
    public static String sql(Table table, Params params) {
        String text = resource("sql/" + table.fileName() + ".sql");
        for (Map.Entry<String, String> p : params.values().entrySet()) {
            text = text.replace("${" + p.getKey() + "}", p.getValue());
        }
        return text;
    }

    public static Dataset<Row> compute(SparkSession spark, Table table, Params params) {
        return spark.sql(sql(table, params));
    }

    /**
     * Computes every table over {@code out} (views must be registered), writes each as Parquet to
     * {@code out/tables/<name>} (replacing the previous version) and returns them.
     */
    public static Map<Table, Dataset<Row>> writeAll(SparkSession spark, String out, Params params) {
        Map<Table, Dataset<Row>> tables = new LinkedHashMap<>();
        for (Table table : Table.values()) {
            Dataset<Row> rows = compute(spark, table, params).cache();
            rows.write().mode("overwrite").parquet(out + "/tables/" + table.fileName());
            tables.put(table, rows);
        }
        return tables;
    }

    private static String resource(String path) {
        try (InputStream in = ResultTables.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
