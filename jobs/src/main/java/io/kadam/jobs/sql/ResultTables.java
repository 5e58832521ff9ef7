package io.kadam.jobs.sql;

import io.kadam.jobs.spec.Analysis;
import io.kadam.jobs.store.ResultStore;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.functions;

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
 * {@code sql/*.sql} resources (also in the notebooks' reach); the views {@code trials},
 * {@code steps} and {@code evals} are the Parquet tables of the layout ({@code check_series} and
 * {@code check_metrics} too, empty without check sweeps), and {@code analysis} holds each sweep's
 * table parameters ({@link Analysis}): a table reads every sweep with that sweep's own parameters,
 * so the same results give the same tables whichever command built them.
 */
public final class ResultTables {

    /** The tables, in the order they are printed. */
    public enum Table {
        SLOPE_VS_C, BOUND_VIOLATIONS, BEST_LOSS, BEST_ACCURACY, BEST_LOSS_BY_K;

        public String fileName() {
            return name().toLowerCase(Locale.ROOT);
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
        registerAnalysis(spark, out, trials);
        // only check sweeps write these: an output directory without one gets empty views
        for (Map.Entry<String, MessageType> check : Map.of(ResultLayout.CHECK_SERIES, ResultSchema.CHECK_SERIES,
                ResultLayout.CHECK_METRICS, ResultSchema.CHECK_METRICS).entrySet()) {
            Dataset<Row> rows = exists(spark, out + "/" + check.getKey())
                    ? spark.read().parquet(out + "/" + check.getKey()).join(committed, key, "left_semi")
                    : spark.createDataFrame(java.util.List.of(), asRead(check.getValue()));
            rows.createOrReplaceTempView(check.getKey());
        }
    }

    private static final StructType ANALYSIS = new StructType().add("sweep", DataTypes.StringType)
            .add("slope_step", DataTypes.LongType).add("n1", DataTypes.LongType).add("n2", DataTypes.LongType);

    /**
     * The {@code analysis} view: every sweep's recorded parameters; a sweep without a record (run
     * by an older kadam, or its run stopped before recording) gets {@link Analysis#forSteps} of its
     * longest trial, which {@link #recordDerivedAnalysis} writes down. Columns sweep, slope_step,
     * n1, n2, as the Parquet table.
     */
    private static void registerAnalysis(SparkSession spark, String out, Dataset<Row> trials) {
        Map<String, Analysis> bySweep = new java.util.TreeMap<>();
        for (Row r : trials.groupBy("sweep").agg(functions.max("steps_planned")).collectAsList()) {
            bySweep.put(r.getString(0), Analysis.forSteps(r.getLong(1)));
        }
        if (exists(spark, out + "/" + ResultLayout.ANALYSIS)) {
            for (Row r : spark.read().parquet(out + "/" + ResultLayout.ANALYSIS)
                    .select("sweep", "slope_step", "n1", "n2").collectAsList()) {
                bySweep.put(r.getString(0), analysis(r));
            }
        }
        java.util.List<Row> rows = new java.util.ArrayList<>();
        bySweep.forEach((sweep, a) -> rows.add(RowFactory.create(sweep, a.slopeStep(), a.n1(), a.n2())));
        spark.createDataFrame(rows, ANALYSIS).createOrReplaceTempView(ResultLayout.ANALYSIS);
    }

    /** Each sweep's table parameters, from the registered {@code analysis} view. */
    public static Map<String, Analysis> analyses(SparkSession spark) {
        Map<String, Analysis> out = new java.util.TreeMap<>();
        for (Row r : spark.table(ResultLayout.ANALYSIS).collectAsList()) {
            out.put(r.getString(0), analysis(r));
        }
        return out;
    }

    /** A row (sweep, slope_step, n1, n2) as parameters. */
    private static Analysis analysis(Row r) {
        return new Analysis(r.getLong(1), r.getLong(2), r.getLong(3));
    }

    /**
     * Records the parameters of every sweep in {@code out} that has none yet, as the registered
     * {@code analysis} view derived them ({@link #registerViews} first), so that notebooks reading
     * the {@code analysis} table find every sweep.
     */
    public static void recordDerivedAnalysis(SparkSession spark, String out) {
        try {
            ResultStore store = new ResultStore(new ResultLayout(out), spark.sparkContext().hadoopConfiguration());
            for (Map.Entry<String, Analysis> sweep : analyses(spark).entrySet()) {
                if (store.analysis(sweep.getKey()).isEmpty()) {
                    store.recordAnalysis(sweep.getKey(), sweep.getValue());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record analysis parameters in " + out + ": " + e.getMessage(), e);
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

    /** The SQL text of a table. */
    public static String sql(Table table) {
        return resource("sql/" + table.fileName() + ".sql");
    }

    public static Dataset<Row> compute(SparkSession spark, Table table) {
        return spark.sql(sql(table));
    }

    /**
     * Computes every table over {@code out} (views must be registered), writes each as Parquet to
     * {@code out/tables/<name>} (replacing the previous version) and returns them.
     */
    public static Map<Table, Dataset<Row>> writeAll(SparkSession spark, String out) {
        Map<Table, Dataset<Row>> tables = new LinkedHashMap<>();
        for (Table table : Table.values()) {
            Dataset<Row> rows = compute(spark, table).cache();
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
