package io.kadam.model.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;

/** Writes small files byte by byte per each format's spec, so loaders are tested on bytes they did not write. */
final class TestFiles {

    private TestFiles() {
    }

    static Path write(Path file, byte[] bytes) {
        try {
            Files.createDirectories(file.getParent());
            return Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static byte[] truncate(byte[] bytes, int length) {
        return Arrays.copyOf(bytes, length);
    }

    /** An IDX images file: magic 0x803, count, rows, cols (big-endian), then pixel i = (i * 7) mod 256. */
    static byte[] idxImages(int magic, int count, int rows, int cols) {
        ByteBuffer buf = ByteBuffer.allocate(16 + count * rows * cols);
        buf.putInt(magic).putInt(count).putInt(rows).putInt(cols);
        for (int i = 0; i < count * rows * cols; i++) {
            buf.put((byte) (i * 7));
        }
        return buf.array();
    }

    /** An IDX labels file: magic 0x801, count, then the labels. */
    static byte[] idxLabels(int... labels) {
        ByteBuffer buf = ByteBuffer.allocate(8 + labels.length);
        buf.putInt(0x00000801).putInt(labels.length);
        for (int label : labels) {
            buf.put((byte) label);
        }
        return buf.array();
    }

    /** CIFAR-10 binary records: label byte, then 3072 pixels with pixel i of record r = (r + i) mod 256. */
    static byte[] cifarRecords(int... labels) {
        byte[] bytes = new byte[labels.length * 3073];
        for (int r = 0; r < labels.length; r++) {
            bytes[r * 3073] = (byte) labels[r];
            for (int i = 0; i < 3072; i++) {
                bytes[r * 3073 + 1 + i] = (byte) (r + i);
            }
        }
        return bytes;
    }
}
