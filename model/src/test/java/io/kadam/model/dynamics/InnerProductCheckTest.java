package io.kadam.model.dynamics;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Fig. 8 on a tiny GPT: ⟨W(t_N), g(t_n)⟩ with and without qk-norm. */
class InnerProductCheckTest {

    @Test
    void innerProductsAreSmallWithQkNormOnly() {
        for (long seed : new long[]{1, 2}) {
            InnerProductCheck.Result r = InnerProductCheck.run(TinyRuns.setup(seed, 1e-3, 300), TinyRuns.TEXT);
            System.out.print("Fig. 8 tiny GPT, seed " + seed + ", 300 it:\n" + InnerProductCheck.format(r));
            InnerProductCheck.Summary on = r.withQkNorm();
            InnerProductCheck.Summary off = r.withoutQkNorm();
            // Lemma 2 at equal times: exact up to layer-norm's ε and float32
            assertTrue(on.meanAbsCosineSameTime() < 1e-3, "cos(W_n, g_n) with qk-norm: " + on);
            assertTrue(off.meanAbsCosineSameTime() > 100 * on.meanAbsCosineSameTime(), "without qk-norm g_n has a radial part: " + off);
            // Fig. 8's quantity against the final W, as a cosine: the raw inner products are not comparable
            // across the two runs, since qk-norm changes the size of g_W (here they are of the same order)
            assertTrue(off.meanAbsCosineWithFinal() > 2 * on.meanAbsCosineWithFinal(), on + " vs " + off);
            assertTrue(on.lateAbsCosineWithFinal() < on.meanAbsCosineWithFinal(), "with qk-norm it falls towards 0 as n -> N");
        }
    }
}
