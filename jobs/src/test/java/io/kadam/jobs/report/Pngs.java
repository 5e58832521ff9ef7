package io.kadam.jobs.report;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Checks that a PNG is a real, drawn figure: decodes, has the chart's size, and shows colored data. */
final class Pngs {

    private Pngs() {}

    static void assertFigure(Path png) {
        assertTrue(Files.isRegularFile(png), png + " is missing");
        try {
            assertFigure(png.toString(), Files.readAllBytes(png));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void assertFigure(String name, byte[] bytes) {
        assertTrue(bytes.length > 5_000, name + " is only " + bytes.length + " bytes");
        BufferedImage image;
        try {
            image = ImageIO.read(new ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(name + " does not decode", e);
        }
        assertNotNull(image, name + " is not an image ImageIO can read");
        assertEquals(ChartStyle.WIDTH, image.getWidth(), name + " width");
        assertEquals(ChartStyle.HEIGHT, image.getHeight(), name + " height");
        Set<Integer> colors = new HashSet<>();
        int inked = 0;
        int colored = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y) & 0xFFFFFF;
                colors.add(rgb);
                int r = rgb >> 16 & 0xFF;
                int g = rgb >> 8 & 0xFF;
                int b = rgb & 0xFF;
                if (rgb != 0xFFFFFF) {
                    inked++;
                }
                if (Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b)) > 60) {
                    colored++; // series colors; axes, grid and text are gray
                }
            }
        }
        assertTrue(colors.size() > 30, name + " has only " + colors.size() + " colors");
        assertTrue(inked > image.getWidth() * image.getHeight() / 50, name + " is nearly blank: " + inked + " non-white pixels");
        assertTrue(colored > 400, name + " shows almost no data: " + colored + " colored pixels");
    }
}
