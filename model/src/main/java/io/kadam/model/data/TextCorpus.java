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
        String text = readUtf8(file);
        return load(file, text, Tokenizer.named(tokenizerName, text), testFraction);
    }

    /** Tokenizes with a tokenizer built elsewhere (e.g. a char vocabulary kept for decoding samples). */
    public static TokenSplit load(Path file, Tokenizer tokenizer, double testFraction) {
        return load(file, readUtf8(file), tokenizer, testFraction);
    }

    private static TokenSplit load(Path file, String text, Tokenizer tokenizer, double testFraction) {
        String source = file.toAbsolutePath().toString();
        TokenSplit.checkTestFraction(testFraction, source);
        int[] tokens = tokenizer.encode(text);
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
