package io.kadam.jobs.store;

import io.kadam.model.train.TrialStatus;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.FileUtil;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import static io.kadam.jobs.store.StoreFixtures.*;
import static org.junit.jupiter.api.Assertions.*;

/** What Spark SQL sees of the tables: the documented types, the partition column, exact values. */
class SparkReadTest {

    private static SparkSession spark;

    @TempDir
    java.nio.file.Path dir;

    private final Configuration conf = new Configuration();

    @BeforeAll
    static void start() {
        spark = SparkSession.builder().master("local[1]").appName("store-test")
                .config("spark.ui.enabled", "false")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.sql.shuffle.partitions", "1")
                .getOrCreate();
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    private Dataset<Row> read(ResultLayout layout, String table) {
        return spark.read().parquet(new Path(layout.root(), table).toString());
    }

    private static String columns(Dataset<Row> table) {
        return Arrays.stream(table.schema().fields()).map(f -> f.name() + " " + f.dataType().simpleString())
                .collect(Collectors.joining(", "));
    }

    @Test
    void sparkReadsTheDocumentedSchemaAndExactValues() throws IOException {
        ResultLayout layout = new ResultLayout(dir.resolve("out").toUri().toString());
        long before = System.currentTimeMillis();
        filled(layout, conf, spec("fig3", "t0001", 0), "a", STEPS).commit(outcome(TrialStatus.COMPLETED, STEPS), null);
        filled(layout, conf, spec("fig4", "t0002", 1), "a", 20).commit(outcome(TrialStatus.DIVERGED, 20), null);

        Dataset<Row> trials = read(layout, "trials");
        assertEquals("trial_id string, idx int, status string, reason string, beta double, gamma double, c double,"
                + " region string, arc_s double, k int, strategy string, lr double, weight_decay double,"
                + " coupling string, seed bigint, level_betas array<double>, level_gammas array<double>,"
                + " steps_planned bigint, steps_done bigint, final_loss double, best_test_loss double,"
                + " best_accuracy double, seconds double, finished_at timestamp, attempt string, dataset string,"
                + " config string, schema_version int, error string, sweep string", columns(trials));
        Dataset<Row> steps = read(layout, "steps");
        assertEquals("trial_id string, step bigint, loss double, lr double, max_update double,"
                + " level_max_update array<double>, grad_norm double, seconds double, sweep string", columns(steps));
        Dataset<Row> evals = read(layout, "evals");
        assertEquals("trial_id string, step bigint, test_loss double, accuracy double, seconds double, sweep string",
                columns(evals));

        Row t = trials.where("sweep = 'fig4'").first();
        assertEquals("t0002", t.getAs("trial_id"));
        assertEquals("diverged", t.getAs("status"));
        assertEquals("loss is NaN", t.getAs("reason"));
        assertEquals(List.of(0.999, 0.99), t.getList(t.fieldIndex("level_betas")));
        assertEquals(List.of(0.9, 0.0), t.getList(t.fieldIndex("level_gammas")));
        assertTrue(Double.isNaN(t.<Double>getAs("arc_s")));
        assertNull(t.getAs("error"));
        long finished = t.<Timestamp>getAs("finished_at").getTime();
        assertTrue(finished >= before && finished <= System.currentTimeMillis(), "finished_at " + finished);

        List<Row> fig3 = steps.where("sweep = 'fig3'").orderBy("step").collectAsList();
        assertEquals(STEPS, fig3.size());
        for (Row r : fig3) {
            var expected = step(r.<Long>getAs("step"));
            assertEquals(expected.loss(), r.<Double>getAs("loss"));
            assertEquals(expected.maxUpdate(), r.<Double>getAs("max_update"));
            assertEquals(Arrays.stream(expected.levelMaxUpdates()).boxed().toList(), r.getList(r.fieldIndex("level_max_update")));
            assertEquals(expected.seconds(), r.<Double>getAs("seconds"));
        }
        assertEquals(20, steps.where("sweep = 'fig4'").count());
        Row e = evals.where("sweep = 'fig3' and step = 149").first();
        assertEquals(eval(149).testLoss(), e.<Double>getAs("test_loss"));
        assertEquals(eval(149).accuracy(), e.<Double>getAs("accuracy"));
    }

    @Test
    void anAbandonedStagingDirectoryIsInvisibleAndCleanedUp() throws IOException {
        ResultLayout layout = new ResultLayout(dir.resolve("out").toUri().toString());
        filled(layout, conf, spec("fig3", "t0001", 0), "a", 100).commit(outcome(TrialStatus.COMPLETED, 100), null);
        // a crash after staging, before any move: a full copy of another trial's files in _staging
        FileSystem fs = layout.fileSystem(conf);
        Path staging = layout.newStagingDir("t0009");
        for (String table : List.of("trials", "steps", "evals")) {
            FileUtil.copy(fs, layout.file(table, "fig3", "t0001"), fs, new Path(staging, table + ".parquet"), false, conf);
        }

        assertEquals(1, read(layout, "trials").count());
        assertEquals(100, read(layout, "steps").count());
        assertEquals(2, read(layout, "evals").count());
        assertEquals(List.of("t0001"), read(layout, "evals").select("trial_id").distinct().collectAsList().stream()
                .map(r -> r.getString(0)).toList());

        long old = System.currentTimeMillis() - Duration.ofDays(1).toMillis();
        for (var f : fs.listStatus(staging)) {
            fs.setTimes(f.getPath(), old, -1);
        }
        fs.setTimes(staging, old, -1);
        assertEquals(1, new ResultStore(layout, conf).cleanStaging(Duration.ofHours(1)));
        assertFalse(fs.exists(staging));
        assertEquals(1, read(layout, "trials").count());
    }
}
