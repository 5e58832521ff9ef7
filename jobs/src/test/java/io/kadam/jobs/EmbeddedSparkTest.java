package io.kadam.jobs;

import com.holdenkarau.spark.testing.JavaDataFrameSuiteBase;
import com.holdenkarau.spark.testing.SharedJavaSparkContext;
import org.apache.spark.SparkConf;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * spark-testing-base's shared Spark for JUnit 5 test classes: local[2], no UI, no Hive (18 s →
 * a few), started before each test (a no-op once running) and stopped after the class. Its base
 * class has an assertTrue(boolean) of its own: call JUnit's as Assertions.assertTrue.
 */
public abstract class EmbeddedSparkTest extends JavaDataFrameSuiteBase {

    @Override
    public SparkConf conf() {
        return super.conf().setMaster("local[2]").set("spark.ui.enabled", "false").set("spark.sql.shuffle.partitions", "2");
    }

    @Override
    public boolean enableHiveSupport() {
        return false;
    }

    @BeforeEach
    void startSpark() {
        runBefore();
    }

    /**
     * A sweep that finishes in seconds: 4 Adam trials on the fig3 section of the normal curve
     * through (0.999, 0.9) (3 in B−), a 1-layer byte GPT on the generated corpus, 40 steps,
     * evaluated at steps 20 and 40.
     */
    protected static String tinyCurveSpec(String name) {
        return tinyCurveSpec(name, 40, 20, 4);
    }

    /** The same sweep with its length, evaluation interval and number of points given. */
    public static String tinyCurveSpec(String name, int steps, int evalInterval, int points) {
        return "name: " + name + "\n" + """
                model: {kind: gpt, layers: 1, heads: 2, dim: 16, context: 16}
                data: {dataset: generated, tokenizer: byte}
                training:
                  steps: %d
                  batch_size: 4
                  eval_interval: %d
                  eval_batches: 2
                  schedule: {kind: constant, lr: 1.0e-3}
                grid:
                  kind: normal-curve
                  through: [0.999, 0.9]
                  points: %d
                  beta_range: [0.9530, 0.9640]
                """.formatted(steps, evalInterval, points);
    }

    /**
     * A check sweep that finishes in seconds: Fig. 1's replay (K = 10) on two seeds of a 1-layer
     * dim-16 AdamW run on the generated text.
     */
    protected static String tinyReplaySpec(String name, int steps, int coordinates) {
        return "name: " + name + "\n" + """
                model: {kind: gpt, layers: 1, heads: 2, dim: 16, context: 16}
                data: {dataset: generated, tokenizer: byte}
                training:
                  steps: %d
                  batch_size: 4
                  schedule: {kind: constant, lr: 1.0e-3}
                optimizer: {weight_decay: 0.1, coupling: decoupled}
                grid:
                  kind: points
                  points: [[0.999, 0.9]]
                  seeds: [1, 2]
                check: {kind: replay, substeps: 10, coordinates: %d}
                """.formatted(steps, coordinates);
    }

    @AfterAll
    static void stopSpark() {
        SharedJavaSparkContext.runAfterClass();
    }
}
