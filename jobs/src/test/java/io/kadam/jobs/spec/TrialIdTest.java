package io.kadam.jobs.spec;

import org.junit.jupiter.api.Test;

import java.util.List;

import static io.kadam.jobs.spec.TestSpecs.BASE;
import static io.kadam.jobs.spec.TestSpecs.base;
import static io.kadam.jobs.spec.TestSpecs.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrialIdTest {

    private static String firstId(String yaml) {
        return SweepExpander.expand(parse(yaml)).get(0).trialId();
    }

    /**
     * The id of BASE's first trial, computed once and pasted here. If this test fails, the canonical
     * text (or the schema version) changed: every stored result's id is then orphaned. Change the
     * expected value only on purpose, together with METRIC_SCHEMA_VERSION if the metrics changed.
     */
    @Test
    void theCanonicalFormHasNotChanged() {
        assertEquals("7fa84abacc66566c", firstId(BASE));
    }

    @Test
    void theIdIsSixteenHexDigitsAndStableAcrossParses() {
        String id = firstId(BASE);
        assertTrue(id.matches("[0-9a-f]{16}"), id);
        assertEquals(id, firstId(BASE));
        assertEquals(TrialId.of(SweepExpander.expand(parse(BASE)).get(1).config(), parse(BASE).data(), "adam"),
                SweepExpander.expand(parse(BASE)).get(1).trialId());
    }

    @Test
    void theSweepNameAndCheckpointsAreNotPartOfTheId() {
        assertEquals(firstId(BASE), firstId(base("name: tiny", "name: another-sweep")));
        assertEquals(firstId(BASE), firstId(base("  batch_size: 8\n", "  batch_size: 8\n  checkpoint_every: 50\n")));
    }

    @Test
    void everyHyperparameterChangesTheId() {
        List<String> variants = List.of(
                base("lr: 1.0e-3", "lr: 2.0e-3"),
                base("through: [0.999, 0.9]", "through: [0.998, 0.9]"),
                base("beta_range: [0.9516, 0.9660]", "beta_range: [0.9517, 0.9660]"),
                base("  points: 3\n", "  points: 3\n  seeds: [2]\n"),
                base("steps: 100", "steps: 101"),
                base("dim: 32", "dim: 64"),
                base("dataset: generated", "dataset: tinyshakespeare"),
                base("tokenizer: byte", "tokenizer: gpt2"),
                base("  batch_size: 8\n", "  batch_size: 8\n  eval_batches: 41\n"),
                base("name: tiny\n", "name: tiny\noptimizer: {weight_decay: 1.0e-4}\n"),
                base("name: tiny\n", "name: tiny\noptimizer: {coupling: decoupled}\n"),
                base("name: tiny\n", "name: tiny\noptimizer: {eps: 1.0e-8}\n"),
                base("  batch_size: 8\n", "  batch_size: 8\n  anneal: true\n"));
        String id = firstId(BASE);
        for (String yaml : variants) {
            assertNotEquals(id, firstId(yaml), yaml);
        }
    }

    @Test
    void theCanonicalTextNamesEveryField() {
        TrialSpec trial = SweepExpander.expand(parse(BASE)).get(0);
        String text = TrialId.canonicalText(trial.config(), trial.data(), trial.point().strategy());
        for (String key : List.of("metric_schema_version=1", "model.dim=32", "data.dataset=\"generated\"",
                "optimizer.level1.beta=0.9516", "schedule.lr=0.001", "training.seed=1", "optimizer.eps=1.0E-30")) {
            assertTrue(text.contains(key + "\n"), key + " in\n" + text);
        }
    }
}
