package io.kadam.optimizer.theory;

/**
 * A curve in (β, γ) space that is the graph of a strictly monotone γ(β): a normal curve
 * (γ decreases with β) or a level curve of C (γ increases with β). Being strictly monotone,
 * it also has an inverse β(γ), which is the well-conditioned one where the curve is steep.
 */
public sealed interface Curve permits NormalCurve, LevelCurve {

    /** The open β-interval where a curve lies strictly inside the unit square (0, 1)². */
    record BetaRange(double lo, double hi) {
        public boolean contains(double beta) {
            return beta > lo && beta < hi;
        }
    }

    double gamma(double beta);

    double beta(double gamma);

    /** Where the curve meets the boundary of the unit square on its low-β side. */
    Vec2 lowerEnd();

    /** Where the curve meets the boundary of the unit square on its high-β side. */
    Vec2 upperEnd();

    /**
     * Unit tangent, oriented so that β increases. On the curve it is the curve's tangent; off
     * the curve it is a smooth direction field whose integral curves are close relatives of this
     * one (the arc-length walk evaluates it there).
     */
    Vec2 tangent(double beta, double gamma);

    default Vec2 tangent(double beta) {
        return tangent(beta, gamma(beta));
    }

    default BetaRange betaRange() {
        return new BetaRange(lowerEnd().beta(), upperEnd().beta());
    }

    /**
     * Moves a point near the curve onto it along one coordinate axis: along γ where the curve is
     * flatter than 45°, along β where it is steeper, so that the explicit formula used is
     * well-conditioned (e.g. near the vertical γ = 0 end of a normal curve).
     */
    default Vec2 project(Vec2 p) {
        Vec2 t = tangent(p.beta(), p.gamma());
        return Math.abs(t.gamma()) <= Math.abs(t.beta())
                ? new Vec2(p.beta(), gamma(p.beta()))
                : new Vec2(beta(p.gamma()), p.gamma());
    }

    /** Part of the curve with β in [betaFrom, betaTo]; see {@link Section}. */
    default Section section(double betaFrom, double betaTo) {
        return new Section(this, betaFrom, betaTo);
    }

    /** The whole curve inside the unit square: both ends lie on its boundary. */
    default Section whole() {
        BetaRange range = betaRange();
        return new Section(this, range.lo(), range.hi());
    }
}
