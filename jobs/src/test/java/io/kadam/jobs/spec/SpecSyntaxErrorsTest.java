package io.kadam.jobs.spec;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static io.kadam.jobs.spec.TestSpecs.BASE;
import static io.kadam.jobs.spec.TestSpecs.PRODUCT;
import static io.kadam.jobs.spec.TestSpecs.assertError;
import static io.kadam.jobs.spec.TestSpecs.base;
import static io.kadam.jobs.spec.TestSpecs.replace;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Errors in the shape of a spec: YAML, keys, types. Each names the file, the line and the key path. */
class SpecSyntaxErrorsTest {

    @Test
    void malformedYamlIsWrappedWithTheFileAndLine() {
        SpecException e = assertError(base("  heads: 2\n", "  heads: [2\n"), 6, null, "malformed YAML");
        assertEquals(TestSpecs.SOURCE, e.source());
        assertError(base("  dim: 32\n", "   dim: 32\n"), 6, null, "malformed YAML");
    }

    @Test
    void aFileIsNamedAsGiven(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("fig3.yaml");
        Files.writeString(file, TestSpecs.base("points: 3", "points: sixty"));
        SpecException e = assertThrows(SpecException.class, () -> SpecParser.parse(file, DataCheck.NONE));
        assertEquals(file + ":18: grid.points must be an integer >= 1, got 'sixty'", e.getMessage());
        assertEquals(18, e.line());
        assertEquals("grid.points", e.keyPath());
        e = assertThrows(SpecException.class, () -> SpecParser.parse(dir.resolve("none.yaml"), DataCheck.NONE));
        assertTrue(e.getMessage().startsWith(dir.resolve("none.yaml") + ": cannot read the spec"), e.getMessage());
    }

    @Test
    void anEmptyFileOrOneThatIsNotAMapping() {
        assertError("", 1, null, "the spec is empty", "name, description, model");
        assertError("# only a comment\n", 1, null, "the spec is empty");
        assertError("- a\n- b\n", 1, null, "must be a mapping of keys");
    }

    @Test
    void duplicateKeys() {
        assertError(base("  dim: 32\n", "  dim: 32\n  dim: 64\n"), 7, "model.dim", "given twice", "first on line 6");
        assertError(BASE + "name: again\n", 20, "name", "given twice", "first on line 1");
    }

    @Test
    void unknownKeysListTheKnownOnes() {
        assertError(BASE + "colour: red\n", 20, "colour", "not a known key", "known keys: name, description, model, data");
        assertError(base("  layers: 1\n", "  layer: 1\n"), 4, "model.layer", "not a known key of a gpt model", "layers");
        assertError(base("  steps: 100\n", "  steps: 100\n  lr: 1.0e-3\n"), 13, "training.lr", "not a known key", "schedule");
        assertError(base("{kind: constant, lr: 1.0e-3}", "{kind: constant, lr: 1.0e-3, warmup: 10}"), 14,
                "training.schedule.warmup", "not a known key of a constant schedule");
        assertError(base("  dataset: generated\n  tokenizer: byte\n", "  dataset: cifar10\n  tokenizer: byte\n"), 10,
                "data.tokenizer", "image dataset cifar10");
    }

    @Test
    void wrongTypes() {
        assertError(base("points: 3", "points: sixty"), 18, "grid.points", "must be an integer >= 1, got 'sixty'");
        assertError(base("points: 3", "points: 2.5"), 18, "grid.points", "must be an integer >= 1, got '2.5'");
        assertError(base("lr: 1.0e-3", "lr: \"1.0e-3\""), 14, "training.schedule.lr", "must be a number > 0",
                "the quoted string \"1.0e-3\"");
        assertError(base("through: [0.999, 0.9]", "through: 0.999"), 17, "grid.through", "must be a pair [beta, gamma]");
        assertError(base("through: [0.999, 0.9]", "through: [0.999, 0.9, 0.5]"), 17, "grid.through", "must be a pair");
        assertError(base("model:\n  kind: gpt\n", "model:\n  kind: [gpt]\n"), 3, "model.kind", "must be a single value");
        assertError(base("  steps: 100\n", "  steps: 100\n  anneal: maybe\n"), 13, "training.anneal", "must be true or false");
        assertError(base("  dim: 32\n", "  dim: 1e9999\n"), 6, "model.dim", "must be an integer");
        assertError(base("  dim: 32\n", "  dim: 99999999999\n"), 6, "model.dim", "must be an integer in [1, 2147483647]");
        assertError(base("lr: 1.0e-3", "lr: .nan"), 14, "training.schedule.lr", "must be a number > 0");
        assertError(replace(BASE, "data:\n", "data: tinyshakespeare\n").replace("  dataset: generated\n  tokenizer: byte\n", ""),
                8, "data", "must be a mapping of keys");
    }

    @Test
    void missingRequiredKeys() {
        String noGrid = BASE.substring(0, BASE.indexOf("grid:"));
        assertError(noGrid, 1, "grid", "is required");
        assertError(base("  batch_size: 8\n", ""), 11, "training.batch_size", "is required in training");
        assertError(base("  steps: 100\n", ""), 11, "training.steps", "is required");
        assertError(base("  heads: 2\n", ""), 2, "model.heads", "is required");
        assertError(base("name: tiny\n", ""), 1, "name", "is required");
        assertError(base("  tokenizer: byte\n", ""), 8, "data.tokenizer", "is required for the text dataset generated");
        assertError(base("  schedule: {kind: constant, lr: 1.0e-3}\n", ""), 11, "training.schedule", "is required");
        assertError(base("{kind: constant, lr: 1.0e-3}", "{kind: constant}"), 14, "training.schedule.lr", "is required");
        assertError(base("  through: [0.999, 0.9]\n", ""), 15, "grid.through", "is required");
    }

    @Test
    void aGridHasExactlyOneKind() {
        assertError(base("  points: 3\n", "  points: 3\n  lr: [1.0e-3]\n"), 19, "grid.lr",
                "belongs to grid kind product, not normal-curve", "exactly one kind");
        assertError(base("kind: normal-curve", "kind: [normal-curve, product]"), 16, "grid.kind", "must be a single value");
        assertError(base("kind: normal-curve", "kind: spiral"), 16, "grid.kind",
                "must be one of normal-curve, level-curve, b0, points, product, got 'spiral'");
        assertError(base("kind: normal-curve", "kind: b0"), 17, "grid.through", "belongs to grid kind");
        assertError(base("kind: normal-curve", "kind: level-curve") .replace("  points: 3\n", "  points: 3\n  c: 0.1\n"),
                17, "grid.through", "or grid.c is required for a level-curve grid (exactly one of them)");
    }

    @Test
    void aValueGivenInTwoPlaces() {
        assertError(PRODUCT.replace("{kind: constant}", "{kind: constant, lr: 1.0e-3}"), 14, "training.schedule.lr",
                "is swept by the product grid's lr");
        assertError(PRODUCT + "optimizer: {coupling: decoupled}\n", 20, "grid.coupling", "also given as optimizer.coupling");
        assertError(base("  points: 3\n", "  points: 3\n  seeds: [1, 2]\n").replace("  steps: 100\n", "  steps: 100\n  seed: 3\n"),
                20, "grid.seeds", "training.seed (line 13) are both given");
        assertError(BASE + "optimizer: {beta: 0.95}\n", 20, "optimizer.beta", "is set for each trial by the normal-curve grid");
        assertError(base("  steps: 100\n", "  steps: 100\n  epochs: 2\n").replace("generated", "mnist")
                .replace("  tokenizer: byte\n", "").replace("kind: gpt", "kind: cnn")
                .replace("  layers: 1\n  heads: 2\n  dim: 32\n  context: 32\n", ""), 8, "training.epochs", "both given");
    }

    @Test
    void listsMustNotRepeatAValue() {
        assertError(PRODUCT.replace("lr: [1.0e-4, 1.0e-3]", "lr: [1.0e-3, 0.001]"), 19, "grid.lr", "lists 0.001 twice");
        assertError(PRODUCT.replace("k: [1, 2]", "k: [2, 1, 2]"), 17, "grid.k", "lists 2 twice");
        assertError(base("  points: 3\n", "  points: 3\n  seeds: [1,\n    1]\n"), 20, "grid.seeds[1]", "repeats seed 1");
    }
}
