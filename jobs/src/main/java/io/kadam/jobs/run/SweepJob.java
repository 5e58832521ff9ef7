package io.kadam.jobs.run;

import io.kadam.jobs.spec.TrialSpec;
import io.kadam.jobs.store.ResultLayout;
import io.kadam.jobs.store.ResultStore;
import io.kadam.model.train.TrialStatus;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.CollectionAccumulator;
import org.apache.spark.util.SerializableConfiguration;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The driver of one sweep: decides which trials still have to run (a rerun on the same output
 * runs only the trials without a committed result), runs them one per Spark task, and reports
 * progress as trials finish.
 */
public final class SweepJob {

    /**
     * @param rerunFailed also run trials whose committed status is {@code failed}
     * @param force       run every trial again, replacing committed results
     */
    public record Options(boolean rerunFailed, boolean force) {
        public static final Options DEFAULT = new Options(false, false);
    }

    /** What a run did. */
    public record Summary(int total, int alreadyCommitted, int ran, Map<String, Integer> statuses, double seconds) {
        public boolean nothingToDo() {
            return ran == 0;
        }
    }

    private SweepJob() {}

    public static Summary run(SparkSession spark, String sweep, String fingerprint, List<TrialSpec> trials, String out,
                              Options options, PrintStream log) throws IOException {
        long start = System.nanoTime();
        var hadoop = spark.sparkContext().hadoopConfiguration();
        ResultStore store = new ResultStore(new ResultLayout(out), hadoop);
        store.checkCompatible(sweep, fingerprint);
        Map<String, TrialStatus> committed = store.committedTrials(sweep);
        List<TrialSpec> todo = new ArrayList<>();
        for (TrialSpec t : trials) {
            TrialStatus status = committed.get(t.trialId());
            boolean rerun = options.force() || (options.rerunFailed() && status == TrialStatus.FAILED);
            if (status == null || rerun) {
                if (status != null) {
                    store.removeTrial(sweep, t.trialId()); // trials row first: never a committed trial without its steps
                }
                todo.add(t);
            }
        }
        int already = trials.size() - todo.size();
        if (todo.isEmpty()) {
            log.printf("kadam: nothing to do: all %d trials of sweep '%s' are committed in %s (use --rerun-failed or --force to run again)%n",
                    trials.size(), sweep, out);
            return new Summary(trials.size(), already, 0, Map.of(), (System.nanoTime() - start) / 1e9);
        }
        log.printf("kadam: sweep '%s': %d trials, %d already committed, running %d on %s (%d task slots)%n", sweep, trials.size(),
                already, todo.size(), spark.sparkContext().master(), spark.sparkContext().defaultParallelism());
        CollectionAccumulator<String> reported = spark.sparkContext().collectionAccumulator("kadam trial statuses");
        Progress progress = new Progress(sweep, todo, store, reported.id(), log);
        spark.sparkContext().addSparkListener(progress);
        try {
            JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
            jsc.setJobDescription("kadam sweep " + sweep + " (" + todo.size() + " trials)");
            // one trial per partition, so one per task: parallelize slices a list evenly
            var conf = jsc.broadcast(new SerializableConfiguration(hadoop));
            jsc.parallelize(todo, todo.size()).foreachPartition(new TrialTask(out, conf, reported));
        } finally {
            spark.sparkContext().removeSparkListener(progress);
        }
        // what the tasks' committed rows say, as they reported it: no reading them back here
        Map<String, String> committedNow = new java.util.HashMap<>();
        for (String line : reported.value()) {
            String[] idStatus = TrialTask.parseReportLine(line);
            if (idStatus != null) {
                committedNow.put(idStatus[0], idStatus[1]);
            }
        }
        // Spark delivers listener events asynchronously: the last task ends may not have been seen yet
        progress.reportRemaining(committedNow);
        // staging older than an hour is abandoned; younger may belong to a concurrent rerun still committing
        store.cleanStaging(java.time.Duration.ofHours(1));
        Map<String, Integer> statuses = new java.util.TreeMap<>();
        for (TrialSpec t : todo) {
            statuses.merge(committedNow.getOrDefault(t.trialId(), "not committed"), 1, Integer::sum);
        }
        return new Summary(trials.size(), already, todo.size(), statuses, (System.nanoTime() - start) / 1e9);
    }
}
