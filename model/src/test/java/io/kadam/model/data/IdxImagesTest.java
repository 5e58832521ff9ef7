package io.kadam.model.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxImagesTest {

    private static final int[] LABELS = {0, 9, 3, 3, 7};

    @TempDir
    Path dir;

    private void checkFiveImages(ImageSet set) {
        assertEquals(5, set.count());
        assertEquals(1, set.channels());
        assertEquals(4, set.height());
        assertEquals(3, set.width());
        assertArrayEquals(LABELS, set.labels());
        for (int i = 0; i < 60; i++) {
            assertEquals(((i * 7) & 0xff) / 255f, set.pixels()[i]);
        }
    }

    @Test
    void readsPlainAndGzippedFiles() {
        byte[] images = TestFiles.idxImages(0x803, 5, 4, 3);
        byte[] labels = TestFiles.idxLabels(LABELS);
        checkFiveImages(IdxImages.read(TestFiles.write(dir.resolve("a-images"), images),
                TestFiles.write(dir.resolve("a-labels"), labels), 10));
        // gzip is recognised by its magic bytes, whatever the name says
        checkFiveImages(IdxImages.read(TestFiles.write(dir.resolve("b-images"), TestFiles.gzip(images)),
                TestFiles.write(dir.resolve("b-labels.gz"), TestFiles.gzip(labels)), 10));
    }

    @Test
    void loadsTheFourStandardFiles() {
        Path trainImages = TestFiles.write(dir.resolve("train-images-idx3-ubyte.gz"), TestFiles.gzip(TestFiles.idxImages(0x803, 5, 4, 3)));
        Path trainLabels = TestFiles.write(dir.resolve("train-labels-idx1-ubyte.gz"), TestFiles.gzip(TestFiles.idxLabels(LABELS)));
        Path testImages = TestFiles.write(dir.resolve("t10k-images-idx3-ubyte"), TestFiles.idxImages(0x803, 2, 4, 3));
        Path testLabels = TestFiles.write(dir.resolve("t10k-labels-idx1-ubyte"), TestFiles.idxLabels(1, 2));
        ImageSplit split = IdxImages.load(new IdxFiles(trainImages, trainLabels, testImages, testLabels));
        checkFiveImages(split.train());
        assertArrayEquals(new int[] {1, 2}, split.test().labels());
    }

    @Test
    void badMagicShowsExpectedAndFound() {
        Path images = TestFiles.write(dir.resolve("images"), TestFiles.idxImages(0x801, 5, 4, 3));
        Path labels = TestFiles.write(dir.resolve("labels"), TestFiles.idxLabels(LABELS));
        DataException e = assertThrows(DataException.class, () -> IdxImages.read(images, labels, 10));
        assertTrue(e.getMessage().contains(images.toString()) && e.getMessage().contains("byte 0")
                && e.getMessage().contains("expected 0x00000803") && e.getMessage().contains("found 0x00000801"), e.getMessage());
    }

    @Test
    void truncatedPlainFileNamesOffset() {
        Path images = TestFiles.write(dir.resolve("images"), TestFiles.truncate(TestFiles.idxImages(0x803, 5, 4, 3), 16 + 50));
        Path labels = TestFiles.write(dir.resolve("labels"), TestFiles.idxLabels(LABELS));
        DataException e = assertThrows(DataException.class, () -> IdxImages.read(images, labels, 10));
        assertTrue(e.getMessage().contains(images + ": truncated at byte 66, expected 60 bytes of pixels after the 16-byte header"),
                e.getMessage());
    }

    @Test
    void truncatedGzipNamesCompressedOffset() {
        byte[] gz = TestFiles.gzip(TestFiles.idxImages(0x803, 50, 28, 28));
        Path images = TestFiles.write(dir.resolve("images.gz"), TestFiles.truncate(gz, gz.length - 20));
        Path labels = TestFiles.write(dir.resolve("labels"), TestFiles.idxLabels(new int[50]));
        DataException e = assertThrows(DataException.class, () -> IdxImages.read(images, labels, 10));
        assertTrue(e.getMessage().contains(images.toString())
                && e.getMessage().contains("compressed byte " + (gz.length - 20)), e.getMessage());
    }

    @Test
    void countMismatchAndLabelOutOfRange() {
        Path images = TestFiles.write(dir.resolve("images"), TestFiles.idxImages(0x803, 5, 4, 3));
        Path four = TestFiles.write(dir.resolve("four"), TestFiles.idxLabels(0, 1, 2, 3));
        DataException e = assertThrows(DataException.class, () -> IdxImages.read(images, four, 10));
        assertTrue(e.getMessage().contains("has 5 images") && e.getMessage().contains("has 4 labels"), e.getMessage());

        Path bad = TestFiles.write(dir.resolve("bad"), TestFiles.idxLabels(0, 1, 12, 3, 4));
        e = assertThrows(DataException.class, () -> IdxImages.read(images, bad, 10));
        assertTrue(e.getMessage().contains(bad.toString()) && e.getMessage().contains("label 12 at byte 10"), e.getMessage());
    }
}
