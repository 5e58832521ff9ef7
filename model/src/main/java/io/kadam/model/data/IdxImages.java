package io.kadam.model.data;

import java.nio.ByteBuffer;
import java.nio.file.Path;

/**
 * MNIST-style IDX files (MNIST, Fashion-MNIST), plain or gzipped. Images: big-endian magic
 * 0x00000803 (unsigned bytes, 3 dims), count, rows, cols, then count×rows×cols pixel bytes.
 * Labels: magic 0x00000801, count, then count label bytes. Images get one channel.
 */
public final class IdxImages {

    public static final int IMAGES_MAGIC = 0x00000803;
    public static final int LABELS_MAGIC = 0x00000801;
    /** MNIST and Fashion-MNIST both have 10 classes. */
    public static final int CLASSES = 10;

    private IdxImages() {
    }

    /** The standard train and t10k pairs of {@code files}, 10 classes. */
    public static ImageSplit load(IdxFiles files) {
        return load(files, CLASSES);
    }

    /** The standard train and t10k pairs of {@code files}. */
    public static ImageSplit load(IdxFiles files, int classes) {
        return new ImageSplit(
                read(files.trainImages(), files.trainLabels(), classes),
                read(files.testImages(), files.testLabels(), classes));
    }

    /** One images file and its labels file; pixels scaled to [0, 1]. */
    public static ImageSet read(Path imagesFile, Path labelsFile, int classes) {
        int[] labels;
        try (DataFileReader in = DataFileReader.open(labelsFile)) {
            int count = readHeader(in, LABELS_MAGIC, 1)[0];
            byte[] bytes = readBody(in, count, "labels", 8);
            labels = new int[count];
            for (int i = 0; i < count; i++) {
                labels[i] = bytes[i] & 0xff;
                if (labels[i] >= classes) {
                    throw new DataException("file " + in.file() + ": label " + labels[i] + " at byte " + (8 + i)
                            + " is not a class 0.." + (classes - 1));
                }
            }
        }
        try (DataFileReader in = DataFileReader.open(imagesFile)) {
            int[] dims = readHeader(in, IMAGES_MAGIC, 3);
            int count = dims[0];
            int rows = dims[1];
            int cols = dims[2];
            if (count != labels.length) {
                throw new DataException("file " + in.file() + ": has " + count + " images but "
                        + labelsFile.toAbsolutePath() + " has " + labels.length + " labels; expected the same count");
            }
            long size = (long) count * rows * cols;
            if (size > Integer.MAX_VALUE || rows < 1 || cols < 1) {
                throw new DataException("file " + in.file() + ": implausible dimensions " + count + "×" + rows + "×" + cols);
            }
            byte[] bytes = readBody(in, (int) size, "pixels", 16);
            float[] pixels = new float[bytes.length];
            for (int i = 0; i < bytes.length; i++) {
                pixels[i] = (bytes[i] & 0xff) / 255f;
            }
            return new ImageSet(pixels, labels, count, 1, rows, cols, classes);
        }
    }

    /** Checks the magic number and returns the dimension sizes that follow it. */
    private static int[] readHeader(DataFileReader in, int magic, int dims) {
        int headerBytes = 4 + 4 * dims;
        byte[] header = new byte[headerBytes];
        int got = in.read(header, 0, headerBytes);
        if (got < 4) {
            throw new DataException("file " + in.file() + ": truncated at byte " + got + ", expected the "
                    + headerBytes + "-byte IDX header");
        }
        ByteBuffer buf = ByteBuffer.wrap(header); // big-endian, as IDX
        int found = buf.getInt();
        if (found != magic) {
            throw new DataException(String.format("file %s: bad IDX magic at byte 0: expected 0x%08X (%s), found 0x%08X",
                    in.file(), magic, magic == IMAGES_MAGIC ? "unsigned-byte images, 3 dims" : "unsigned-byte labels, 1 dim",
                    found));
        }
        if (got < headerBytes) {
            throw new DataException("file " + in.file() + ": truncated at byte " + got + ", expected the "
                    + headerBytes + "-byte IDX header");
        }
        int[] sizes = new int[dims];
        for (int d = 0; d < dims; d++) {
            sizes[d] = buf.getInt();
            if (sizes[d] < 0) {
                throw new DataException("file " + in.file() + ": dimension " + d + " at byte " + (4 + 4 * d)
                        + " is negative (" + sizes[d] + ")");
            }
        }
        return sizes;
    }

    private static byte[] readBody(DataFileReader in, int length, String what, int headerBytes) {
        byte[] body = new byte[length];
        int got = in.read(body, 0, length);
        if (got < length) {
            throw new DataException("file " + in.file() + ": truncated at byte " + (headerBytes + got) + ", expected "
                    + length + " bytes of " + what + " after the " + headerBytes + "-byte header");
        }
        if (!in.atEnd()) {
            throw new DataException("file " + in.file() + ": unexpected data after byte " + (headerBytes + length)
                    + " (expected exactly " + length + " bytes of " + what + " after the header)");
        }
        return body;
    }
}
