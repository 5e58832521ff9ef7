package io.kadam.model.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * CIFAR-10, binary version (cifar-10-batches-bin/). Each record is 1 label byte (0..9) then
 * 3072 pixel bytes: the 32×32 red plane, then green, then blue, each row-major, which is
 * already the C×H×W layout of {@link ImageSet}. 10000 records per file.
 */
public final class Cifar10 {

    public static final int CLASSES = 10;
    public static final int CHANNELS = 3;
    public static final int SIDE = 32;
    public static final int RECORD_BYTES = 1 + CHANNELS * SIDE * SIDE; // 3073

    public static final List<String> TRAIN_FILES = List.of(
            "data_batch_1.bin", "data_batch_2.bin", "data_batch_3.bin", "data_batch_4.bin", "data_batch_5.bin");
    public static final String TEST_FILE = "test_batch.bin";

    private Cifar10() {
    }

    /** The five training batches in order as train, test_batch.bin as test. */
    public static ImageSplit load(Path dir) {
        List<Path> train = new ArrayList<>();
        for (String name : TRAIN_FILES) {
            train.add(dir.resolve(name));
        }
        return new ImageSplit(read(train), read(List.of(dir.resolve(TEST_FILE))));
    }

    /** The records of {@code files}, concatenated in order, pixels scaled to [0, 1]. */
    public static ImageSet read(List<Path> files) {
        List<byte[]> contents = new ArrayList<>();
        long records = 0;
        for (Path file : files) {
            byte[] bytes = readChecked(file.toAbsolutePath());
            contents.add(bytes);
            records += bytes.length / RECORD_BYTES;
        }
        int imageSize = RECORD_BYTES - 1;
        if (records * imageSize > Integer.MAX_VALUE) {
            throw new DataException("CIFAR-10 files " + files + ": " + records + " images are too many for one array");
        }
        float[] pixels = new float[(int) records * imageSize];
        int[] labels = new int[(int) records];
        int n = 0;
        for (byte[] bytes : contents) {
            for (int offset = 0; offset < bytes.length; offset += RECORD_BYTES, n++) {
                labels[n] = bytes[offset] & 0xff;
                for (int i = 0; i < imageSize; i++) {
                    pixels[n * imageSize + i] = (bytes[offset + 1 + i] & 0xff) / 255f;
                }
            }
        }
        return new ImageSet(pixels, labels, (int) records, CHANNELS, SIDE, SIDE, CLASSES);
    }

    private static byte[] readChecked(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new DataException("file " + file + ": does not exist (expected a CIFAR-10 binary batch of "
                    + RECORD_BYTES + "-byte records)");
        } catch (IOException e) {
            throw new DataException("file " + file + ": cannot read (" + e + ")", e);
        }
        if (bytes.length == 0) {
            throw new DataException("file " + file + ": is empty (expected " + RECORD_BYTES + "-byte CIFAR-10 records)");
        }
        int complete = bytes.length / RECORD_BYTES;
        if (bytes.length % RECORD_BYTES != 0) {
            throw new DataException("file " + file + ": truncated: incomplete record at byte " + complete * RECORD_BYTES
                    + " (" + bytes.length % RECORD_BYTES + " of " + RECORD_BYTES + " bytes; file has " + bytes.length
                    + " bytes, expected a multiple of " + RECORD_BYTES + ")");
        }
        for (int r = 0; r < complete; r++) {
            int label = bytes[r * RECORD_BYTES] & 0xff;
            if (label >= CLASSES) {
                throw new DataException("file " + file + ": label " + label + " at byte " + r * RECORD_BYTES
                        + " (record " + r + ") is not a class 0.." + (CLASSES - 1));
            }
        }
        return bytes;
    }
}
