package io.kadam.jobs.report;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * One figure of a report: the chart, the PNG file name it is written to, and a caption (one
 * sentence: what to look for) for the HTML page.
 */
public record Figure(String fileName, String caption, XYChart chart) {

    public String title() {
        return chart.getTitle();
    }

    /** The chart as PNG, rendered headless. */
    public byte[] png() {
        try {
            return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render " + fileName, e);
        }
    }
}
