package io.kadam.optimizer.theory;

import java.util.ArrayList;
import java.util.List;

/**
 * The part of a curve with β in [betaFrom, betaTo], inside the closed unit square. An end whose
 * β is an end of the curve's {@link Curve#betaRange()} lies on the boundary of the square.
 */
public record Section(Curve curve, double betaFrom, double betaTo) {

    public Section {
        if (curve == null) {
            throw new IllegalArgumentException("curve must not be null");
        }
        Curve.BetaRange range = curve.betaRange();
        requireInRange("betaFrom", betaFrom, range);
        requireInRange("betaTo", betaTo, range);
        if (!(betaFrom < betaTo)) {
            throw new IllegalArgumentException(
                    "betaFrom must be < betaTo, got betaFrom " + betaFrom + ", betaTo " + betaTo);
        }
    }

    public boolean startsOnBoundary() {
        return betaFrom == curve.betaRange().lo();
    }

    public boolean endsOnBoundary() {
        return betaTo == curve.betaRange().hi();
    }

    /** Low-β end; on the boundary it is the curve's exact exit point, not (β, γ(β)) rounded. */
    public Vec2 start() {
        return startsOnBoundary() ? curve.lowerEnd() : new Vec2(betaFrom, curve.gamma(betaFrom));
    }

    public Vec2 end() {
        return endsOnBoundary() ? curve.upperEnd() : new Vec2(betaTo, curve.gamma(betaTo));
    }

    /** Euclidean arc length in the (β, γ) plane. */
    public double length() {
        return new ArcWalk(curve, start(), end()).length();
    }

    /**
     * {@code count} points equally spaced in Euclidean arc length in the (β, γ) plane, in order
     * of increasing β, with s measured from the low-β end. An end on the boundary of the unit
     * square is not a valid Adam point, so it is excluded, but the spacing stays equal and
     * includes the gap to the excluded end:
     *
     * <ul>
     *   <li>both ends on the boundary: s_j = j·L/(count+1), j = 1..count;
     *   <li>one end on the boundary: points at j·L/count from the boundary end, j = 1..count
     *       (so the interior end is included);
     *   <li>both ends inside: s_j = j·L/(count−1), j = 0..count−1, both ends included; for
     *       count = 1, the midpoint s = L/2.
     * </ul>
     */
    public List<CurvePoint> points(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be >= 1, got " + count);
        }
        double length = length();
        double[] s = new double[count];
        for (int j = 0; j < count; j++) {
            s[j] = arcPosition(j, count, length);
        }
        List<Vec2> at = new ArcWalk(curve, start(), end()).at(s);
        List<CurvePoint> out = new ArrayList<>(count);
        for (int j = 0; j < count; j++) {
            // interior ends are reported exactly as given, not as the walk's approximation
            Vec2 x = s[j] == 0.0 ? start() : s[j] == length ? end() : at.get(j);
            out.add(new CurvePoint(s[j], new AdamPoint(x.beta(), x.gamma())));
        }
        return out;
    }

    private double arcPosition(int j, int count, double length) {
        boolean lo = startsOnBoundary();
        boolean hi = endsOnBoundary();
        if (lo && hi) {
            return (j + 1) * length / (count + 1);
        }
        if (lo) {
            return j == count - 1 ? length : (j + 1) * length / count;
        }
        if (hi) {
            return j * length / count;
        }
        return count == 1 ? 0.5 * length : j * length / (count - 1);
    }

    private static void requireInRange(String field, double beta, Curve.BetaRange range) {
        if (!(beta >= range.lo() && beta <= range.hi())) {
            throw new IllegalArgumentException(
                    field + " must be in the curve's range [" + range.lo() + ", " + range.hi()
                            + "], got " + beta);
        }
    }
}
