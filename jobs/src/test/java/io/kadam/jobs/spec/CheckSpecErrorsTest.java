package io.kadam.jobs.spec;

import io.kadam.model.dynamics.CheckKind;
import io.kadam.model.dynamics.CheckSpec;
import io.kadam.model.dynamics.ReplayCheck;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.kadam.jobs.spec.TestSpecs.BASE;
import static io.kadam.jobs.spec.TestSpecs.PRODUCT;
import static io.kadam.jobs.spec.TestSpecs.assertError;
import static io.kadam.jobs.spec.TestSpecs.parse;
import static io.kadam.jobs.spec.TestSpecs.replace;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The {@code check:} section (CheckSection): every rule refuses with file:line: key path and says
 * why; a valid section becomes the CheckSpec every trial carries.
 */
class CheckSpecErrorsTest {

    /** BASE (lines 1-19, a normal curve: Adam, k = 1) made AdamW, with a replay check at lines 23-24. */
    private static final String CHECK = BASE + """
            optimizer:
              weight_decay: 0.1
              coupling: decoupled
            check:
              kind: replay
            """;

    /** CHECK with qk_norm: true at line 8: optimizer at 21, coupling 23, check 24, its kind 25. */
    private static final String QK = replace(CHECK, "  context: 32\n", "  context: 32\n  qk_norm: true\n");

    private static String withCheck(String yaml, String check) {
        return replace(yaml, "check:\n  kind: replay\n", check);
    }

    private static String kind(String label) {
        return withCheck(QK, "check:\n  kind: " + label + "\n");
    }

    @Test
    void aValidSectionFillsTheDefaultsAndEveryTrialCarriesIt() {
        SweepSpec spec = parse(CHECK);
        assertEquals(CheckSpec.defaults(CheckKind.REPLAY), spec.check());
        assertEquals(new CheckSpec(CheckKind.REPLAY, 100, 16, 7, ReplayCheck.Interpolation.HELD, 1e-3), spec.check());
        List<TrialSpec> trials = SweepExpander.expand(spec);
        assertEquals(3, trials.size());
        for (TrialSpec t : trials) {
            assertEquals(spec.check(), t.check());
        }
        assertNull(parse(BASE).check(), "no check section: plain training");
        assertNull(SweepExpander.expand(parse(BASE)).get(0).check());

        assertEquals(new CheckSpec(CheckKind.REPLAY, 10, 4, 3, ReplayCheck.Interpolation.LINEAR, 1e-3), parse(withCheck(CHECK,
                "check:\n  kind: replay\n  substeps: 10\n  coordinates: 4\n  coordinate_seed: 3\n  interpolation: linear\n")).check());
        assertEquals(new CheckSpec(CheckKind.NORM, 20, 16, 7, ReplayCheck.Interpolation.HELD, 1e-3),
                parse(withCheck(QK, "check:\n  kind: norm\n  substeps: 20\n")).check());
        assertEquals(CheckSpec.defaults(CheckKind.INNER_PRODUCT), parse(kind("inner-product")).check());
        assertEquals(new CheckSpec(CheckKind.COARSE_GRAINING, 100, 8, 9, ReplayCheck.Interpolation.HELD, 0), parse(withCheck(QK,
                "check:\n  kind: coarse-graining\n  coordinates: 8\n  coordinate_seed: 9\n  perturbation: 0\n")).check());
        // a product grid of Adam (k = 1, no strategy) sweeping lr and weight decay is fine
        SweepSpec product = parse(replace(withProduct("  lr: [1.0e-4, 1.0e-3]\n  weight_decay: [0.0, 0.1]\n"),
                "  weight_decay: 0.1\n", ""));
        assertEquals(4, SweepExpander.expand(product).size());
    }

    /** A product grid (lines 15-16, then {@code grid}) on CHECK's optimizer and check, lr from the grid. */
    private static String withProduct(String grid) {
        return replace(replace(CHECK, """
                  kind: normal-curve
                  through: [0.999, 0.9]
                  points: 3
                  beta_range: [0.9516, 0.9660]
                """, "  kind: product\n" + grid), "schedule: {kind: constant, lr: 1.0e-3}", "schedule: {kind: constant}");
    }

    @Test
    void theKindMustBeAKnownCheck() {
        assertError(withCheck(CHECK, "check:\n  kind: jacobian\n"), 24, "check.kind",
                "must be one of replay, norm, inner-product, coarse-graining, got 'jacobian'");
        assertError(withCheck(CHECK, "check:\n  substeps: 10\n"), 23, "check.kind", "is required in check");
        assertError(withCheck(CHECK, "check: replay\n"), 23, "check", "mapping");
        assertError(withCheck(CHECK, "check:\n  kind: replay\n  interpolation: cubic\n"), 25, "check.interpolation",
                "must be one of held, linear, got 'cubic'");
        assertError(withCheck(CHECK, "check:\n  kind: replay\n  substeps: 0\n"), 25, "check.substeps", "must be an integer >= 1");
        assertError(withCheck(CHECK, "check:\n  kind: replay\n  coordinates: 0\n"), 25, "check.coordinates", ">= 1");
        assertError(withCheck(QK, "check:\n  kind: coarse-graining\n  perturbation: -1.0e-3\n"), 26, "check.perturbation",
                "must be a number >= 0");
    }

    @Test
    void keysOfAnotherKindAreRefused() {
        assertError(withCheck(QK, "check:\n  kind: inner-product\n  substeps: 10\n"), 26, "check.substeps",
                "is not a known key of an inner-product check; known keys: kind");
        assertError(withCheck(CHECK, "check:\n  kind: replay\n  perturbation: 1.0e-3\n"), 25, "check.perturbation",
                "is not a known key of a replay check; known keys: kind, substeps, coordinates, coordinate_seed, interpolation");
        assertError(withCheck(QK, "check:\n  kind: norm\n  coordinates: 4\n"), 26, "check.coordinates",
                "known keys: kind, substeps");
        assertError(withCheck(QK, "check:\n  kind: coarse-graining\n  interpolation: held\n"), 26, "check.interpolation",
                "known keys: kind, coordinates, coordinate_seed, perturbation");
    }

    @Test
    void theModelMustBeNanoGptWithQkNormWhereTheCheckIsAboutIt() {
        String cnn = replace(replace(CHECK, "dataset: generated", "dataset: fashion-mnist").replace("  tokenizer: byte\n", ""),
                "kind: gpt", "kind: cnn").replace("  layers: 1\n  heads: 2\n  dim: 32\n  context: 32\n", "");
        assertError(cnn, 3, "model.kind", "must be gpt for a replay check (Fig. 1)", "query/key weights");
        for (String label : List.of("norm", "inner-product", "coarse-graining")) {
            String check = "check:\n  kind: " + label + "\n";
            assertError(withCheck(CHECK, check), 3, "model.kind", "must set qk_norm: true for", label + " check",
                    "scale-invariant");
            assertError(withCheck(replace(CHECK, "  context: 32\n", "  context: 32\n  qk_norm: false\n"), check), 8,
                    "model.qk_norm", "must set qk_norm: true");
        }
        assertError(withCheck(CHECK, "check:\n  kind: inner-product\n"), 3, "model.kind",
                "an inner-product check (Fig. 8)", "also runs the same model without qk-norm");
        assertEquals(CheckKind.REPLAY, parse(CHECK).check().kind(), "replay follows any nanoGPT");
    }

    @Test
    void theOptimizerMustBeAdamWWithoutEps() {
        assertError(replace(CHECK, "coupling: decoupled", "coupling: coupled"), 22, "optimizer.coupling",
                "must be decoupled for a replay check (Fig. 1)", "AdamW's");
        assertError(replace(CHECK, "  coupling: decoupled\n", ""), 20, "optimizer.coupling", "must be decoupled",
                "defaults to coupled");
        assertError(replace(CHECK, "  coupling: decoupled\n", "  coupling: decoupled\n  eps: 1.0e-8\n"), 23, "optimizer.eps",
                "must be left at 1.0E-30 for a replay check", "has no eps");
    }

    @Test
    void aProductGridMustSweepAdamWOnly() {
        assertError(withProduct("  k: [1, 2]\n  strategy: [naive]\n  lr: [1.0e-4]\n"), 17, "grid.k",
                "must be 1", "for a replay check", "Adam's (k = 1)");
        assertError(withProduct("  k: [1]\n  strategy: [naive]\n  lr: [1.0e-4]\n"), 18, "grid.strategy",
                "does not apply to a replay check", "Adam's (k = 1)");
        assertError(withProduct("  strategy: [naive]\n  lr: [1.0e-4]\n"), 17, "grid.strategy", "does not apply");
        String sweptCoupling = replace(withProduct("  lr: [1.0e-4]\n  coupling: [coupled]\n"), "  coupling: decoupled\n", "");
        assertError(sweptCoupling, 18, "grid.coupling", "must be decoupled for a replay check");
        assertError(sweptCoupling.replace("[coupled]", "[coupled, decoupled]"), 18, "grid.coupling", "must be decoupled");
        // decoupled given in the grid instead of the optimizer section is AdamW too
        SweepSpec decoupled = parse(sweptCoupling.replace("[coupled]", "[decoupled]"));
        assertEquals(CheckSpec.defaults(CheckKind.REPLAY), decoupled.check());
        assertEquals("decoupled", SweepExpander.expand(decoupled).get(0).point().coupling());
    }

    @Test
    void theScheduleMustBeConstantAndTrainingPlain() {
        assertError(replace(CHECK, "{kind: constant, lr: 1.0e-3}", "{kind: warmup-cosine, lr: 1.0e-3}"), 14,
                "training.schedule.kind", "must be constant for a replay check", "fixed learning rate");
        assertError(replace(CHECK, "{kind: constant, lr: 1.0e-3}", "{kind: linear-warmup, lr: 1.0e-3, warmup: 5}"), 14,
                "training.schedule.kind", "must be constant");
        for (String line : List.of("eval_interval: 50", "eval_batches: 4", "bound_stop_factor: 10", "checkpoint_every: 50",
                "anneal: true")) {
            String key = line.substring(0, line.indexOf(':'));
            assertError(replace(CHECK, "  batch_size: 8\n", "  batch_size: 8\n  " + line + "\n"), 14, "training." + key,
                    "does not apply to a replay check", "leave it out");
        }
    }

    @Test
    void stepsMustFitTheRecordingAndTheSeriesLimits() {
        // training.steps is on line 12 of CHECK, 13 of QK
        // norm, 1 layer of dim 32: 2 · 32 · 32 = 2048 recorded values, 5 doubles each per iteration;
        // 5 · 2048 · (N + 1) · 8 bytes <= 512 MiB up to N = 6552
        String norm = kind("norm");
        assertEquals(6552, parse(replace(norm, "steps: 100", "steps: 6552")).training().steps());
        assertError(replace(norm, "steps: 100", "steps: 6553"), 13, "training.steps",
                "is too large for a norm check of this model", "keeps 5 values", "for each of 2,048 recorded weights at each of"
                        + " 6,554 iterations: 512.03 MB, more than 512 MB", "lower training.steps or model.dim");
        // coarse-graining holds 2 doubles per run and value, three runs (two without the perturbed reference): N <= 5460, or 8191
        String coarse = kind("coarse-graining");
        parse(replace(coarse, "steps: 100", "steps: 5460"));
        assertError(replace(coarse, "steps: 100", "steps: 5461"), 13, "training.steps", "coarse-graining check",
                "3 run(s)");
        parse(withCheck(replace(QK, "steps: 100", "steps: 8191"), "check:\n  kind: coarse-graining\n  perturbation: 0\n"));
        assertError(withCheck(replace(QK, "steps: 100", "steps: 8192"), "check:\n  kind: coarse-graining\n  perturbation: 0\n"),
                13, "training.steps", "2 run(s)");
        // replay writes 3 series x 16 coordinates x (N + 1) points, at most 5,000,000: N <= 104165
        parse(replace(CHECK, "steps: 100", "steps: 104165"));
        assertError(replace(CHECK, "steps: 100", "steps: 104166"), 12, "training.steps",
                "is too large for a replay check: it would write 5,000,016 curve points per trial, at most 5,000,000",
                "check.coordinates");
        assertError(withCheck(replace(CHECK, "steps: 100", "steps: 1000"), "check:\n  kind: replay\n  coordinates: 2000\n"),
                12, "training.steps", "6,006,000 curve points");
    }
}
