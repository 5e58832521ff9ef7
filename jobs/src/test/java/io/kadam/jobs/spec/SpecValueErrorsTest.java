package io.kadam.jobs.spec;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static io.kadam.jobs.spec.TestSpecs.PRODUCT;
import static io.kadam.jobs.spec.TestSpecs.assertError;
import static io.kadam.jobs.spec.TestSpecs.base;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Values out of range, and data that is not there. Each error names the file, the line and the key path. */
class SpecValueErrorsTest {

    private static final String CNN = base("  dataset: generated\n  tokenizer: byte\n", "  dataset: fashion-mnist\n")
            .replace("kind: gpt", "kind: cnn").replace("  layers: 1\n  heads: 2\n  dim: 32\n  context: 32\n", "");

    @Test
    void betaAndGammaMustBeInsideTheOpenUnitInterval() {
        assertError(base("through: [0.999, 0.9]", "through: [1, 0.9]"), 17, "grid.through[0]",
                "must be a number in the open interval (0, 1), got '1'");
        assertError(base("through: [0.999, 0.9]", "through: [0.999, 0]"), 17, "grid.through[1]", "(0, 1), got '0'");
        assertError(PRODUCT + "optimizer: {beta: 1.0}\n", 21, "optimizer.beta", "(0, 1), got '1.0'");
        String points = base("  through: [0.999, 0.9]\n  points: 3\n  beta_range: [0.9516, 0.9660]\n",
                "  points:\n    - [0.999, 0.9]\n    - [0.95, 1.5]\n").replace("normal-curve", "points");
        assertError(points, 19, "grid.points[1][1]", "(0, 1), got '1.5'");
    }

    @Test
    void countsRatesAndDecaysOutOfRange() {
        assertError(base("points: 3", "points: 0"), 18, "grid.points", "must be an integer >= 1, got '0'");
        assertError(PRODUCT.replace("k: [1, 2]", "k: [0, 1]"), 17, "grid.k[0]", "must be an integer >= 1, got '0'");
        assertError(base("lr: 1.0e-3", "lr: -1.0e-3"), 14, "training.schedule.lr", "must be a number > 0, got '-1.0e-3'");
        assertError(PRODUCT.replace("lr: [1.0e-4, 1.0e-3]", "lr: [1.0e-4, -1]"), 19, "grid.lr[1]", "must be a number > 0");
        assertError(base("name: tiny\n", "name: tiny\noptimizer:\n  weight_decay: -0.1\n"), 3, "optimizer.weight_decay",
                "must be a number >= 0, got '-0.1'");
        assertError(base("name: tiny\n", "name: tiny\noptimizer: {eps: 1.0e-50}\n"), 2, "optimizer.eps",
                "must be 0 or in [1.4e-45, 1]", "got '1.0e-50'");
        assertError(base("  steps: 100\n", "  steps: 0\n"), 12, "training.steps", "must be an integer >= 1");
        assertError(base("  dim: 32\n", "  dim: 33\n"), 6, "model.dim", "divisible by model.heads (2), got 33");
        assertError(base("  dim: 32\n", "  dim: 32\n  dropout: 1\n"), 7, "model.dropout", "must be in [0, 1)");
        assertError(base("  tokenizer: byte\n", "  tokenizer: byte\n  test_fraction: 1\n"), 11, "data.test_fraction", "(0, 1)");
        assertError(base("{kind: constant, lr: 1.0e-3}", "{kind: warmup-cosine, lr: 1.0e-3, warmup: 200, total: 100}"),
                14, "training.schedule.total", "must be >= warmup (200)");
        assertError(base("{kind: constant, lr: 1.0e-3}", "{kind: warmup-cosine, lr: 1.0e-3, floor: 1.0e-2}"),
                14, "training.schedule.floor", "must be <= lr");
        assertError(CNN.replace("kind: cnn", "kind: cnn\n  stages: [8, 8, 8, 8, 8]"),
                4, "model.stages", "do not fit the 28x28 images of fashion-mnist");
    }

    @Test
    void analysisParametersFitTheRun() {
        assertEquals(new Analysis(66, 100, 100), TestSpecs.parse(TestSpecs.BASE).analysis(), "defaults from 100 steps");
        assertEquals(new Analysis(50, 80, 90), TestSpecs.parse(TestSpecs.BASE + "analysis: {slope_step: 50, n1: 80, n2: 90}\n").analysis());
        assertEquals(new Analysis(94, 100, 100), TestSpecs.parse(TestSpecs.BASE + "analysis:\n  slope_step: 94\n").analysis(),
                "steps 89 and 99 exist: the last slope step of a 100-step run");
        assertError(TestSpecs.BASE + "analysis:\n  slope_step: 95\n", 21, "analysis.slope_step", "at most 94, got 95");
        assertError(TestSpecs.BASE + "analysis:\n  slope_step: 4\n", 21, "analysis.slope_step", "must be an integer >= 5");
        assertError(TestSpecs.BASE + "analysis:\n  n1: 0\n", 21, "analysis.n1", "must be an integer >= 1");
        assertError(TestSpecs.BASE + "analysis:\n  n3: 10\n", 21, "analysis.n3", "slope_step, n1, n2");
    }

    @Test
    void betaRangeMustBeIncreasingAndOnTheCurve() {
        assertError(base("beta_range: [0.9516, 0.9660]", "beta_range: [0.9, 0.9660]"), 19, "grid.beta_range",
                "must lie within the β range where the curve is inside the unit square, [0.951522");
        assertError(base("beta_range: [0.9516, 0.9660]", "beta_range: [0.9660, 0.9516]"), 19, "grid.beta_range",
                "must be increasing");
        assertError(base("beta_range: [0.9516, 0.9660]", "beta_range: [0.96, 1.01]"), 19, "grid.beta_range", "within");
        assertError(base("beta_range: [0.9516, 0.9660]", "beta_range: 0.96"), 19, "grid.beta_range", "a pair [from, to]");
    }

    @Test
    void productGridsNeedAStrategyForKAboveOne() {
        assertError(PRODUCT.replace("  strategy: [inverse-exp, naive]\n", ""), 17, "grid.k", "needs grid.strategy");
        assertError(PRODUCT.replace("naive]", "lazy]"), 18, "grid.strategy[1]",
                "must be one of inverse-exp, exp, scaled, naive, got 'lazy'");
        assertError(PRODUCT.replace("coupling: [coupled, decoupled]", "coupling: [both]"), 20, "grid.coupling[0]",
                "coupled, decoupled");
    }

    @Test
    void dataThatCannotWork() {
        assertError(base("dataset: generated", "dataset: imagenet"), 9, "data.dataset",
                "must be one of tinyshakespeare, c4, generated, fashion-mnist", "got 'imagenet'");
        assertError(base("tokenizer: byte", "tokenizer: bpe"), 10, "data.tokenizer", "must be one of byte, char, gpt2, got 'bpe'");
        assertError(base("tokenizer: byte", "tokenizer: char"), 2, "model.vocab_size", "is required with data.tokenizer: char");
        assertError(base("tokenizer: byte", "tokenizer: char").replace("generated", "c4"), 10, "data.tokenizer",
                "char needs the whole corpus");
        assertError(base("  dim: 32\n", "  dim: 32\n  vocab_size: 100\n"), 7, "model.vocab_size", ">= 256");
        assertError(CNN.replace("kind: cnn", "kind: gpt"), 3, "model.kind", "fashion-mnist, an image set: use kind: cnn");
        assertError(base("kind: gpt", "kind: cnn"), 3, "model.kind", "text: use kind: gpt");
        assertError(base("  steps: 100\n", "  epochs: 2\n"), 12, "training.epochs", "needs an image dataset");
        assertError(base("{kind: constant, lr: 1.0e-3}", "{kind: linear-warmup, lr: 1.0e-3, warmup: 5, unit: epoch}"),
                14, "training.schedule.unit", "training length is in steps");
    }

    @Test
    void sweepNamesAreLowerCaseWords() {
        assertError(base("name: tiny", "name: Fig 3"), 1, "name", "[a-z0-9_-]+", "got 'Fig 3'");
        assertError(base("name: tiny", "name: fig/3"), 1, "name", "Parquet partition");
    }

    @Test
    void aMissingDataFileIsFoundAtParseTime(@TempDir Path dir) throws IOException {
        String yaml = base("  dataset: generated\n", "  dataset: tinyshakespeare\n  data_dir: " + dir + "\n");
        DataCheck check = DataCheck.resolver(Map.of());
        SpecException e = assertThrows(SpecException.class, () -> SpecParser.parse(yaml, "test.yaml", check));
        assertTrue(e.getMessage().startsWith("test.yaml:9: data.dataset 'tinyshakespeare' is not available"), e.getMessage());
        assertTrue(e.getMessage().contains(dir.resolve("tinyshakespeare").toString()), e.getMessage());

        Files.createDirectories(dir.resolve("tinyshakespeare"));
        Files.writeString(dir.resolve("tinyshakespeare/input.txt"), "First Citizen:\n");
        assertEquals("tinyshakespeare", SpecParser.parse(yaml, "test.yaml", check).data().dataset());
        // without data_dir, KADAM_DATA_DIR says where the data is
        String fromEnv = base("dataset: generated", "dataset: tinyshakespeare");
        SpecParser.parse(fromEnv, "test.yaml", DataCheck.resolver(Map.of("KADAM_DATA_DIR", dir.toString())));
        e = assertThrows(SpecException.class, () -> SpecParser.parse(fromEnv, "test.yaml", check));
        assertTrue(e.getMessage().startsWith("test.yaml:9: data.dataset") && e.getMessage().contains("KADAM_DATA_DIR"),
                e.getMessage());
    }

    @Test
    void generatedTextNeedsNoFiles() {
        assertEquals("generated", SpecParser.parse(TestSpecs.BASE, "test.yaml", DataCheck.resolver(Map.of())).data().dataset());
    }

    @Test
    void epochsBecomeStepsForImages() {
        SweepSpec spec = TestSpecs.parse(CNN.replace("  steps: 100\n", "  epochs: 2\n  eval_interval: 1\n")
                .replace("batch_size: 8", "batch_size: 512"));
        assertEquals(2 * 118, spec.training().steps()); // ceil(60000 / 512) = 118
        assertEquals(118, spec.training().evalInterval());
        assertEquals(0, spec.training().evalBatches()); // images: the whole test set
    }
}
