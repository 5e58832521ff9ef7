package io.kadam.jobs.spec;

import io.kadam.model.dynamics.CheckSpec;
import io.kadam.model.nn.CnnConfig;
import io.kadam.model.nn.GptConfig;
import io.kadam.model.nn.ModelSpec;
import io.kadam.model.train.ScheduleSpec;
import io.kadam.model.train.TrialConfig;
import io.kadam.optimizer.AdaptiveNormalization;
import io.kadam.optimizer.KAdamConfig;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * A trial's stable id: the first 16 hex digits of SHA-256 over a canonical text of everything that
 * decides its result, plus {@link #METRIC_SCHEMA_VERSION}. The same trial gets the same id in every
 * JVM and every sweep (the sweep's name is not in it), so a store can tell a trial it already has;
 * any change to a hyperparameter gives a new id.
 *
 * <p>The text is written here field by field, not with a record's toString (which a new record
 * component would change): changing {@link #canonicalText} or the version changes every id, and so
 * orphans every stored result. Left out on purpose: where the data lives ({@code data_dir}: the
 * same trial on two machines) and {@code checkpoint_every} (when to save does not change results).
 * The strategy label is in, so that a product grid's k = 1 trials, Adam under every strategy, stay
 * one trial per (k, strategy) cell.
 */
public final class TrialId {

    /** Version of the metrics a trial records; the Parquet store writes it beside each row. */
    public static final int METRIC_SCHEMA_VERSION = 1;

    private TrialId() {}

    public static String of(TrialConfig config, DataSpec data, String strategy) {
        return of(config, data, strategy, null);
    }

    /** The id of a trial that runs {@code check} on its training run (null: plain training). */
    public static String of(TrialConfig config, DataSpec data, String strategy, CheckSpec check) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest(canonicalText(config, data, strategy, check).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** One {@code key=value} line per field; doubles as {@link Double#toString}, strings quoted. */
    public static String canonicalText(TrialConfig config, DataSpec data, String strategy) {
        return canonicalText(config, data, strategy, null);
    }

    /**
     * With a check, its lines follow the training run's; without one the text is exactly what it
     * was before checks existed, so plain trials keep their ids.
     */
    public static String canonicalText(TrialConfig config, DataSpec data, String strategy, CheckSpec check) {
        StringBuilder text = new StringBuilder();
        line(text, "metric_schema_version", METRIC_SCHEMA_VERSION);
        model(text, config.model());
        line(text, "data.dataset", quote(data.dataset()));
        line(text, "data.tokenizer", quote(data.tokenizer()));
        line(text, "data.test_fraction", data.testFraction());
        line(text, "data.max_tokens", data.maxTokens());
        KAdamConfig optimizer = config.optimizer();
        line(text, "optimizer.strategy", quote(strategy));
        line(text, "optimizer.k", optimizer.k());
        List<AdaptiveNormalization> levels = optimizer.levels();
        for (int i = 0; i < levels.size(); i++) {
            line(text, "optimizer.level" + (i + 1) + ".beta", levels.get(i).beta());
            line(text, "optimizer.level" + (i + 1) + ".gamma", levels.get(i).gamma());
        }
        line(text, "optimizer.weight_decay", optimizer.weightDecay());
        line(text, "optimizer.coupling", optimizer.decay().name().toLowerCase(Locale.ROOT));
        line(text, "optimizer.eps", optimizer.eps());
        ScheduleSpec schedule = config.schedule();
        line(text, "schedule.kind", schedule.kind());
        line(text, "schedule.lr", schedule.lr());
        line(text, "schedule.warmup", schedule.warmup());
        line(text, "schedule.total", schedule.total());
        line(text, "schedule.floor", schedule.floor());
        line(text, "schedule.steps_per_unit", schedule.stepsPerUnit());
        line(text, "schedule.anneal", schedule.anneal());
        line(text, "training.steps", config.steps());
        line(text, "training.batch_size", config.batchSize());
        line(text, "training.eval_interval", config.evalInterval());
        line(text, "training.eval_batches", config.evalBatches());
        line(text, "training.seed", config.seed());
        line(text, "training.bound_stop_factor", config.boundStopFactor());
        if (check != null) {
            line(text, "check.kind", quote(check.kind().label()));
            line(text, "check.substeps", check.substeps());
            line(text, "check.coordinates", check.coordinates());
            line(text, "check.coordinate_seed", check.coordinateSeed());
            line(text, "check.interpolation", quote(check.interpolation().name().toLowerCase(Locale.ROOT)));
            line(text, "check.perturbation", check.perturbation());
        }
        return text.toString();
    }

    private static void model(StringBuilder text, ModelSpec model) {
        if (model instanceof GptConfig gpt) {
            line(text, "model.kind", "gpt");
            line(text, "model.vocab_size", gpt.vocabSize());
            line(text, "model.context", gpt.context());
            line(text, "model.layers", gpt.layers());
            line(text, "model.heads", gpt.heads());
            line(text, "model.dim", gpt.dim());
            line(text, "model.dropout", gpt.dropout());
            line(text, "model.bias", gpt.bias());
            line(text, "model.qk_norm", gpt.qkNorm());
        } else if (model instanceof CnnConfig cnn) {
            line(text, "model.kind", "cnn");
            line(text, "model.in_channels", cnn.inChannels());
            line(text, "model.height", cnn.height());
            line(text, "model.width", cnn.width());
            line(text, "model.classes", cnn.classes());
            StringBuilder stages = new StringBuilder();
            for (int channels : cnn.stageChannels()) {
                stages.append(stages.length() == 0 ? "" : ",").append(channels);
            }
            line(text, "model.stages", stages);
            line(text, "model.hidden", cnn.hidden());
            line(text, "model.batch_norm", cnn.batchNorm());
        } else {
            throw new IllegalArgumentException("no canonical form for model " + model.getClass().getName());
        }
    }

    /** {@code String.valueOf} gives Double.toString for doubles, Long.toString for longs, and so on. */
    private static void line(StringBuilder text, String key, Object value) {
        text.append(key).append('=').append(value).append('\n');
    }

    private static String quote(String s) {
        return s == null ? "null" : '"' + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + '"';
    }
}
