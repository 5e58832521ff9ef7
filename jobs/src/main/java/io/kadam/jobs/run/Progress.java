package io.kadam.jobs.run;

import io.kadam.jobs.spec.TrialPoint;
import io.kadam.jobs.spec.TrialSpec;
import io.kadam.jobs.store.ResultStore;
import org.apache.spark.scheduler.AccumulableInfo;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;

import io.kadam.model.train.TrialStatus;

import scala.collection.JavaConverters;

import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A driver log line per finished trial: done/total, diverged, failed, ETA. Spark's own console
 * progress bar shows the running tasks; this says what each finished trial came to. The task
 * reports its trials' committed statuses through a named accumulator, whose update arrives with
 * the task-end event, so the driver reads nothing back from the store while trials still train
 * on its cores (a task end without it, which Spark does not promise, falls back to reading the
 * trials row).
 */
final class Progress extends SparkListener {

    private final String sweep;
    private final List<TrialSpec> trials;
    private final ResultStore store;
    private final PrintStream log;
    private final long start = System.nanoTime();
    private final Map<String, Integer> statuses = new TreeMap<>();
    private int done;
    private final java.util.Set<Integer> reported = new java.util.HashSet<>();

    private final long statusAccumulator;

    /** @param statusAccumulator the id of the accumulator the tasks add "trial id TAB status" to */
    Progress(String sweep, List<TrialSpec> trials, ResultStore store, long statusAccumulator, PrintStream log) {
        this.sweep = sweep;
        this.trials = trials;
        this.store = store;
        this.statusAccumulator = statusAccumulator;
        this.log = log;
    }

    @Override
    public synchronized void onTaskEnd(SparkListenerTaskEnd end) {
        int index = end.taskInfo().index();
        if (index < 0 || index >= trials.size() || !end.taskInfo().successful()) {
            if (!end.taskInfo().successful()) {
                log.printf("kadam: task for trial %d failed (%s); Spark retries it%n", index, end.reason());
            }
            return;
        }
        String reported = reportedStatus(end, trials.get(index).trialId());
        if (reported != null) {
            report(index, reported);
        } else {
            report(index);
        }
    }

    /** The status the task reported for the trial through the accumulator, or null. */
    private String reportedStatus(SparkListenerTaskEnd end, String trialId) {
        for (AccumulableInfo info : JavaConverters.seqAsJavaList(end.taskInfo().accumulables())) {
            if (info.id() == statusAccumulator && info.update().isDefined() && info.update().get() instanceof List<?> lines) {
                for (Object line : lines) {
                    String[] idStatus = TrialTask.parseReportLine(line);
                    if (idStatus != null && idStatus[0].equals(trialId)) {
                        return idStatus[1];
                    }
                }
            }
        }
        return null;
    }

    /**
     * Lines for the trials whose task-end event has not arrived yet: Spark delivers listener
     * events asynchronously, so the job can finish before the last ones. Call after the job with
     * the statuses its tasks returned (trial id → status label).
     */
    synchronized void reportRemaining(Map<String, String> statusById) {
        for (int i = 0; i < trials.size(); i++) {
            report(i, statusById.getOrDefault(trials.get(i).trialId(), "not committed"));
        }
    }

    private void report(int index) {
        if (reported.contains(index)) {
            return;
        }
        String status;
        try {
            status = store.statusOf(sweep, trials.get(index).trialId()).map(TrialStatus::label).orElse("not committed");
        } catch (IOException e) {
            status = "unknown (" + e.getMessage() + ")";
        }
        report(index, status);
    }

    private void report(int index, String status) {
        if (!reported.add(index)) {
            return; // a retried task of an already reported trial, or reported by reportRemaining
        }
        TrialSpec trial = trials.get(index);
        statuses.merge(status, 1, Integer::sum);
        done++;
        double elapsed = (System.nanoTime() - start) / 1e9;
        double eta = elapsed / done * (trials.size() - done);
        TrialPoint p = trial.point();
        log.printf(Locale.ROOT, "kadam: [%d/%d] %s k=%d beta=%.6f gamma=%.6f %s lr=%.3g: %s | diverged %d, failed %d, ETA %s%n",
                done, trials.size(), trial.trialId(), p.k(), p.beta(), p.gamma(), p.region(), p.lr(), status,
                statuses.getOrDefault("diverged", 0), statuses.getOrDefault("failed", 0), clock(eta));
    }

    private static String clock(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format("%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60) : String.format("%d:%02d", s / 60, s % 60);
    }
}
