package io.kadam.model.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextCorpusTest {

    @TempDir
    Path dir;

    @Test
    void splitsContiguouslyNinetyTen() {
        Path file = TestFiles.write(dir.resolve("t.txt"), "abcdefghijklmnopqrst".getBytes(StandardCharsets.UTF_8));
        TokenSplit split = TextCorpus.load(file, "char", 0.1);
        assertEquals(20, split.vocabSize());
        assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17}, split.train());
        assertArrayEquals(new int[] {18, 19}, split.test());
        assertTrue(split.description().contains(file.toString()) && split.description().contains("char tokens, 18 train / 2 test"),
                split.description());
    }

    @Test
    void maxTokensKeepsTheFirstTokensOfTheFile() {
        Path file = TestFiles.write(dir.resolve("m.txt"), "abcdefghijklmnopqrst".getBytes(StandardCharsets.UTF_8));
        TokenSplit split = TextCorpus.load(file, "char", 0.2, 10);
        assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5, 6, 7}, split.train());
        assertArrayEquals(new int[] {8, 9}, split.test(), "the test part is cut from the kept tokens");
        assertTrue(split.description().contains("its first 10 of 20 tokens"), split.description());
        assertEquals(18, TextCorpus.load(file, "char", 0.1, 1000).train().length, "a limit above the file keeps it whole");
    }

    @Test
    void byteSplitOfNonAsciiText() {
        byte[] bytes = "é".repeat(20).getBytes(StandardCharsets.UTF_8); // 40 bytes
        TokenSplit split = TextCorpus.load(TestFiles.write(dir.resolve("e.txt"), bytes), "byte", 0.25);
        assertEquals(30, split.train().length);
        assertEquals(10, split.test().length);
        assertEquals(0xC3, split.train()[0]);
    }

    @Test
    void malformedUtf8NamesFileAndOffset() {
        byte[] bytes = {'a', 'b', 'c', (byte) 0xC3, 'x', 'y'};
        Path file = TestFiles.write(dir.resolve("bad.txt"), bytes);
        DataException e = assertThrows(DataException.class, () -> TextCorpus.load(file, "byte", 0.1));
        assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains("malformed UTF-8 at byte 3"),
                e.getMessage());
    }

    @Test
    void emptyShortMissingAndBadFraction() {
        Path empty = TestFiles.write(dir.resolve("empty.txt"), new byte[0]);
        assertTrue(assertThrows(DataException.class, () -> TextCorpus.load(empty, "byte", 0.1))
                .getMessage().contains("empty.txt: is empty"));
        Path tiny = TestFiles.write(dir.resolve("tiny.txt"), "abc".getBytes(StandardCharsets.UTF_8));
        assertTrue(assertThrows(DataException.class, () -> TextCorpus.load(tiny, "byte", 0.1))
                .getMessage().contains("too few to split"));
        Path missing = dir.resolve("nope.txt");
        assertTrue(assertThrows(DataException.class, () -> TextCorpus.load(missing, "byte", 0.1))
                .getMessage().contains(missing + ": does not exist"));
        DataException e = assertThrows(DataException.class, () -> TextCorpus.load(tiny, "byte", 1.0));
        assertTrue(e.getMessage().contains("strictly between 0 and 1"), e.getMessage());
    }
}
