package io.kadam.jobs.report;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;

/** The look shared by every figure: size, fonts, legend outside the plot, and the line styles. */
final class ChartStyle {

    static final int WIDTH = 1000;
    static final int HEIGHT = 600;

    static final BasicStroke SOLID = stroke(1.6f, null);
    static final BasicStroke THIN = stroke(1.0f, null);
    static final BasicStroke THICK = stroke(3.0f, null);
    static final BasicStroke DASHED = stroke(1.6f, new float[]{8f, 5f});
    static final BasicStroke DOTTED = stroke(1.6f, new float[]{2f, 4f});

    private ChartStyle() {}

    /** An empty XY chart with titles and the common style; legend outside, to the right. */
    static XYChart chart(String title, String xTitle, String yTitle) {
        XYChart chart = new XYChart(WIDTH, HEIGHT);
        chart.setTitle(title);
        chart.setXAxisTitle(xTitle);
        chart.setYAxisTitle(yTitle);
        XYStyler s = chart.getStyler();
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(Color.WHITE);
        s.setPlotBorderVisible(true);
        s.setPlotGridLinesColor(new Color(225, 225, 225));
        s.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 17));
        s.setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 15));
        s.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        s.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        s.setLegendPosition(Styler.LegendPosition.OutsideE);
        s.setLegendBorderColor(new Color(200, 200, 200));
        s.setLegendSeriesLineLength(28);
        s.setMarkerSize(9);
        s.setAntiAlias(true);
        s.setToolTipsEnabled(false);
        s.setChartTitleBoxVisible(false);
        s.setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        return chart;
    }

    /** A line without markers. */
    static XYSeries line(XYChart chart, String name, double[] x, double[] y, Color color, BasicStroke stroke) {
        XYSeries s = chart.addSeries(name, x, y);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        s.setMarker(SeriesMarkers.NONE);
        s.setLineColor(color);
        s.setLineStyle(stroke);
        // XChart draws a plain line segment by segment, restarting the dash pattern each time, so
        // that a densely sampled dashed curve looks solid. Its smooth mode draws one path (of
        // Bezier pieces, flat at the points: invisible when the points are dense, a wave when not)
        s.setSmooth(stroke.getDashArray() != null && (x.length == 2 || x.length >= 100));
        return s;
    }

    /** Markers only, no line. */
    static XYSeries points(XYChart chart, String name, double[] x, double[] y, Color color, Marker marker) {
        XYSeries s = chart.addSeries(name, x, y);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        s.setMarker(marker);
        s.setMarkerColor(color);
        s.setLineStyle(SeriesLines.NONE);
        return s;
    }

    /** Markers joined by a line. */
    static XYSeries linePoints(XYChart chart, String name, double[] x, double[] y, Color color, Marker marker, BasicStroke stroke) {
        XYSeries s = chart.addSeries(name, x, y);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        s.setMarker(marker);
        s.setMarkerColor(color);
        s.setLineColor(color);
        s.setLineStyle(stroke);
        return s;
    }

    /** A vertical gray line at x from yLo to yHi (a boundary such as C = 0). */
    static XYSeries vertical(XYChart chart, String name, double x, double yLo, double yHi) {
        return line(chart, name, new double[]{x, x}, new double[]{yLo, yHi}, new Color(150, 150, 150), DASHED);
    }

    private static BasicStroke stroke(float width, float[] dash) {
        return dash == null ? new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND)
                : new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, dash, 0f);
    }
}
