package io.kadam.optimizer.theory;

/**
 * The level curve B_c = {C(β, γ) = c} (Section 3.1). From C = 2/γ − 1/β − 1 = c:
 * 2/γ = (1 + (1+c)β)/β, so γ(β) = 2β / (1 + (1+c)β), increasing in β. c = 0 is the boundary
 * B0 between bounded and growing updates, γ = 2β/(1+β).
 */
public record LevelCurve(double c) implements Curve {

    public LevelCurve {
        if (!Double.isFinite(c)) {
            throw new IllegalArgumentException("c must be finite, got " + c);
        }
    }

    public static LevelCurve of(double c) {
        return new LevelCurve(c);
    }

    /** The level curve through p, c = C(p). */
    public static LevelCurve through(AdamPoint p) {
        return new LevelCurve(p.c());
    }

    @Override
    public double gamma(double beta) {
        return 2.0 * beta / (1.0 + (1.0 + c) * beta);
    }

    /** Inverse of {@link #gamma}: γ(1 + (1+c)β) = 2β gives β = γ / (2 − (1+c)γ). */
    @Override
    public double beta(double gamma) {
        return gamma / (2.0 - (1.0 + c) * gamma);
    }

    /** Every level curve starts at the corner (0, 0) with slope 2. */
    @Override
    public Vec2 lowerEnd() {
        return new Vec2(0.0, 0.0);
    }

    /**
     * γ < 1 ⟺ (1−c)β < 1: for c < 0 the curve reaches γ = 1 at β = 1/(1−c) < 1, otherwise it
     * reaches β = 1 at γ = 2/(2+c). (The denominator 1 + (1+c)β stays positive before that.)
     */
    @Override
    public Vec2 upperEnd() {
        return c < 0 ? new Vec2(1.0 / (1.0 - c), 1.0) : new Vec2(1.0, 2.0 / (2.0 + c));
    }

    /**
     * On the curve the tangent is perpendicular to ∇C = (1/β², −2/γ²), i.e. along
     * (2β², γ²) ∝ (1, dγ/dβ) with dγ/dβ = 2/(1 + (1+c)β)². We use the latter, which depends on β
     * only: it stays smooth at the corner (0, 0), where (2β², γ²) is 0/0.
     */
    @Override
    public Vec2 tangent(double beta, double gamma) {
        double d = 1.0 + (1.0 + c) * beta;
        return new Vec2(d * d, 2.0).unit();
    }
}
