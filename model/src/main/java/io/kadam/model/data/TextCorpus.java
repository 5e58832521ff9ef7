package io.kadam.model.data;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** A plain UTF-8 text file (tinyshakespeare) as a train/test token split. */
public final class TextCorpus {

    public static final double DEFAULT_TEST_FRACTION = 0.1;

    private TextCorpus() {
    }

    /** Tokenizes with the tokenizer called {@code tokenizerName}; a char vocabulary comes from this file. */
    public static TokenSplit load(Path file, String tokenizerName, double testFraction) {
        return load(file, tokenizerName, testFraction, C4Corpus.NO_LIMIT);
    }

    /** As {@link #load(Path, String, double)}, keeping the file's first {@code maxTokens} tokens. */
    public static TokenSplit load(Path file, String tokenizerName, double testFraction, int maxTokens) {
        String text = readUtf8(file);
        return load(file, text, Tokenizer.named(tokenizerName, text), testFraction, maxTokens);
    }

    /** Tokenizes with a tokenizer built elsewhere (e.g. a char vocabulary kept for decoding samples). */
    public static TokenSplit load(Path file, Tokenizer tokenizer, double testFraction) {
        return load(file, readUtf8(file), tokenizer, testFraction, C4Corpus.NO_LIMIT);
    }

    private static TokenSplit load(Path file, String text, Tokenizer tokenizer, double testFraction, int maxTokens) {
        String source = file.toAbsolutePath().toString();
        TokenSplit.checkTestFraction(testFraction, source);
        int[] all = tokenizer.encode(text);
        int[] tokens = TokenSplit.first(all, maxTokens);
        if (tokens.length < all.length) {
            source += " (its first " + tokens.length + " of " + all.length + " tokens)";
        }
        return TokenSplit.contiguous(tokens, testFraction, tokenizer.vocabSize(), source, tokenizer.name());
    }

    /** The whole file as text; malformed UTF-8 fails with its byte offset instead of becoming U+FFFD. */
    public static String readUtf8(Path file) {
        Path path = file.toAbsolutePath();
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            throw new DataException("file " + path + ": does not exist (expected a UTF-8 text file)");
        } catch (IOException e) {
            throw new DataException("file " + path + ": cannot read (" + e + ")", e);
        }
        if (bytes.length == 0) {
            throw new DataException("file " + path + ": is empty (expected UTF-8 text)");
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length); // UTF-8 never has more chars than bytes
        CoderResult result = decoder.decode(in, out, true);
        if (result.isUnderflow()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            throw new DataException("file " + path + ": malformed UTF-8 at byte " + in.position()
                    + " (" + result.length() + " bad byte(s)); expected UTF-8 text");
        }
        return out.flip().toString();
    }
}
