package io.kadam.optimizer.theory;

import java.util.OptionalDouble;

/**
 * What the theory predicts for one (β, γ) point at step n: one row of {@link TheoryTable}.
 *
 * @param predictedSlope |C|/2 in B−, else 0 (see {@link Stability#predictedSlope})
 * @param vanishingGradientRate log γ − ½ log β (see {@link Stability#vanishingGradientRate})
 * @param bound Eq. 5 at step n (see {@link Stability#bound(AdamPoint, long, double)})
 * @param arcPosition arc length s along the curve the point was taken from, if any
 */
public record TheoryRow(
        double beta,
        double gamma,
        double c,
        Region region,
        double predictedSlope,
        double vanishingGradientRate,
        long n,
        double bound,
        OptionalDouble arcPosition) {

    public static TheoryRow of(AdamPoint p, long n) {
        return of(p, OptionalDouble.empty(), n, 0.0);
    }

    public static TheoryRow of(CurvePoint cp, long n) {
        return of(cp.point(), OptionalDouble.of(cp.s()), n, 0.0);
    }

    /** Points with |C| ≤ zeroTolerance are reported, and bounded, as B0. */
    public static TheoryRow of(AdamPoint p, OptionalDouble arcPosition, long n, double zeroTolerance) {
        Region region = Region.of(p.c(), zeroTolerance);
        return new TheoryRow(
                p.beta(),
                p.gamma(),
                p.c(),
                region,
                region == Region.B_MINUS ? Stability.predictedSlope(p) : 0.0,
                Stability.vanishingGradientRate(p),
                n,
                Stability.bound(p, n, zeroTolerance),
                arcPosition);
    }
}
