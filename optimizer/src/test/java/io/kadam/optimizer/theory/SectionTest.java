package io.kadam.optimizer.theory;

import static io.kadam.optimizer.theory.AdamPointTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

class SectionTest {

    /**
     * A curve described independently of the code under test: its formulas γ(β) and β(γ), and
     * the β where |dγ/dβ| = 1, beyond which it is measured as a function of γ instead of β.
     */
    record Described(String name, Section section, DoubleUnaryOperator gammaOf, DoubleUnaryOperator betaOf,
            double switchBeta, boolean steepAboveSwitch) {

        static Described normal(String name, double beta0, double gamma0, double from, double to) {
            double k = 2 * beta0 * beta0 * beta0 + gamma0 * gamma0 * gamma0;
            Curve curve = NormalCurve.through(new AdamPoint(beta0, gamma0));
            Section section = Double.isNaN(from) ? curve.whole() : curve.section(from, to);
            // |dγ/dβ| = 2β²/γ² = 1 where γ = √2 β, i.e. (2 + 2√2)β³ = k
            return new Described(name, section, b -> Math.cbrt(k - 2 * b * b * b), g -> Math.cbrt((k - g * g * g) / 2),
                    Math.cbrt(k / (2 + 2 * Math.sqrt(2))), true);
        }

        static Described level(String name, double c, double from, double to) {
            Curve curve = LevelCurve.of(c);
            Section section = Double.isNaN(from) ? curve.whole() : curve.section(from, to);
            // dγ/dβ = 2/(1 + (1+c)β)² = 1 where 1 + (1+c)β = √2
            return new Described(name, section, b -> 2 * b / (1 + (1 + c) * b), g -> g / (2 - (1 + c) * g),
                    (Math.sqrt(2) - 1) / (1 + c), false);
        }

        /** Length of the curve between two of its points by a polyline of {@code chords} chords. */
        double arc(Vec2 a, Vec2 b, int chords) {
            if (a.beta() < switchBeta && switchBeta < b.beta()) {
                Vec2 s = new Vec2(switchBeta, gammaOf.applyAsDouble(switchBeta));
                return polyline(a, s, chords / 2) + polyline(s, b, chords / 2);
            }
            return polyline(a, b, chords);
        }

        private double polyline(Vec2 a, Vec2 b, int chords) {
            boolean steep = steepAboveSwitch == (0.5 * (a.beta() + b.beta()) > switchBeta);
            double sum = 0;
            Vec2 previous = a;
            for (int i = 1; i <= chords; i++) {
                Vec2 next;
                if (i == chords) {
                    next = b;
                } else if (steep) {
                    double g = a.gamma() + i * (b.gamma() - a.gamma()) / chords;
                    next = new Vec2(betaOf.applyAsDouble(g), g);
                } else {
                    double beta = a.beta() + i * (b.beta() - a.beta()) / chords;
                    next = new Vec2(beta, gammaOf.applyAsDouble(beta));
                }
                sum += next.minus(previous).norm();
                previous = next;
            }
            return sum;
        }

        double distanceToCurve(AdamPoint p) {
            return Math.min(Math.abs(p.gamma() - gammaOf.applyAsDouble(p.beta())),
                    Math.abs(p.beta() - betaOf.applyAsDouble(p.gamma())));
        }
    }

    private static final double NONE = Double.NaN;

    private static final List<Described> CASES = List.of(
            Described.normal("whole normal curve through (0.999, 0.9)", 0.999, 0.9, NONE, NONE),
            Described.normal("fig3 section 0.9516..0.9620", 0.999, 0.9, 0.9516, 0.9620),
            Described.normal("normal curve through (0.999, 0.9) from gamma = 1", 0.999, 0.9,
                    NormalCurve.through(new AdamPoint(0.999, 0.9)).betaRange().lo(), 0.9620),
            Described.normal("normal curve through (0.999, 0.9) up to beta = 1", 0.999, 0.9, 0.96, 1.0),
            Described.normal("whole normal curve through (0.95, 0.9)", 0.95, 0.9, NONE, NONE),
            Described.normal("whole normal curve through (0.3, 0.2), vertical end", 0.3, 0.2, NONE, NONE),
            Described.level("whole level curve through (0.999, 0.9)", 221.0 / 999.0, NONE, NONE),
            Described.level("level curve B0 from the corner (0, 0)", 0.0, 0.0, 0.5));

    @Test
    void pointsAreEquallySpacedInArcLength() {
        double worst = 0;
        for (Described d : CASES) {
            Section section = d.section();
            Vec2 start = section.start();
            Vec2 end = section.end();
            double length = d.arc(start, end, 400_000);
            assertEquals(length, section.length(), 1e-9 * length, d.name());
            for (int count : new int[] {16, 64, 128}) {
                List<CurvePoint> points = section.points(count);
                assertEquals(count, points.size());
                int gaps = count - 1 + (section.startsOnBoundary() ? 1 : 0) + (section.endsOnBoundary() ? 1 : 0);
                double spacing = length / gaps;
                int chords = 200_000 / (gaps + 1);
                String where = d.name() + ", count " + count;
                for (int j = 0; j < count; j++) {
                    AdamPoint p = points.get(j).point();
                    assertTrue(p.beta() > 0 && p.beta() < 1 && p.gamma() > 0 && p.gamma() < 1, where);
                    assertTrue(d.distanceToCurve(p) <= 1e-12, where + ": off the curve by " + d.distanceToCurve(p));
                    double s = (section.startsOnBoundary() ? j + 1 : j) * spacing;
                    assertEquals(s, points.get(j).s(), 1e-9 * length, where + ": arc position");
                }
                for (int j = 0; j + 1 < count; j++) {
                    double gap = d.arc(vec(points.get(j)), vec(points.get(j + 1)), chords);
                    worst = Math.max(worst, Math.abs(gap / spacing - 1));
                    assertEquals(spacing, gap, 1e-9 * spacing, where + ", gap " + j);
                }
                // an end on the boundary is excluded but keeps its gap; an interior end is a point
                Vec2 first = vec(points.get(0));
                Vec2 last = vec(points.get(count - 1));
                if (section.startsOnBoundary()) {
                    assertEquals(spacing, d.arc(start, first, chords), 1e-9 * spacing, where + ", first gap");
                } else {
                    assertEquals(start, first, where);
                }
                if (section.endsOnBoundary()) {
                    assertEquals(spacing, d.arc(last, end, chords), 1e-9 * spacing, where + ", last gap");
                } else {
                    assertEquals(end, last, where);
                }
            }
        }
        System.out.println("max relative spacing error: " + worst);
    }

    @Test
    void sectionEndsOnTheBoundaryAreExact() {
        Section whole = NormalCurve.through(new AdamPoint(0.3, 0.2)).whole();
        assertTrue(whole.startsOnBoundary() && whole.endsOnBoundary());
        assertEquals(new Vec2(0.0, Math.cbrt(0.062)), whole.start());
        assertEquals(new Vec2(Math.cbrt(0.031), 0.0), whole.end());
        Section level = LevelCurve.of(0.0).whole();
        assertEquals(new Vec2(0, 0), level.start());
        assertEquals(new Vec2(1, 1), level.end());
    }

    @Test
    void smallCounts() {
        Section section = NormalCurve.through(new AdamPoint(0.999, 0.9)).section(0.96, 0.99);
        List<CurvePoint> one = section.points(1);
        assertEquals(0.5 * section.length(), one.get(0).s(), 1e-15);
        List<CurvePoint> two = section.points(2);
        assertEquals(new AdamPoint(0.96, section.curve().gamma(0.96)), two.get(0).point());
        assertEquals(new AdamPoint(0.99, section.curve().gamma(0.99)), two.get(1).point());
        Section whole = NormalCurve.through(new AdamPoint(0.999, 0.9)).whole();
        assertEquals(0.5 * whole.length(), whole.points(1).get(0).s(), 1e-15);
    }

    @Test
    void rejectsBadSections() {
        NormalCurve curve = NormalCurve.through(new AdamPoint(0.999, 0.9));
        String range = "[" + curve.betaRange().lo() + ", 1.0]";
        assertMessage("betaFrom must be in the curve's range " + range + ", got 0.9", () -> curve.section(0.9, 0.99));
        assertMessage("betaTo must be in the curve's range " + range + ", got 1.5", () -> curve.section(0.96, 1.5));
        assertMessage("betaFrom must be in the curve's range " + range + ", got NaN",
                () -> curve.section(Double.NaN, 0.99));
        assertMessage("betaFrom must be < betaTo, got betaFrom 0.99, betaTo 0.96", () -> curve.section(0.99, 0.96));
        assertMessage("betaFrom must be < betaTo, got betaFrom 0.97, betaTo 0.97", () -> curve.section(0.97, 0.97));
        assertMessage("count must be >= 1, got 0", () -> curve.whole().points(0));
        assertMessage("count must be >= 1, got -3", () -> curve.whole().points(-3));
        assertMessage("curve must not be null", () -> new Section(null, 0.1, 0.2));
    }

    private static Vec2 vec(CurvePoint cp) {
        return new Vec2(cp.point().beta(), cp.point().gamma());
    }
}
