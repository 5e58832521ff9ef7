package io.kadam.jobs.spec;

import io.kadam.model.dynamics.CheckKind;
import io.kadam.model.dynamics.CheckSpec;
import io.kadam.model.dynamics.ReplayCheck;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static io.kadam.jobs.spec.TestSpecs.BASE;
import static io.kadam.jobs.spec.TestSpecs.PRODUCT;
import static io.kadam.jobs.spec.TestSpecs.base;
import static io.kadam.jobs.spec.TestSpecs.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

    /**
     * Plain trials keep the ids they had before checks existed: PRODUCT's last trial (k = 2,
     * strategy naive, decoupled), computed with TrialId of c6a2373, the commit before the check
     * section; BASE is pinned above. The k = 1 trials were one per strategy then (909ce78e64826879
     * was k = 1 inverse-exp); now k = 1 runs once, as Adam, with an id of its own.
     */
    @Test
    void plainTrialsKeepTheirIdsFromBeforeChecks() {
        List<TrialSpec> trials = SweepExpander.expand(parse(PRODUCT));
        TrialSpec last = trials.get(trials.size() - 1);
        assertEquals("naive", last.point().strategy());
        assertEquals("b333f64d795abd19", last.trialId());
        assertEquals("adam", trials.get(0).point().strategy());
        assertEquals("e5905d715724fb08", trials.get(0).trialId());
        for (TrialSpec t : trials) {
            String text = TrialId.canonicalText(t.config(), t.data(), t.point().strategy());
            assertEquals(text, TrialId.canonicalText(t.config(), t.data(), t.point().strategy(), null));
            assertFalse(text.contains("check."), text);
            assertEquals(t.trialId(), TrialId.of(t.config(), t.data(), t.point().strategy(), null));
        }
    }

    /** BASE's first trial as a check trial: an id of its own per check kind and per knob. */
    @Test
    void aCheckGivesItsTrialsIdsOfTheirOwn() {
        TrialSpec trial = SweepExpander.expand(parse(BASE)).get(0);
        CheckSpec replay = CheckSpec.defaults(CheckKind.REPLAY);
        List<CheckSpec> checks = List.of(replay,
                CheckSpec.defaults(CheckKind.NORM),
                CheckSpec.defaults(CheckKind.INNER_PRODUCT),
                CheckSpec.defaults(CheckKind.COARSE_GRAINING),
                new CheckSpec(CheckKind.REPLAY, 10, 16, 7, ReplayCheck.Interpolation.HELD, 1e-3),
                new CheckSpec(CheckKind.REPLAY, 100, 4, 7, ReplayCheck.Interpolation.HELD, 1e-3),
                new CheckSpec(CheckKind.REPLAY, 100, 16, 8, ReplayCheck.Interpolation.HELD, 1e-3),
                new CheckSpec(CheckKind.REPLAY, 100, 16, 7, ReplayCheck.Interpolation.LINEAR, 1e-3),
                new CheckSpec(CheckKind.COARSE_GRAINING, 100, 16, 7, ReplayCheck.Interpolation.HELD, 0));
        Set<String> ids = new HashSet<>();
        ids.add(trial.trialId());
        for (CheckSpec check : checks) {
            String id = TrialId.of(trial.config(), trial.data(), "adam", check);
            assertTrue(id.matches("[0-9a-f]{16}"), id);
            assertTrue(ids.add(id), "id " + id + " of " + check + " repeats another");
            assertEquals(id, TrialId.of(trial.config(), trial.data(), "adam", check), "stable");
        }
        String text = TrialId.canonicalText(trial.config(), trial.data(), "adam", replay);
        String plain = TrialId.canonicalText(trial.config(), trial.data(), "adam");
        assertTrue(text.startsWith(plain), "the check's lines follow the training run's");
        assertEquals("""
                check.kind="replay"
                check.substeps=100
                check.coordinates=16
                check.coordinate_seed=7
                check.interpolation="held"
                check.perturbation=0.001
                """, text.substring(plain.length()));
    }

    /** The expander gives a check spec's trials the check's ids; without the section, the plain ids. */
    @Test
    void theExpanderIdsACheckSweepsTrialsWithItsCheck() {
        String plainYaml = BASE + "optimizer: {weight_decay: 0.1, coupling: decoupled}\n";
        List<TrialSpec> plain = SweepExpander.expand(parse(plainYaml));
        List<TrialSpec> checked = SweepExpander.expand(parse(plainYaml + "check: {kind: replay, substeps: 10}\n"));
        assertEquals(plain.size(), checked.size());
        for (int i = 0; i < plain.size(); i++) {
            TrialSpec p = plain.get(i);
            TrialSpec c = checked.get(i);
            assertEquals(p.config(), c.config(), "the same training run");
            assertNotEquals(p.trialId(), c.trialId());
            assertEquals(TrialId.of(c.config(), c.data(), "adam", c.check()), c.trialId());
            assertEquals(10, c.check().substeps());
        }
        // computed once and pasted, as theCanonicalFormHasNotChanged: a change orphans stored check results
        assertEquals("72af00f3830b6667", checked.get(0).trialId(), "the canonical form of check trials has not changed");
    }
}
