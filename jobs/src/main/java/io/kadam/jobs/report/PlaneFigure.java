package io.kadam.jobs.report;

import io.kadam.optimizer.theory.AdamPoint;
import io.kadam.optimizer.theory.Curve;
import io.kadam.optimizer.theory.LevelCurve;
import io.kadam.optimizer.theory.NormalCurve;
import io.kadam.optimizer.theory.Stability;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Paper Fig. 2 / 3c: the swept points in the (β, γ) plane, zoomed to their range, with level
 * curves B_c of C, the boundary B0 (C = 0) and the normal curve(s) through the points.
 */
final class PlaneFigure {

    static final String FILE = "plane.png";
    private static final int SAMPLES = 400;
    private static final int MAX_NORMAL_CURVES = 12;
    private static final Color NORMAL = new Color(90, 90, 90);

    private PlaneFigure() {}

    /** The visible rectangle: the points' range with a margin, inside the unit square. */
    record Window(double betaLo, double betaHi, double gammaLo, double gammaHi) {

        static Window around(List<AdamPoint> points) {
            double bLo = points.stream().mapToDouble(AdamPoint::beta).min().orElseThrow();
            double bHi = points.stream().mapToDouble(AdamPoint::beta).max().orElseThrow();
            double gLo = points.stream().mapToDouble(AdamPoint::gamma).min().orElseThrow();
            double gHi = points.stream().mapToDouble(AdamPoint::gamma).max().orElseThrow();
            double bm = Math.max(0.15 * (bHi - bLo), 0.002);
            double gm = Math.max(0.15 * (gHi - gLo), 0.002);
            return new Window(Math.max(0, bLo - bm), Math.min(1, bHi + bm), Math.max(0, gLo - gm), Math.min(1, gHi + gm));
        }

        /** C is increasing in β and decreasing in γ: its range over the window is at two corners. */
        double cMin() {
            return Stability.c(Math.max(betaLo, 1e-9), gammaHi);
        }

        double cMax() {
            return Stability.c(betaHi, Math.max(gammaLo, 1e-9));
        }

        boolean nearby(double beta, double gamma) {
            double bw = betaHi - betaLo;
            double gw = gammaHi - gammaLo;
            return beta >= betaLo - bw && beta <= betaHi + bw && gamma >= gammaLo - gw && gamma <= gammaHi + gw;
        }
    }

    static Optional<Figure> build(SweepData data) {
        if (data.isProductGrid()) {
            return Optional.empty();
        }
        List<TrialInfo> trials = data.trials().stream()
                .filter(t -> t.beta() > 0 && t.beta() < 1 && t.gamma() > 0 && t.gamma() < 1).toList();
        if (trials.isEmpty()) {
            return Optional.empty();
        }
        List<AdamPoint> points = trials.stream().map(t -> new AdamPoint(t.beta(), t.gamma())).toList();
        Window w = Window.around(points);
        XYChart chart = ChartStyle.chart("Swept points in the (β, γ) plane",
                "β  (second-moment decay, PyTorch beta2)", "γ  (momentum, PyTorch beta1)");
        chart.getStyler().setXAxisMin(w.betaLo()).setXAxisMax(w.betaHi()).setYAxisMin(w.gammaLo()).setYAxisMax(w.gammaHi());

        List<Double> levels = levels(w.cMin(), w.cMax());
        double maxAbs = levels.stream().mapToDouble(Math::abs).max().orElse(1);
        addCurve(chart, "B0: C = 0 (boundary)", LevelCurve.of(0), w, Color.BLACK, ChartStyle.THICK);
        for (double c : levels.stream().sorted(Comparator.reverseOrder()).toList()) {
            if (c != 0) {
                Color color = RegionStyle.mix(Color.WHITE, c > 0 ? RegionStyle.B_PLUS : RegionStyle.B_MINUS, 0.35 + 0.45 * Math.abs(c) / maxAbs);
                addCurve(chart, "level curve C = " + Fmt.num(c), LevelCurve.of(c), w, color, ChartStyle.SOLID);
            }
        }
        List<NormalCurve> normals = normalCurves(points);
        boolean named = false;
        for (int i = 0; i < normals.size(); i++) {
            String name = normals.size() == 1 ? "normal curve 2β³ + γ³ = " + Fmt.num(normals.get(0).k())
                    : named ? "normal curve " + (i + 1) : "normal curves through the points";
            Optional<XYSeries> s = addCurve(chart, name, normals.get(i), w, NORMAL, ChartStyle.DASHED);
            if (s.isPresent()) {
                s.get().setShowInLegend(!named);
                named = true;
            }
        }
        for (String region : RegionStyle.REGIONS) {
            List<TrialInfo> in = trials.stream().filter(t -> region.equals(t.region())).toList();
            if (!in.isEmpty()) {
                String what = switch (region) {
                    case "B+" -> "C > 0";
                    case "B-" -> "C < 0";
                    default -> "C = 0";
                };
                ChartStyle.points(chart, "trials in " + RegionStyle.label(region) + " (" + what + ")",
                        in.stream().mapToDouble(TrialInfo::beta).toArray(), in.stream().mapToDouble(TrialInfo::gamma).toArray(),
                        RegionStyle.color(region), RegionStyle.marker(region));
            }
        }
        return Optional.of(new Figure(FILE, "The swept points (markers by region) with the normal curve(s) through them (dashed) "
                + "and level curves of C (thin: blue C > 0, red C < 0): below the thick black boundary B0 lies B+, where the "
                + "max-update stays bounded, above it B−, where its bound grows like exp(n|C|/2).", chart));
    }

    /** Round values of C spread over [lo, hi] (5 to 10 of them), always with 0 when it is inside. */
    static List<Double> levels(double lo, double hi) {
        List<Double> out = new ArrayList<>();
        if (!(hi > lo) || !Double.isFinite(lo) || !Double.isFinite(hi)) {
            return out;
        }
        double raw = (hi - lo) / 10;
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = magnitude * 10;
        for (double f : new double[]{1, 2, 2.5, 5, 10}) {
            if (f * magnitude >= raw) {
                step = f * magnitude;
                break;
            }
        }
        for (long i = (long) Math.ceil(lo / step); i * step <= hi; i++) {
            out.add(i * step);
        }
        return out;
    }

    /** The distinct normal curves through the points, at most MAX_NORMAL_CURVES of them spread over the list. */
    private static List<NormalCurve> normalCurves(List<AdamPoint> points) {
        List<NormalCurve> distinct = new ArrayList<>();
        for (AdamPoint p : points.stream().sorted(Comparator.comparingDouble(AdamPoint::beta)).toList()) {
            NormalCurve n = NormalCurve.through(p);
            if (distinct.stream().noneMatch(d -> Math.abs(d.k() - n.k()) < 1e-7 * n.k())) {
                distinct.add(n);
            }
        }
        if (distinct.size() <= MAX_NORMAL_CURVES) {
            return distinct;
        }
        List<NormalCurve> some = new ArrayList<>();
        for (int i = 0; i < MAX_NORMAL_CURVES; i++) {
            some.add(distinct.get((int) Math.round(i * (distinct.size() - 1) / (double) (MAX_NORMAL_CURVES - 1))));
        }
        return some;
    }

    /**
     * The curve sampled over the window both by β and by γ (so that steep parts are smooth too),
     * in order of β; nothing when it does not pass near the window.
     */
    private static Optional<XYSeries> addCurve(XYChart chart, String name, Curve curve, Window w, Color color,
                                               BasicStroke stroke) {
        List<double[]> pts = new ArrayList<>();
        for (int i = 0; i < SAMPLES; i++) {
            double beta = w.betaLo() + i * (w.betaHi() - w.betaLo()) / (SAMPLES - 1);
            add(pts, beta, curve.gamma(beta), w);
            double gamma = w.gammaLo() + i * (w.gammaHi() - w.gammaLo()) / (SAMPLES - 1);
            add(pts, curve.beta(gamma), gamma, w);
        }
        if (pts.size() < 2) {
            return Optional.empty();
        }
        pts.sort(Comparator.comparingDouble(p -> p[0]));
        return Optional.of(ChartStyle.line(chart, name, pts.stream().mapToDouble(p -> p[0]).toArray(),
                pts.stream().mapToDouble(p -> p[1]).toArray(), color, stroke));
    }

    private static void add(List<double[]> pts, double beta, double gamma, Window w) {
        if (Double.isFinite(beta) && Double.isFinite(gamma) && beta >= 0 && beta <= 1 && gamma >= 0 && gamma <= 1
                && w.nearby(beta, gamma)) {
            pts.add(new double[]{beta, gamma});
        }
    }
}
