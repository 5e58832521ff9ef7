package io.kadam.model.data;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GeneratedTextTest {

    @Test
    void sameSeedSameTextAndFewDistinctBytes() {
        String a = GeneratedText.generate(7, 20_000);
        assertEquals(a, GeneratedText.generate(7, 20_000));
        assertNotEquals(a, GeneratedText.generate(8, 20_000));
        assertTrue(a.length() >= 20_000);
        long distinct = a.chars().distinct().count();
        assertTrue(distinct > 20 && distinct < 64, "a few dozen symbols, most byte rows unused: " + distinct);
    }

    @Test
    void tokensSplitLikeAFile() {
        TokenSplit split = GeneratedText.tokens(1, 10_000, "byte", 0.1);
        assertEquals(256, split.vocabSize());
        assertEquals(split.train().length + split.test().length, GeneratedText.generate(1, 10_000).length());
        assertTrue(split.description().startsWith("generated text (seed 1,"), split.description());
    }

    @Test
    void maxTokensKeepsTheFirstTokens() {
        TokenSplit all = GeneratedText.tokens(1, 10_000, "byte", 0.1);
        TokenSplit first = GeneratedText.tokens(1, 10_000, "byte", 0.1, 1000);
        assertEquals(1000, first.train().length + first.test().length);
        assertEquals(900, first.train().length);
        assertArrayEquals(java.util.Arrays.copyOf(all.train(), 900), first.train(), "the same text, cut");
        assertTrue(first.description().contains("its first 1000 tokens"), first.description());
    }
}
