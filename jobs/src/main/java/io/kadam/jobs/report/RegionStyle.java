package io.kadam.jobs.report;

import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.awt.Color;
import java.util.List;

/**
 * Colors and markers of the stability regions, the same in every figure: B+ blue circles, B−
 * red diamonds, B0 green squares. A trial's line takes its region's hue, darker the larger |C|
 * (relative to the sweep's largest |C| of that sign), so that the growth rate reads off the shade.
 */
final class RegionStyle {

    static final Color B_PLUS = new Color(31, 90, 180);
    static final Color B_MINUS = new Color(200, 40, 30);
    static final Color B_ZERO = new Color(20, 130, 60);

    private static final Color PLUS_LIGHT = new Color(110, 175, 235);
    private static final Color PLUS_DARK = new Color(10, 35, 120);
    private static final Color MINUS_LIGHT = new Color(245, 150, 60);
    private static final Color MINUS_DARK = new Color(130, 0, 10);
    private static final Color ZERO_LIGHT = new Color(120, 200, 120);
    private static final Color ZERO_DARK = new Color(0, 80, 30);

    private RegionStyle() {}

    /** The three regions in legend order, by their labels in the tables. */
    static final List<String> REGIONS = List.of("B+", "B0", "B-");

    static Color color(String region) {
        return switch (region == null ? "" : region) {
            case "B+" -> B_PLUS;
            case "B-" -> B_MINUS;
            case "B0" -> B_ZERO;
            default -> Color.GRAY;
        };
    }

    static Marker marker(String region) {
        return switch (region == null ? "" : region) {
            case "B+" -> SeriesMarkers.CIRCLE;
            case "B-" -> SeriesMarkers.DIAMOND;
            case "B0" -> SeriesMarkers.SQUARE;
            default -> SeriesMarkers.TRIANGLE_UP;
        };
    }

    /** The label as the paper writes it: B+, B−, B0. */
    static String label(String region) {
        return region == null ? "?" : region.replace("-", "−");
    }

    /**
     * The color of a trial: its region's hue, from light (C near 0) to dark (|C| = maxAbs).
     *
     * @param maxAbs the largest |C| among the sweep's trials of the same sign (0 if none)
     */
    static Color shade(String region, double c, double maxAbs) {
        double f = maxAbs > 0 && Double.isFinite(c) ? Math.min(1, Math.abs(c) / maxAbs) : 1;
        return switch (region == null ? "" : region) {
            case "B+" -> mix(PLUS_LIGHT, PLUS_DARK, f);
            case "B-" -> mix(MINUS_LIGHT, MINUS_DARK, f);
            case "B0" -> B_ZERO;
            default -> Color.GRAY;
        };
    }

    /** A color between light and dark green by position f in [0, 1] (B0 trials, shaded by β). */
    static Color zeroShade(double f) {
        return mix(ZERO_LIGHT, ZERO_DARK, Math.max(0, Math.min(1, f)));
    }

    static Color mix(Color a, Color b, double f) {
        return new Color((int) Math.round(a.getRed() + f * (b.getRed() - a.getRed())),
                (int) Math.round(a.getGreen() + f * (b.getGreen() - a.getGreen())),
                (int) Math.round(a.getBlue() + f * (b.getBlue() - a.getBlue())));
    }
}
