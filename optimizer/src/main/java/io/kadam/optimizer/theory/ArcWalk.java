package io.kadam.optimizer.theory;

import java.util.ArrayList;
import java.util.List;

/**
 * Walks a curve at unit speed: RK4 on dX/ds = T(X), T the curve's unit tangent, with every step
 * projected back onto the exact curve. Parametrizing by arc length keeps the steps smooth where
 * the curve is vertical in β (a normal curve reaching γ = 0), where any β-parametrization fails.
 */
final class ArcWalk {

    /** RK4 step in arc length; curves inside the unit square are at most ~2 long. */
    private static final double STEP = 1e-4;

    private final Curve curve;
    private final Vec2 start;
    private final Vec2 end;
    private final Vec2 endTangent;

    ArcWalk(Curve curve, Vec2 start, Vec2 end) {
        this.curve = curve;
        this.start = start;
        this.end = end;
        this.endTangent = curve.tangent(end.beta(), end.gamma());
    }

    /** Arc length from start to end. */
    double length() {
        Vec2 x = start;
        for (long i = 0; ; i++) {
            if (i * STEP > 4) {
                // a monotone graph inside the unit square is at most 2 long
                throw new IllegalStateException("arc-length walk missed the end " + end);
            }
            Vec2 next = step(x, STEP);
            if (beyondEnd(next)) {
                return i * STEP + lastStepToEnd(x);
            }
            x = next;
        }
    }

    /** The points at arc positions {@code sorted} (ascending, within [0, length()]). */
    List<Vec2> at(double[] sorted) {
        List<Vec2> out = new ArrayList<>(sorted.length);
        Vec2 x = start;
        long i = 0;
        for (double s : sorted) {
            // s = i·STEP is computed by one multiplication, not accumulated, so it carries no drift
            while (s - (i + 1) * STEP > 0) {
                x = step(x, STEP);
                i++;
            }
            out.add(step(x, s - i * STEP));
        }
        return out;
    }

    /**
     * Past the end means past the line through the end perpendicular to the curve. Along the
     * curve this signed distance grows at speed T·T_end ≈ 1, so unlike β itself (which stops
     * moving at a vertical end) it crosses zero transversally and bisection finds it precisely.
     */
    private boolean beyondEnd(Vec2 x) {
        return x.minus(end).dot(endTangent) >= 0;
    }

    /** Bisection on the length of the last step, which crosses the end. */
    private double lastStepToEnd(Vec2 x) {
        double lo = 0.0;
        double hi = STEP;
        while (true) {
            double mid = 0.5 * (lo + hi);
            if (mid <= lo || mid >= hi) {
                return hi;
            }
            if (beyondEnd(step(x, mid))) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
    }

    private Vec2 step(Vec2 x, double h) {
        Vec2 k1 = tangentAt(x);
        Vec2 k2 = tangentAt(x.plus(k1.times(0.5 * h)));
        Vec2 k3 = tangentAt(x.plus(k2.times(0.5 * h)));
        Vec2 k4 = tangentAt(x.plus(k3.times(h)));
        Vec2 dx = k1.plus(k2.times(2)).plus(k3.times(2)).plus(k4).times(h / 6.0);
        return curve.project(x.plus(dx));
    }

    private Vec2 tangentAt(Vec2 x) {
        return curve.tangent(x.beta(), x.gamma());
    }
}
