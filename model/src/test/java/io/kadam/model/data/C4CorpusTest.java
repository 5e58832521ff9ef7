package io.kadam.model.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class C4CorpusTest {

    private static final String SHARD = ""
            + "{\"text\":\"Hello world\",\"timestamp\":\"2019-04-25T12:57:54Z\",\"url\":\"https://a.example/\"}\n"
            + "{\"url\":\"https://b.example/\",\"text\":\"Caf\\u00e9\\nnext line\",\"timestamp\":\"2019-04-21T10:07:13Z\"}\n"
            + "{\"text\":\"Hello\",\"timestamp\":\"2019-04-22T08:00:00Z\",\"url\":\"https://c.example/\",\"extra\":{\"a\":[1,2]}}\n";

    @TempDir
    Path dir;

    private Path shard(String name, String jsonLines) {
        return TestFiles.write(dir.resolve(name), TestFiles.gzip(jsonLines.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void readsTheTextOfEveryDocument() {
        List<String> texts = new ArrayList<>();
        C4Corpus.forEachDocument(shard("c4-train.00000-of-01024.json.gz", SHARD), texts::add);
        assertEquals(List.of("Hello world", "Café\nnext line", "Hello"), texts);
    }

    @Test
    void gpt2AppendsEndOfTextAfterEachDocument() {
        Path file = shard("c4-train.00000-of-01024.json.gz", SHARD);
        Tokenizer gpt2 = new Gpt2Tokenizer();
        int[] tokens = C4Corpus.readTokens(List.of(file), gpt2, C4Corpus.NO_LIMIT);
        int[] second = gpt2.encode("Café\nnext line");
        assertEquals(2 + 1 + second.length + 1 + 1 + 1, tokens.length);
        assertArrayEquals(new int[] {15496, 995, 50256}, java.util.Arrays.copyOf(tokens, 3));
        assertEquals(50256, tokens[3 + second.length]);
        assertEquals(15496, tokens[tokens.length - 2]);
        assertEquals(50256, tokens[tokens.length - 1]);
        // the cap stops mid-stream with exactly maxTokens tokens
        assertArrayEquals(new int[] {15496, 995}, C4Corpus.readTokens(List.of(file), gpt2, 2));
    }

    @Test
    void byteTokensJoinDocumentsWithBlankLine() {
        Path file = shard("c4-train.00000-of-01024.json.gz", SHARD);
        Tokenizer bytes = new ByteTokenizer();
        int[] tokens = C4Corpus.readTokens(List.of(file), bytes, C4Corpus.NO_LIMIT);
        assertEquals("Hello world\n\nCafé\nnext line\n\nHello", bytes.decode(tokens));
    }

    @Test
    void testTokensComeFromValidationShards() {
        C4Shards shards = new C4Shards(List.of(shard("c4-train.00000-of-01024.json.gz", SHARD)),
                List.of(shard("c4-validation.00000-of-00008.json.gz", "{\"text\":\"Hello world\"}\n")));
        TokenSplit split = C4Corpus.load(shards, new Gpt2Tokenizer(), C4Corpus.NO_LIMIT, 0.1);
        assertArrayEquals(new int[] {15496, 995, 50256}, split.test());
        assertEquals(50257, split.vocabSize());
        assertTrue(split.description().contains("validation"), split.description());
        TokenSplit noValidation = C4Corpus.load(new C4Shards(shards.train(), List.of()), new ByteTokenizer(), 20, 0.25);
        assertEquals(15, noValidation.train().length);
        assertEquals(5, noValidation.test().length);
    }

    @Test
    void truncatedGzipNamesFileAndCompressedOffset() {
        byte[] gz = TestFiles.gzip(SHARD.repeat(50).getBytes(StandardCharsets.UTF_8));
        Path file = TestFiles.write(dir.resolve("c4-train.00001-of-01024.json.gz"), TestFiles.truncate(gz, gz.length / 2));
        DataException e = assertThrows(DataException.class,
                () -> C4Corpus.readTokens(List.of(file), new ByteTokenizer(), C4Corpus.NO_LIMIT));
        assertTrue(e.getMessage().contains(file.toString())
                && e.getMessage().contains("compressed byte " + gz.length / 2), e.getMessage());
    }

    @Test
    void malformedLineNamesLineNumberAndOffset() {
        String good = "{\"text\":\"ok\"}\n";
        Path file = shard("c4-train.00002-of-01024.json.gz", good + good + "{\"text\": \"unterminated\n" + good);
        DataException e = assertThrows(DataException.class, () -> C4Corpus.forEachDocument(file, t -> true));
        assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains("line 3")
                && e.getMessage().contains("decompressed byte " + 2 * good.length()), e.getMessage());

        Path noText = shard("c4-train.00003-of-01024.json.gz", good + "{\"url\":\"x\",\"text\":5}\n");
        e = assertThrows(DataException.class, () -> C4Corpus.forEachDocument(noText, t -> true));
        assertTrue(e.getMessage().contains("line 2") && e.getMessage().contains("expected a string"), e.getMessage());

        Path missingText = shard("c4-train.00004-of-01024.json.gz", "{\"url\":\"x\"}\n");
        e = assertThrows(DataException.class, () -> C4Corpus.forEachDocument(missingText, t -> true));
        assertTrue(e.getMessage().contains("line 1") && e.getMessage().contains("no \"text\" field"), e.getMessage());

        Path notJson = shard("c4-train.00005-of-01024.json.gz", "plain text\n");
        e = assertThrows(DataException.class, () -> C4Corpus.forEachDocument(notJson, t -> true));
        assertTrue(e.getMessage().contains("line 1") && e.getMessage().contains("not valid JSON"), e.getMessage());
    }
}
