package io.kadam.optimizer.ode;

/**
 * A given u(t) (possibly depending on θ) to drive Eq. 4 directly, instead of AdamW's moments:
 * for closed-form checks (u ≡ 0 of Appendix C, a constant u) and other update rules.
 */
@FunctionalInterface
public interface UpdateFunction {

    /** Writes u(t) into {@code out}; must not modify θ. */
    void update(double t, double[] theta, double[] out);
}
