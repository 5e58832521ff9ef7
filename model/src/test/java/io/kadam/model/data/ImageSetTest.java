package io.kadam.model.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ImageSetTest {

    /** Two 2-channel 1×2 images: channel 0 holds 0, 0.5, 0.5, 1; channel 1 is constant 0.25. */
    private static ImageSet twoImages() {
        float[] pixels = {0f, 0.5f, 0.25f, 0.25f, 0.5f, 1f, 0.25f, 0.25f};
        return new ImageSet(pixels, new int[] {0, 1}, 2, 2, 1, 2, 2);
    }

    @Test
    void channelMeanStdAndNormalize() {
        ImageSet set = twoImages();
        ChannelStats stats = set.channelMeanStd();
        assertArrayEquals(new float[] {0.5f, 0.25f}, stats.mean());
        assertEquals((float) Math.sqrt(0.125), stats.std()[0], 1e-7);
        assertEquals(0f, stats.std()[1]);
        ImageSet normalized = set.normalized(new float[] {0.5f, 0.25f}, new float[] {0.5f, 1f});
        assertArrayEquals(new float[] {-1f, 0f, 0f, 0f, 0f, 1f, 0f, 0f}, normalized.pixels());
        assertArrayEquals(set.labels(), normalized.labels());
        assertEquals(0.25f, set.pixels()[2]); // the original is untouched
        DataException e = assertThrows(DataException.class, () -> set.normalized(stats));
        assertTrue(e.getMessage().contains("std of channel 1"), e.getMessage());
    }

    @Test
    void validatesLengthsAndLabels() {
        assertThrows(DataException.class, () -> new ImageSet(new float[7], new int[2], 2, 2, 1, 2, 2));
        assertThrows(DataException.class, () -> new ImageSet(new float[8], new int[3], 2, 2, 1, 2, 2));
        DataException e = assertThrows(DataException.class, () -> new ImageSet(new float[8], new int[] {0, 2}, 2, 2, 1, 2, 2));
        assertTrue(e.getMessage().contains("label 2 of image 1"), e.getMessage());
    }
}
