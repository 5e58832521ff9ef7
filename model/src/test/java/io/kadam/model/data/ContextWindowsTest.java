package io.kadam.model.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kadam.model.SeededRandom;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContextWindowsTest {

    /** tokens[i] = i, so a window's first token is its start. */
    private static int[] iota(int n) {
        int[] tokens = new int[n];
        Arrays.setAll(tokens, i -> i);
        return tokens;
    }

    @Test
    void yIsXShiftedByOne() {
        ContextWindows windows = new ContextWindows(iota(100), 8);
        TokenBatch batch = windows.sample(new SeededRandom(1), 4);
        assertEquals(32, batch.x().length);
        for (int b = 0; b < 4; b++) {
            for (int t = 0; t < 8; t++) {
                int i = b * 8 + t;
                assertEquals(batch.x()[b * 8] + t, batch.x()[i]);
                assertEquals(batch.x()[i] + 1, batch.y()[i]);
            }
        }
    }

    @Test
    void sameSeedSameBatchesDifferentSeedDifferent() {
        ContextWindows windows = new ContextWindows(iota(10_000), 16);
        TokenBatch a = windows.sample(new SeededRandom(7), 8);
        TokenBatch b = windows.sample(new SeededRandom(7), 8);
        TokenBatch c = windows.sample(new SeededRandom(8), 8);
        assertArrayEquals(a.x(), b.x());
        assertArrayEquals(a.y(), b.y());
        assertFalse(Arrays.equals(a.x(), c.x()));
    }

    @Test
    void fixedBatchesAreStable() {
        ContextWindows windows = new ContextWindows(iota(1000), 4);
        List<TokenBatch> first = windows.fixedBatches(42, 40, 2);
        List<TokenBatch> again = windows.fixedBatches(42, 40, 2);
        assertEquals(40, first.size());
        for (int i = 0; i < 40; i++) {
            assertArrayEquals(first.get(i).x(), again.get(i).x());
            assertArrayEquals(first.get(i).y(), again.get(i).y());
        }
        assertFalse(Arrays.equals(first.get(0).x(), windows.fixedBatches(43, 1, 2).get(0).x()));
    }

    @Test
    void startsCoverTheWholeValidRange() {
        int n = 20;
        int context = 5;
        ContextWindows windows = new ContextWindows(iota(n), context);
        boolean[] seen = new boolean[n];
        SeededRandom rng = new SeededRandom(3);
        for (int i = 0; i < 200; i++) {
            TokenBatch batch = windows.sample(rng, 4);
            for (int b = 0; b < 4; b++) {
                int start = batch.x()[b * context];
                assertTrue(start >= 0 && start <= n - context - 1, "start " + start);
                seen[start] = true;
                assertTrue(batch.y()[b * context + context - 1] <= n - 1);
            }
        }
        for (int start = 0; start <= n - context - 1; start++) {
            assertTrue(seen[start], "start " + start + " never drawn");
        }
    }

    @Test
    void contextLongerThanDataSaysHowManyTokensAreNeeded() {
        DataException e = assertThrows(DataException.class, () -> new ContextWindows(iota(64), 64));
        assertTrue(e.getMessage().contains("at least 65 tokens") && e.getMessage().contains("only 64"), e.getMessage());
        assertThrows(DataException.class, () -> new ContextWindows(iota(10), 0));
        new ContextWindows(iota(65), 64); // exactly one window
    }
}
