package io.kadam.jobs.store;

import io.kadam.jobs.spec.TrialPoint;
import io.kadam.jobs.spec.TrialSpec;
import io.kadam.model.train.TrialOutcome;
import io.kadam.optimizer.AdaptiveNormalization;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;

import java.util.List;

/** Builds the one row of the trials table, and the error summary that goes into it. */
final class TrialRow {

    /** Enough for the exception chain's top frames; a full trace of a deep stack can be 100 KB. */
    static final int MAX_ERROR_CHARS = 8000;
    private static final int FRAMES_PER_CAUSE = 8;
    private static final int MAX_CAUSES = 6;

    private TrialRow() {
    }

    static Group of(TrialSpec spec, TrialOutcome outcome, String error, String attempt, long finishedAtMillis) {
        TrialPoint p = spec.point();
        List<AdaptiveNormalization> levels = spec.config().optimizer().levels();
        double[] betas = levels.stream().mapToDouble(AdaptiveNormalization::beta).toArray();
        double[] gammas = levels.stream().mapToDouble(AdaptiveNormalization::gamma).toArray();

        Group row = new SimpleGroupFactory(ResultSchema.TRIALS).newGroup()
                .append("trial_id", spec.trialId())
                .append("idx", spec.index())
                .append("status", outcome.status().label());
        ResultSchema.appendOptional(row, "reason", outcome.reason());
        row.append("beta", p.beta()).append("gamma", p.gamma()).append("c", p.c());
        ResultSchema.appendOptional(row, "region", p.region());
        row.append("arc_s", p.arcPosition()).append("k", p.k());
        ResultSchema.appendOptional(row, "strategy", p.strategy());
        row.append("lr", p.lr()).append("weight_decay", p.weightDecay());
        ResultSchema.appendOptional(row, "coupling", p.coupling());
        row.append("seed", p.seed());
        ResultSchema.appendList(row, "level_betas", betas, 0, betas.length);
        ResultSchema.appendList(row, "level_gammas", gammas, 0, gammas.length);
        row.append("steps_planned", spec.config().steps())
                .append("steps_done", outcome.steps())
                .append("final_loss", outcome.finalLoss())
                .append("best_test_loss", outcome.bestTestLoss())
                .append("best_accuracy", outcome.bestAccuracy())
                .append("seconds", outcome.seconds())
                .append("finished_at", finishedAtMillis);
        ResultSchema.appendOptional(row, "attempt", attempt);
        ResultSchema.appendOptional(row, "dataset", spec.data() == null ? null : spec.data().dataset());
        ResultSchema.appendOptional(row, "config", String.valueOf(spec.config()));
        row.append("schema_version", ResultLayout.SCHEMA_VERSION);
        ResultSchema.appendOptional(row, "error", error);
        return row;
    }

    /**
     * The exception chain, each cause with its top frames, as a Java stack trace prints it but
     * bounded: what is needed to recognise an error in a table, not to debug it (the executor
     * log has the full trace).
     */
    static String summarize(Throwable error) {
        StringBuilder out = new StringBuilder();
        Throwable t = error;
        for (int depth = 0; t != null && depth < MAX_CAUSES; depth++, t = t.getCause()) {
            out.append(depth == 0 ? "" : "Caused by: ").append(t).append('\n');
            StackTraceElement[] frames = t.getStackTrace();
            for (int i = 0; i < Math.min(frames.length, FRAMES_PER_CAUSE); i++) {
                out.append("\tat ").append(frames[i]).append('\n');
            }
            if (frames.length > FRAMES_PER_CAUSE) {
                out.append("\t... ").append(frames.length - FRAMES_PER_CAUSE).append(" more\n");
            }
        }
        return out.length() <= MAX_ERROR_CHARS ? out.toString() : out.substring(0, MAX_ERROR_CHARS - 4) + "...\n";
    }

    /** The first line of {@code error.toString()}, for the short {@code reason} column. */
    static String reason(Throwable error) {
        String s = String.valueOf(error);
        int nl = s.indexOf('\n');
        s = nl < 0 ? s : s.substring(0, nl);
        return s.length() <= 500 ? s : s.substring(0, 497) + "...";
    }
}
