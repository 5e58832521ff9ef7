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

    @AfterAll
    static void stopSpark() {
        SharedJavaSparkContext.runAfterClass();
    }
}
