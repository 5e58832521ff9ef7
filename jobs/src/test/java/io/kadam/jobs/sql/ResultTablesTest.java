package io.kadam.jobs.sql;

import io.kadam.jobs.spec.DataSpec;
import io.kadam.jobs.spec.TrialPoint;
import io.kadam.jobs.spec.TrialSpec;
import io.kadam.jobs.spec.Analysis;
import io.kadam.jobs.store.ResultLayout;
import io.kadam.jobs.store.ResultStore;
import io.kadam.jobs.store.TrialWriter;
import io.kadam.model.nn.GptConfig;
import io.kadam.model.train.EvalMetrics;
import io.kadam.model.train.ScheduleSpec;
import io.kadam.model.train.StepMetrics;
import io.kadam.model.train.TrialConfig;
import io.kadam.model.train.TrialOutcome;
import io.kadam.model.train.TrialStatus;
import io.kadam.optimizer.KAdamConfig;
import io.kadam.optimizer.LevelStrategy;
import io.kadam.optimizer.theory.AdamPoint;
import io.kadam.optimizer.theory.Stability;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The SQL tables on small fixtures whose answers are computed by hand in the test. */
class ResultTablesTest {

    @TempDir
    static Path out;
    private static SparkSession spark;

    @BeforeAll
    static void writeFixtures() throws Exception {
        spark = SparkSession.builder().master("local[1]").config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "1").getOrCreate();
        ResultLayout layout = new ResultLayout(out.toString());
        Configuration conf = new Configuration();

        // A: B- (0.955, 0.99), max-update exp(0.02 n): the slope is 0.02 at every n
        TrialWriter a = writer(layout, conf, "a", 0, 0.955, 0.99, 1, "adam", 1e-3, 0);
        for (int n = 0; n < 30; n++) {
            a.step(new StepMetrics(n, 3.0, 1e-3, Math.exp(0.02 * n), new double[]{Math.exp(0.02 * n)}, 1, 0.01));
        }
        a.eval(new EvalMetrics(9, 3.0, Double.NaN, 0.1));
        a.eval(new EvalMetrics(19, 2.0, Double.NaN, 0.1));
        a.eval(new EvalMetrics(29, 2.5, Double.NaN, 0.1));
        a.commit(outcome(30), null);

        // B: B+ (0.999, 0.9), max-update 1 except 100 at step 3 (far above the bound there)
        TrialWriter b = writer(layout, conf, "b", 1, 0.999, 0.9, 1, "adam", 1e-3, 0);
        for (int n = 0; n < 10; n++) {
            double u = n == 3 ? 100 : 1;
            b.step(new StepMetrics(n, 3.0, 1e-3, u, new double[]{u}, 1, 0.01));
        }
        b.eval(new EvalMetrics(9, Double.NaN, Double.NaN, 0.1)); // a diverged evaluation does not count
        b.commit(outcome(10), null);

        // C, D, E: a k-Adam product grid; best accuracy per k x strategy x coupling over lr x wd
        product(layout, conf, "c", 2, 1e-3, 1e-4, 0.80);
        product(layout, conf, "d", 3, 1e-2, 1e-4, 0.90);
        product(layout, conf, "e", 4, 1e-2, 1e-3, 0.85);
        // the horizons this fixture is checked against (its steps alone would give 20, 30, 30)
        new ResultStore(layout, conf).recordAnalysis("fixture", new Analysis(20, 10, 20));
        ResultTables.registerViews(spark, out.toString());
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    @Test
    void slopeVsCByHand() {
        Row a = only(ResultTables.compute(spark, ResultTables.Table.SLOPE_VS_C).where("trial_id = 'a'").collectAsList());
        double c = 2 / 0.99 - 1 / 0.955 - 1; // C = 2/γ − 1/β − 1 = −0.0269184...
        assertEquals(c, a.<Double>getAs("c"), 1e-12);
        assertEquals(0.02, a.<Double>getAs("measured_slope"), 1e-12);
        assertEquals(-c / 2, a.<Double>getAs("predicted_slope"), 1e-12);
        assertEquals((0.02 + c / 2) / (-c / 2), a.<Double>getAs("relative_error"), 1e-9);
        assertEquals(Math.log(0.99) - Math.log(0.955) / 2, a.<Double>getAs("discrete_rate"), 1e-12);
    }

    @Test
    void boundViolationsByHand() {
        List<Row> rows = ResultTables.compute(spark, ResultTables.Table.BOUND_VIOLATIONS).collectAsList();
        Row a = rows.stream().filter(r -> r.getAs("trial_id").equals("a")).findFirst().orElseThrow();
        Row b = rows.stream().filter(r -> r.getAs("trial_id").equals("b")).findFirst().orElseThrow();
        // the same count from the theory package's Eq. 5 (double precision Java, not SQL)
        long expected = java.util.stream.IntStream.range(0, 30)
                .filter(n -> Math.exp(0.02 * n) > Stability.bound(new AdamPoint(0.955, 0.99), n)).count();
        assertTrue(expected > 0 && expected < 30, "the fixture crosses the bound early on: " + expected);
        assertEquals(expected, a.<Long>getAs("violations"));
        assertEquals(30L, a.<Long>getAs("steps_checked"));
        assertEquals(1L, b.<Long>getAs("violations"));
        // Eq. 5 at n = 3 for (0.999, 0.9): √(1−0.999⁴)/(1−0.9⁴) · (0.1/0.9) · √(0.999/0.001) / √C
        double c = 2 / 0.9 - 1 / 0.999 - 1;
        double bound3 = Math.sqrt(1 - Math.pow(0.999, 4)) / (1 - Math.pow(0.9, 4)) * (0.1 / 0.9) * Math.sqrt(0.999 / 0.001) / Math.sqrt(c);
        assertEquals(100 / bound3, b.<Double>getAs("max_ratio"), 1e-9);
    }

    @Test
    void bestLossWithinHorizons() {
        List<Row> rows = ResultTables.compute(spark, ResultTables.Table.BEST_LOSS).collectAsList();
        Row a = rows.stream().filter(r -> r.getAs("trial_id").equals("a")).findFirst().orElseThrow();
        Row b = rows.stream().filter(r -> r.getAs("trial_id").equals("b")).findFirst().orElseThrow();
        assertEquals(3.0, a.<Double>getAs("best_loss_n1"), 0, "within 10 iterations only the eval at step 9");
        assertEquals(2.0, a.<Double>getAs("best_loss_n2"), 0, "within 20: min(3.0, 2.0)");
        assertTrue(b.isNullAt(b.fieldIndex("best_loss_n1")), "NaN evaluations do not count");
    }

    @Test
    void bestAccuracyPicksTheWinningLrAndWeightDecay() {
        Row best = only(ResultTables.compute(spark, ResultTables.Table.BEST_ACCURACY).collectAsList());
        assertEquals(2, best.<Integer>getAs("k"));
        assertEquals("inverse-exp", best.getAs("strategy"));
        assertEquals(0.90, best.<Double>getAs("best_accuracy"), 1e-12);
        assertEquals(1e-2, best.<Double>getAs("best_lr"), 0);
        assertEquals(1e-4, best.<Double>getAs("best_weight_decay"), 0);
        Row byK = only(ResultTables.compute(spark, ResultTables.Table.BEST_LOSS_BY_K)
                .where("k = 2").collectAsList());
        assertEquals(1e-2, byK.<Double>getAs("best_lr"), 0, "the lowest test loss (1 − 0.90) is at lr 1e-2, wd 1e-4");
    }

    @Test
    void anAdamTrialOfAProductSweepCountsForEveryStrategy() {
        // a and b (k = 1, "adam") sit in a sweep whose k = 2 trials are inverse-exp: k = 1 is Adam under
        // inverse-exp too, so their best test loss (a: min(3.0, 2.0, 2.5); b: only NaN) appears there
        List<Row> k1 = ResultTables.compute(spark, ResultTables.Table.BEST_LOSS_BY_K).where("k = 1").collectAsList();
        Row shared = only(k1);
        assertEquals("inverse-exp", shared.getAs("strategy"));
        assertEquals(2.0, shared.<Double>getAs("best_test_loss"), 0);
        assertEquals(1e-3, shared.<Double>getAs("best_lr"), 0);
    }

    @Test
    void sqlFilesTakeTheirParametersFromTheAnalysisView() {
        for (ResultTables.Table t : ResultTables.Table.values()) {
            assertTrue(!ResultTables.sql(t).contains("${"), t + " has a placeholder: parameters come from the analysis view");
        }
        Row a = only(ResultTables.compute(spark, ResultTables.Table.SLOPE_VS_C).where("trial_id = 'a'").collectAsList());
        assertEquals(20L, a.<Long>getAs("slope_step"));
        Row best = ResultTables.compute(spark, ResultTables.Table.BEST_LOSS).where("trial_id = 'a'").collectAsList().get(0);
        assertEquals(10L, best.<Long>getAs("n1"));
        assertEquals(20L, best.<Long>getAs("n2"));
    }

    private static Row only(List<Row> rows) {
        assertEquals(1, rows.size(), rows.toString());
        return rows.get(0);
    }

    private static void product(ResultLayout layout, Configuration conf, String id, int index, double lr, double wd, double accuracy)
            throws Exception {
        TrialWriter w = writer(layout, conf, id, index, 0.968377, 0.683772, 2, "inverse-exp", lr, wd);
        w.step(new StepMetrics(0, 2.3, lr, 1, new double[]{1, 1}, 1, 0.01));
        w.eval(new EvalMetrics(0, 1 - accuracy + 0.05, accuracy - 0.05, 0.1));
        w.eval(new EvalMetrics(0, 1 - accuracy, accuracy, 0.1));
        w.commit(outcome(1), null);
    }

    private static TrialWriter writer(ResultLayout layout, Configuration conf, String id, int index, double beta, double gamma,
                                      int k, String strategy, double lr, double wd) {
        KAdamConfig optimizer = k == 1 ? KAdamConfig.adam(beta, gamma) : KAdamConfig.of(LevelStrategy.INVERSE_EXP, k);
        TrialConfig config = new TrialConfig(GptConfig.tinyBytes(), optimizer, ScheduleSpec.constant(lr), 30, 8, 10, 2, 1, 0);
        double c = 2 / gamma - 1 / beta - 1;
        TrialPoint point = new TrialPoint(beta, gamma, c, c > 0 ? "B+" : "B-", Double.NaN, k, strategy, lr, wd, "decoupled", 1);
        TrialSpec spec = new TrialSpec(id, "fixture", index, config, new DataSpec("generated", "byte", 0.1, 0, null), point, 0);
        return new TrialWriter(layout, conf, spec, "test");
    }

    private static TrialOutcome outcome(long steps) {
        return new TrialOutcome(TrialStatus.COMPLETED, steps, "", 2.0, 2.0, Double.NaN, 1.0);
    }
}
