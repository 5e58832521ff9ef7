package io.kadam.jobs.run;

import ai.djl.Device;
import io.kadam.jobs.spec.TrialSpec;
import io.kadam.jobs.store.CommitResult;
import io.kadam.jobs.store.ResultLayout;
import io.kadam.jobs.store.ResultStore;
import io.kadam.jobs.store.TrialWriter;
import io.kadam.model.train.TrialOutcome;
import io.kadam.model.train.TrialRunner;
import io.kadam.model.train.TrialStatus;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.VoidFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.resource.ResourceInformation;
import org.apache.spark.util.CollectionAccumulator;
import org.apache.spark.util.SerializableConfiguration;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import org.apache.hadoop.conf.Configuration;

/**
 * What one Spark task does: train its trial on the device Spark gave it and commit the metrics
 * (a check trial runs its continuous-time check instead, on the CPU: {@link CheckTrial}).
 * An exception inside the trial (bad data, a bug, an engine error) is deterministic, so it is
 * recorded as status {@code failed} with the error instead of failing the task: Spark would only
 * retry it. A lost executor, an OutOfMemoryError or a failed commit do fail the task, and Spark
 * retries it; the commit protocol of {@link TrialWriter} keeps the result single.
 */
final class TrialTask implements VoidFunction<Iterator<TrialSpec>> {

    private final String out;
    private final Broadcast<SerializableConfiguration> hadoop;
    private final CollectionAccumulator<String> reported;

    /**
     * @param hadoop   the output file system's configuration, broadcast once rather than shipped with every task
     * @param reported gets "trial id TAB status" of each committed trial ({@link #reportLine}): the
     *                 driver's progress lines and sweep summary. Updated in an action, so Spark
     *                 applies each successful task's update exactly once, retried tasks included.
     */
    TrialTask(String out, Broadcast<SerializableConfiguration> hadoop, CollectionAccumulator<String> reported) {
        this.out = out;
        this.hadoop = hadoop;
        this.reported = reported;
    }

    /** Runs the partition's trials and reports the committed status of each. */
    @Override
    public void call(Iterator<TrialSpec> trials) throws Exception {
        TaskContext task = TaskContext.get();
        Device device = device(task);
        int threads = task == null ? 1 : task.cpus(); // torch threads = the cores Spark gave this task
        String attempt = task == null ? "local" : task.stageId() + "." + task.stageAttemptNumber() + "-" + task.attemptNumber()
                + "-" + task.taskAttemptId();
        while (trials.hasNext()) {
            TrialSpec trial = trials.next();
            reported.add(reportLine(trial.trialId(), run(trial, device, threads, attempt)));
        }
    }

    /** What a task reports of one trial: "trial id TAB status label". */
    static String reportLine(String trialId, String status) {
        return trialId + "\t" + status;
    }

    /** {trial id, status} of a {@link #reportLine}, or null for anything else. */
    static String[] parseReportLine(Object line) {
        String[] parts = String.valueOf(line).split("\t", 2);
        return parts.length == 2 ? parts : null;
    }

    /** Trains and commits one trial; returns the status its committed row holds. */
    private String run(TrialSpec trial, Device device, int threads, String attempt) throws Exception {
        Configuration conf = hadoop.value().value();
        TrialWriter writer = new TrialWriter(new ResultLayout(out), conf, trial, attempt);
        Path checkpoint = checkpointFile(trial);
        TrialOutcome outcome = null;
        Exception failure = null;
        try {
            var data = TrialDataCache.get(trial.data());
            outcome = trial.check() != null ? CheckTrial.run(trial, data, writer) : TrialRunner.run(trial.config(), data,
                    new TrialRunner.Options(device, threads, checkpoint, checkpoint == null ? 0 : trial.checkpointEvery()), writer);
        } catch (Exception e) {
            failure = e;
        }
        // a failed trial keeps the steps and evaluations it made (its final and best losses from them), its reason
        // is the error's first line and its error the whole message with the stack (TrialWriter.fail); a commit
        // that fails is no trial failure: it fails the task, and Spark retries it
        CommitResult committed = failure == null ? writer.commit(outcome, null) : writer.fail(failure);
        String status = failure == null ? outcome.status().label() : TrialStatus.FAILED.label();
        if (checkpoint != null) {
            Files.deleteIfExists(checkpoint);
        }
        if (committed == CommitResult.ALREADY_COMMITTED) { // another attempt's row stands: report what it says
            return new ResultStore(new ResultLayout(out), conf).statusOf(trial.sweep(), trial.trialId())
                    .map(TrialStatus::label).orElse("not committed");
        }
        return status;
    }

    /** The task's GPU when Spark scheduled one (spark.task.resource.gpu.amount=1), else the CPU. */
    static Device device(TaskContext task) {
        if (task != null) {
            ResourceInformation gpu = task.resourcesJMap().get("gpu");
            if (gpu != null && gpu.addresses().length > 0) {
                return Device.gpu(Integer.parseInt(gpu.addresses()[0].trim()));
            }
        }
        return Device.cpu();
    }

    /**
     * Checkpoints live beside the results when those are on a local or shared POSIX path; on
     * HDFS or object stores a trial restarts from step 0 after an executor loss.
     */
    private Path checkpointFile(TrialSpec trial) throws Exception {
        if (trial.checkpointEvery() <= 0) {
            return null;
        }
        URI uri = URI.create(out);
        if (uri.getScheme() != null && !uri.getScheme().equals("file")) {
            return null;
        }
        Path dir = (uri.getScheme() == null ? Path.of(out) : Path.of(uri)).resolve("_checkpoints");
        Files.createDirectories(dir);
        return dir.resolve(trial.trialId() + ".ckpt");
    }
}
