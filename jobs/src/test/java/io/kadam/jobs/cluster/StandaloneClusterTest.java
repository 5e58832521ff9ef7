package io.kadam.jobs.cluster;

import io.kadam.jobs.sql.ResultTables;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Exactly-once results on a real multi-JVM Spark standalone cluster (a Master, two Workers, the
 * driver through SparkSubmit): an executor killed with SIGKILL mid-sweep, a driver killed and the
 * same command run again, and two concurrent runs of one spec on one output directory. Bounded in
 * time; every process is stopped by pid at the end, also when a test fails.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 15, unit = TimeUnit.MINUTES)
class StandaloneClusterTest {

    private static final int TRIALS = 4;
    private static final int STEPS = 800;
    private static final String SPEC = """
            name: cluster
            model: {kind: gpt, layers: 1, heads: 2, dim: 32, context: 32}
            data: {dataset: generated, tokenizer: byte}
            training:
              steps: %d
              batch_size: 8
              eval_interval: 400
              eval_batches: 4
              checkpoint_every: 200
              schedule: {kind: constant, lr: 1.0e-3}
            grid:
              kind: normal-curve
              through: [0.999, 0.9]
              points: %d
              beta_range: [0.9530, 0.9640]
            """.formatted(STEPS, TRIALS);

    @TempDir
    static Path dir;
    private static LocalStandaloneCluster cluster;
    private static Path spec;

    @BeforeAll
    static void startCluster() throws Exception {
        String classpath = Path.of("target", "classes").toAbsolutePath() + ":" + Files.readString(Path.of("target", "cluster-classpath.txt")).trim();
        List<String> opens = Arrays.asList(System.getProperty("kadam.jvm.opens", "").trim().split("\\s+"));
        spec = dir.resolve("cluster.yaml");
        Files.writeString(spec, SPEC);
        cluster = new LocalStandaloneCluster(dir.resolve("cluster"), classpath, opens.get(0).isEmpty() ? List.of() : opens, 2);
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
        SparkSession.getActiveSession().foreach(s -> {
            s.stop();
            return null;
        });
    }

    @Test
    @Order(1)
    void executorKilledMidSweep() throws Exception {
        Path out = dir.resolve("executor-loss");
        Process driver = cluster.submit("executor-loss", spec, out);
        LocalStandaloneCluster.waitFor(Duration.ofMinutes(4), () -> cluster.log("executor-loss").contains("[1/" + TRIALS + "]"),
                "a first trial to commit", driver);
        List<ProcessHandle> executors = cluster.executors();
        assertFalse(executors.isEmpty(), "executors running");
        executors.get(0).destroyForcibly(); // SIGKILL: the task on it is lost mid-trial
        System.out.println("cluster test: killed executor pid " + executors.get(0).pid() + " of " + executors.size());
        assertTrue(driver.waitFor(6, TimeUnit.MINUTES), "the sweep finishes");
        assertEquals(0, driver.exitValue(), cluster.log("executor-loss"));
        assertExactlyOnce(out);
    }

    @Test
    @Order(2)
    void driverKilledAndRerunEqualsUninterrupted() throws Exception {
        Path out = dir.resolve("driver-loss");
        Process driver = cluster.submit("driver-loss-1", spec, out);
        LocalStandaloneCluster.waitFor(Duration.ofMinutes(4), () -> cluster.log("driver-loss-1").contains("[2/" + TRIALS + "]"),
                "two trials to commit", driver);
        driver.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
        driver.destroyForcibly();
        driver.waitFor(30, TimeUnit.SECONDS);
        Process rerun = cluster.submit("driver-loss-2", spec, out);
        assertTrue(rerun.waitFor(6, TimeUnit.MINUTES), "the rerun finishes");
        assertEquals(0, rerun.exitValue(), cluster.log("driver-loss-2"));
        String log = cluster.log("driver-loss-2");
        int already = Integer.parseInt(log.replaceAll("(?s).*trials, (\\d+) already committed.*", "$1"));
        assertTrue(already >= 2 && already < TRIALS, "the rerun ran only the unfinished trials: " + already + " already committed");
        assertExactlyOnce(out);
        // the final tables equal the uninterrupted run's (the executor-loss run, also complete), bit for bit on CPU
        for (ResultTables.Table table : List.of(ResultTables.Table.SLOPE_VS_C, ResultTables.Table.BOUND_VIOLATIONS, ResultTables.Table.BEST_LOSS)) {
            assertEquals(rows(dir.resolve("executor-loss"), table), rows(out, table), table + " differs from the uninterrupted run");
        }
    }

    @Test
    @Order(3)
    void concurrentRerunsOfOneSpec() throws Exception {
        Path out = dir.resolve("concurrent");
        Process a = cluster.submit("concurrent-a", spec, out);
        Process b = cluster.submit("concurrent-b", spec, out);
        assertTrue(a.waitFor(8, TimeUnit.MINUTES) && b.waitFor(8, TimeUnit.MINUTES), "both runs finish");
        assertEquals(0, a.exitValue(), cluster.log("concurrent-a"));
        assertEquals(0, b.exitValue(), cluster.log("concurrent-b"));
        assertExactlyOnce(out);
    }

    /** Every trial once in trials, finished (none lost or failed), each of its steps once in steps. */
    private static void assertExactlyOnce(Path out) {
        SparkSession spark = session();
        ResultTables.registerViews(spark, out.toString());
        Row counts = spark.sql("SELECT COUNT(*), COUNT(DISTINCT trial_id), SUM(CASE WHEN status IN ('completed', 'diverged') THEN 1 ELSE 0 END), "
                + "SUM(steps_done) FROM trials").first();
        assertEquals(TRIALS, counts.getLong(0), "rows in trials");
        assertEquals(TRIALS, counts.getLong(1), "distinct trials");
        assertEquals(TRIALS, counts.getLong(2), "finished trials (completed or diverged)");
        Row steps = spark.sql("SELECT COUNT(*), COUNT(DISTINCT trial_id, step) FROM steps s LEFT SEMI JOIN trials t "
                + "ON s.sweep = t.sweep AND s.trial_id = t.trial_id").first();
        assertEquals(counts.getLong(3), steps.getLong(0), "step rows = steps done: no duplicates from a lost attempt, none missing");
        assertEquals(steps.getLong(0), steps.getLong(1), "each (trial, step) once");
        System.out.println("cluster test " + out.getFileName() + ": " + counts.getLong(0) + " trials, " + steps.getLong(0)
                + " steps, duplicates 0; attempts: " + spark.sql("SELECT attempt FROM trials").collectAsList());
    }

    private static List<String> rows(Path out, ResultTables.Table table) {
        SparkSession spark = session();
        ResultTables.registerViews(spark, out.toString());
        List<String> rows = new ArrayList<>();
        for (Row r : ResultTables.compute(spark, table).collectAsList()) {
            rows.add(r.toString());
        }
        return rows;
    }

    private static SparkSession session() {
        return SparkSession.builder().master("local[1]").appName("cluster test reader").config("spark.ui.enabled", "false").getOrCreate();
    }
}
