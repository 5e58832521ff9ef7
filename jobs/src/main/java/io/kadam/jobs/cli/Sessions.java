package io.kadam.jobs.cli;

import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/** The Spark session: spark-submit's master when there is one, else the embedded local[*]. */
final class Sessions {
    private Sessions() {}

    /**
     * @param progressBar Spark's console progress bar: off unless asked for, since it redraws
     *                    over kadam's own progress lines
     */
    static SparkSession start(String appName, String master, boolean progressBar) {
        SparkConf conf = new SparkConf().setAppName(appName);
        if (master != null) {
            conf.setMaster(master);
        } else if (!conf.contains("spark.master")) {
            conf.setMaster("local[*]");
        }
        conf.setIfMissing("spark.ui.showConsoleProgress", Boolean.toString(progressBar));
        conf.setIfMissing("spark.sql.shuffle.partitions", "8"); // the tables are small
        // a trial failure is recorded by the trial itself; retries are for lost executors
        conf.setIfMissing("spark.task.maxFailures", "4");
        SparkSession spark = SparkSession.builder().config(conf).getOrCreate();
        spark.sparkContext().setLogLevel("WARN");
        return spark;
    }
}
