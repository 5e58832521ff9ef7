package io.kadam.optimizer.theory;

import java.util.Optional;

/**
 * A normal curve (Appendix F): perpendicular to every level curve of C that it meets, hence C
 * changes monotonically along it (it increases with β). Its slope dγ/dβ = (∂C/∂γ)/(∂C/∂β)
 * = −2β²/γ² integrates to 2β³ + γ³ = k, i.e. γ(β) = (k − 2β³)^(1/3).
 *
 * @param k the integration constant 2β0³ + γ0³; in (0, 3) so that the curve meets (0, 1)²
 */
public record NormalCurve(double k) implements Curve {

    public NormalCurve {
        if (!(k > 0.0 && k < 3.0)) {
            throw new IllegalArgumentException(
                    "k must be in (0, 3) for the curve to enter the unit square, got " + k);
        }
    }

    /** The normal curve through p: k = 2β0³ + γ0³. */
    public static NormalCurve through(AdamPoint p) {
        double b = p.beta();
        double g = p.gamma();
        return new NormalCurve(2.0 * b * b * b + g * g * g);
    }

    @Override
    public double gamma(double beta) {
        return Math.cbrt(k - 2.0 * beta * beta * beta);
    }

    @Override
    public double beta(double gamma) {
        return Math.cbrt(0.5 * (k - gamma * gamma * gamma));
    }

    /** Where γ = 1 if k > 1 (at β = ((k−1)/2)^(1/3)), else on β = 0. */
    @Override
    public Vec2 lowerEnd() {
        return k > 1.0 ? new Vec2(Math.cbrt(0.5 * (k - 1.0)), 1.0) : new Vec2(0.0, Math.cbrt(k));
    }

    /** Where γ = 0 if k < 2 (at β = (k/2)^(1/3), where the curve is vertical), else on β = 1. */
    @Override
    public Vec2 upperEnd() {
        return k < 2.0 ? new Vec2(Math.cbrt(0.5 * k), 0.0) : new Vec2(1.0, Math.cbrt(k - 2.0));
    }

    /**
     * Along ∇C = (1/β², −2/γ²), scaled to (γ², −2β²): finite even where the curve is vertical.
     * Off the curve this is the tangent of the neighbouring normal curve.
     */
    @Override
    public Vec2 tangent(double beta, double gamma) {
        return new Vec2(gamma * gamma, -2.0 * beta * beta).unit();
    }

    /**
     * The point where this curve crosses C = 0 (the B0 boundary). Every normal curve does: at its
     * low-β end C = −(1−β)/β < 0 (γ = 1) or −∞ (β = 0), at its high-β end C = 2(1−γ)/γ > 0
     * (β = 1) or +∞ (γ = 0). Optional only for symmetry with {@link #crossing(double)}.
     */
    public Optional<AdamPoint> crossingOfZero() {
        return crossing(0.0);
    }

    /**
     * The point where this curve crosses the level curve C = c, found by bisection on β (C is
     * strictly increasing along the curve); empty if that happens outside the open unit square.
     */
    public Optional<AdamPoint> crossing(double c) {
        if (!Double.isFinite(c)) {
            throw new IllegalArgumentException("c must be finite, got " + c);
        }
        // at the ends C may be ±Infinity (β = 0 or γ = 0); only its sign matters
        Vec2 lo = lowerEnd();
        Vec2 hi = upperEnd();
        if (!(Stability.c(lo.beta(), lo.gamma()) < c && Stability.c(hi.beta(), hi.gamma()) > c)) {
            return Optional.empty();
        }
        double a = lo.beta();
        double b = hi.beta();
        while (true) {
            double mid = 0.5 * (a + b);
            if (mid <= a || mid >= b) {
                break; // a and b are adjacent doubles
            }
            if (Stability.c(mid, gamma(mid)) < c) {
                a = mid;
            } else {
                b = mid;
            }
        }
        double g = gamma(b);
        // a crossing within rounding of a corner of the square is not a valid Adam point
        return b < 1.0 && g > 0.0 && g < 1.0 ? Optional.of(new AdamPoint(b, g)) : Optional.empty();
    }
}
