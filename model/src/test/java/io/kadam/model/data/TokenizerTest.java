package io.kadam.model.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TokenizerTest {

    @Test
    void byteTokensRoundTripNonAscii() {
        Tokenizer bytes = Tokenizer.named("byte", null);
        String text = "Grüße, 東京 🚀";
        int[] tokens = bytes.encode(text);
        assertEquals(256, bytes.vocabSize());
        assertEquals(text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length, tokens.length);
        assertEquals(0xC3, bytes.encode("ü")[0]);
        assertEquals(text, bytes.decode(tokens));
    }

    @Test
    void charVocabularyIsSortedDistinctChars() {
        CharTokenizer chars = (CharTokenizer) Tokenizer.named("char", "hello");
        assertArrayEquals(new char[] {'e', 'h', 'l', 'o'}, chars.vocabulary());
        assertEquals(4, chars.vocabSize());
        assertArrayEquals(new int[] {1, 0, 2, 2, 3}, chars.encode("hello"));
        assertEquals("hole", chars.decode(chars.encode("hole")));
    }

    @Test
    void charOutsideVocabularyIsNamed() {
        Tokenizer chars = Tokenizer.named("char", "hello");
        DataException e = assertThrows(DataException.class, () -> chars.encode("help"));
        assertTrue(e.getMessage().contains("'p'") && e.getMessage().contains("index 3"), e.getMessage());
    }

    @Test
    void gpt2MatchesTiktoken() {
        Tokenizer gpt2 = Tokenizer.named("gpt2", null);
        assertEquals(50257, gpt2.vocabSize());
        assertArrayEquals(new int[] {15496, 995}, gpt2.encode("Hello world"));
        assertEquals("Hello world", gpt2.decode(new int[] {15496, 995}));
        // special tokens written in text are ordinary text, never 50256
        int[] special = gpt2.encode("<|endoftext|>");
        assertTrue(special.length > 1 && java.util.Arrays.stream(special).noneMatch(t -> t == 50256));
    }

    @Test
    void unknownTokenizerListsValidNames() {
        DataException e = assertThrows(DataException.class, () -> Tokenizer.named("bpe", "x"));
        assertTrue(e.getMessage().contains("'bpe'") && e.getMessage().contains("char, byte, gpt2"), e.getMessage());
        assertThrows(DataException.class, () -> Tokenizer.named("char", null));
        assertThrows(DataException.class, () -> Tokenizer.named("char", ""));
    }
}
