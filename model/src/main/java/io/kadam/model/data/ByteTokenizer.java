package io.kadam.model.data;

import java.nio.charset.StandardCharsets;

/** One token per UTF-8 byte, vocabulary 256: needs no vocabulary file and covers any text. */
public final class ByteTokenizer implements Tokenizer {

    @Override
    public String name() {
        return "byte";
    }

    @Override
    public int vocabSize() {
        return 256;
    }

    @Override
    public int[] encode(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        int[] tokens = new int[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            tokens[i] = bytes[i] & 0xff;
        }
        return tokens;
    }

    /** Sampled byte sequences need not be valid UTF-8; bad sequences decode to U+FFFD. */
    @Override
    public String decode(int[] tokens) {
        byte[] bytes = new byte[tokens.length];
        for (int i = 0; i < tokens.length; i++) {
            if (tokens[i] < 0 || tokens[i] > 255) {
                throw new DataException("tokenizer 'byte': token " + tokens[i] + " at index " + i
                        + " is not a byte value [0, 256)");
            }
            bytes[i] = (byte) tokens[i];
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
