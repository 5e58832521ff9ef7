package io.kadam.jobs.run;

import ai.djl.Device;
import io.kadam.jobs.spec.TrialSpec;
import io.kadam.jobs.store.ResultLayout;
import io.kadam.jobs.store.TrialWriter;
import io.kadam.model.train.TrialOutcome;
import io.kadam.model.train.TrialRunner;
import io.kadam.model.train.TrialStatus;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.VoidFunction;
import org.apache.spark.resource.ResourceInformation;
import org.apache.spark.util.SerializableConfiguration;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;

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
    private final SerializableConfiguration hadoop;

    TrialTask(String out, SerializableConfiguration hadoop) {
        this.out = out;
        this.hadoop = hadoop;
    }

    @Override
    public void call(Iterator<TrialSpec> trials) throws Exception {
        TaskContext task = TaskContext.get();
        Device device = device(task);
        int threads = task == null ? 1 : task.cpus(); // torch threads = the cores Spark gave this task
        String attempt = task == null ? "local" : task.stageId() + "." + task.stageAttemptNumber() + "-" + task.attemptNumber()
                + "-" + task.taskAttemptId();
        while (trials.hasNext()) {
            run(trials.next(), device, threads, attempt);
        }
    }

    private void run(TrialSpec trial, Device device, int threads, String attempt) throws Exception {
        TrialWriter writer = new TrialWriter(new ResultLayout(out), hadoop.value(), trial, attempt);
        Path checkpoint = checkpointFile(trial);
        TrialOutcome outcome;
        String error = null;
        long start = System.nanoTime();
        try {
            var data = TrialDataCache.get(trial.data());
            outcome = trial.check() != null ? CheckTrial.run(trial, data, writer) : TrialRunner.run(trial.config(), data,
                    new TrialRunner.Options(device, threads, checkpoint, checkpoint == null ? 0 : trial.checkpointEvery()), writer);
        } catch (Exception e) {
            error = describe(e);
            outcome = new TrialOutcome(TrialStatus.FAILED, writer.stepCount(), e.toString(), Double.NaN, Double.NaN, Double.NaN,
                    (System.nanoTime() - start) / 1e9);
        }
        writer.commit(outcome, error);
        if (checkpoint != null) {
            Files.deleteIfExists(checkpoint);
        }
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

    private static String describe(Throwable e) {
        StringWriter text = new StringWriter();
        e.printStackTrace(new PrintWriter(text));
        String trace = text.toString();
        return trace.length() > 4000 ? trace.substring(0, 4000) + "\n..." : trace;
    }
}
