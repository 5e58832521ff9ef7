package io.kadam.model.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Cifar10Test {

    @TempDir
    Path dir;

    @Test
    void readsThreeRecordsChannelFirst() {
        Path file = TestFiles.write(dir.resolve("data_batch_1.bin"), TestFiles.cifarRecords(3, 0, 9));
        ImageSet set = Cifar10.read(List.of(file));
        assertEquals(3, set.count());
        assertEquals(3, set.channels());
        assertEquals(32, set.height());
        assertEquals(10, set.classes());
        assertArrayEquals(new int[] {3, 0, 9}, set.labels());
        // record 1: red (0,0) = byte 1, green (0,0) = byte 1 + 1024, blue (31,31) = byte 1 + 3071
        int image = 1 * 3072;
        assertEquals(1 / 255f, set.pixels()[image]);
        assertEquals(((1 + 1024) & 0xff) / 255f, set.pixels()[image + 1024]);
        assertEquals(((1 + 3071) & 0xff) / 255f, set.pixels()[image + 2 * 1024 + 31 * 32 + 31]);
    }

    @Test
    void loadsFiveTrainBatchesInOrderAndTest() {
        for (int i = 1; i <= 5; i++) {
            TestFiles.write(dir.resolve("data_batch_" + i + ".bin"), TestFiles.cifarRecords(i, i));
        }
        TestFiles.write(dir.resolve("test_batch.bin"), TestFiles.cifarRecords(7));
        ImageSplit split = Cifar10.load(dir);
        assertArrayEquals(new int[] {1, 1, 2, 2, 3, 3, 4, 4, 5, 5}, split.train().labels());
        assertArrayEquals(new int[] {7}, split.test().labels());
    }

    @Test
    void truncatedFileNamesOffsetOfIncompleteRecord() {
        byte[] records = TestFiles.cifarRecords(1, 2, 3);
        Path file = TestFiles.write(dir.resolve("data_batch_2.bin"), TestFiles.truncate(records, 2 * 3073 + 100));
        DataException e = assertThrows(DataException.class, () -> Cifar10.read(List.of(file)));
        assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains("incomplete record at byte 6146"),
                e.getMessage());
    }

    @Test
    void labelOutOfRangeNamesOffset() {
        Path file = TestFiles.write(dir.resolve("test_batch.bin"), TestFiles.cifarRecords(1, 10));
        DataException e = assertThrows(DataException.class, () -> Cifar10.read(List.of(file)));
        assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains("label 10 at byte 3073"),
                e.getMessage());
    }

    @Test
    void missingFileIsNamed() {
        DataException e = assertThrows(DataException.class, () -> Cifar10.load(dir));
        assertTrue(e.getMessage().contains(dir.resolve("data_batch_1.bin") + ": does not exist"), e.getMessage());
    }
}
