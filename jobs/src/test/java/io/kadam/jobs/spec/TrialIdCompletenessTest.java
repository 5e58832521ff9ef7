package io.kadam.jobs.spec;

import io.kadam.model.dynamics.CheckKind;
import io.kadam.model.dynamics.CheckSpec;
import io.kadam.model.dynamics.ReplayCheck;
import io.kadam.model.nn.CnnConfig;
import io.kadam.model.nn.GptConfig;
import io.kadam.model.nn.ModelSpec;
import io.kadam.model.train.ScheduleSpec;
import io.kadam.model.train.TrialConfig;
import io.kadam.optimizer.AdaptiveNormalization;
import io.kadam.optimizer.KAdamConfig;
import io.kadam.optimizer.LevelStrategy;
import org.junit.jupiter.api.Test;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A trial id cannot silently miss a field: every component of every record a trial id is made of
 * (the trial config with its model, optimizer, levels and schedule, the data, the check) must have
 * its line in {@link TrialId#canonicalText}, or be excluded below with the reason. A component
 * added to one of these records without either fails here.
 */
class TrialIdCompletenessTest {

    /** Components left out of the id on purpose, and why. */
    private static final Map<String, String> EXCLUDED = Map.of(
            "DataSpec.dataDir", "where the data lives, not what it is: the same trial keeps its id on another machine");

    /** Where a component's line is when its key is not the section prefix plus its name in snake_case. */
    private static final Map<String, String> KEYS = Map.of(
            "KAdamConfig.decay", "optimizer.coupling",
            "CnnConfig.stageChannels", "model.stages",
            "TrialConfig.steps", "training.steps",
            "TrialConfig.batchSize", "training.batch_size",
            "TrialConfig.evalInterval", "training.eval_interval",
            "TrialConfig.evalBatches", "training.eval_batches",
            "TrialConfig.seed", "training.seed",
            "TrialConfig.boundStopFactor", "training.bound_stop_factor");

    /** Each record's section of the canonical text. */
    private static final Map<Class<?>, String> SECTIONS = Map.of(
            TrialConfig.class, "training.", GptConfig.class, "model.", CnnConfig.class, "model.",
            KAdamConfig.class, "optimizer.", AdaptiveNormalization.class, "optimizer.level1.",
            ScheduleSpec.class, "schedule.", DataSpec.class, "data.", CheckSpec.class, "check.");

    @Test
    void everyComponentIsHashedOrExcludedWithAReason() {
        KAdamConfig optimizer = KAdamConfig.of(LevelStrategy.INVERSE_EXP, 2);
        DataSpec text = new DataSpec("generated", "byte", 0.1, 0, null);
        CheckSpec check = new CheckSpec(CheckKind.REPLAY, 10, 3, 1, ReplayCheck.Interpolation.HELD, 0);
        String gpt = TrialId.canonicalText(new TrialConfig(GptConfig.tinyBytes(), optimizer, ScheduleSpec.constant(1e-3),
                100, 8, 10, 2, 1, 0), text, "inverse-exp", check);
        String cnn = TrialId.canonicalText(new TrialConfig(CnnConfig.fashionMnist(), optimizer,
                ScheduleSpec.warmupCosine(1e-3, 10, 100, 1e-4), 100, 8, 10, 0, 1, 0),
                new DataSpec("fashion-mnist", null, 0, 0, null), "inverse-exp", null);
        String canonical = gpt + cnn;

        List<String> missing = new ArrayList<>();
        for (Class<?> root : List.of(TrialConfig.class, DataSpec.class, CheckSpec.class)) {
            visit(root, canonical, missing);
        }
        assertEquals(List.of(), missing, "record components neither in TrialId.canonicalText nor in EXCLUDED (with a reason)");
    }

    private static void visit(Class<?> record, String canonical, List<String> missing) {
        for (RecordComponent c : record.getRecordComponents()) {
            String name = record.getSimpleName() + "." + c.getName();
            Class<?> type = c.getType();
            if (EXCLUDED.containsKey(name)) {
                continue;
            }
            if (type == ModelSpec.class) {
                visit(GptConfig.class, canonical, missing);
                visit(CnnConfig.class, canonical, missing);
            } else if (type.isRecord()) {
                visit(type, canonical, missing);
            } else if (type == List.class && c.getGenericType() instanceof ParameterizedType p
                    && p.getActualTypeArguments()[0] instanceof Class<?> element && element.isRecord()) {
                visit(element, canonical, missing);
            } else {
                String key = KEYS.getOrDefault(name, SECTIONS.get(record) + snake(c.getName()));
                if (!canonical.contains("\n" + key + "=") && !canonical.startsWith(key + "=")) {
                    missing.add(name + " (expected a line " + key + "=...)");
                }
            }
        }
    }

    private static String snake(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
    }
}
