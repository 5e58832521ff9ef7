package io.kadam.model.preset;

import io.kadam.model.data.TextCorpus;
import io.kadam.model.data.TokenSplit;
import io.kadam.optimizer.theory.AdamPoint;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The paper's Fig. 3 effect at CPU scale on tinyshakespeare: in B− the max-update grows at
 * log γ − ½ log β per step, a few percent below the predicted |C|/2.
 */
class Fig3PresetTest {

    @Test
    void slopeInBMinusTracksHalfC() {
        Path text = Path.of(System.getProperty("kadam.shared.dir", "../../shared"), "data/tinyshakespeare/input.txt");
        assumeTrue(Files.isRegularFile(text), "tinyshakespeare not found at " + text);
        TokenSplit bytes = TextCorpus.load(text, "byte", TextCorpus.DEFAULT_TEST_FRACTION);
        List<AdamPoint> all = Fig3Preset.points(8);
        List<AdamPoint> bMinus = List.of(all.get(1), all.get(2)); // β ≈ 0.9547, 0.9563: C ≈ −0.036, −0.028
        List<Fig3Preset.Row> rows = Fig3Preset.run(bytes, bMinus, 1000, 800);
        System.out.print(Fig3Preset.format(rows, 800));
        for (Fig3Preset.Row r : rows) {
            assertTrue(r.c() < 0, "a B- point");
            assertEquals("completed", r.status());
            assertEquals(r.discreteRate(), r.measured()[0], 0.03 * r.discreteRate(), "slope vs log γ − ½ log β at " + r.point());
            assertTrue(Math.abs(r.relativeError(0)) < 0.06, "slope vs |C|/2 at " + r.point() + ": " + r.relativeError(0));
        }
    }
}
