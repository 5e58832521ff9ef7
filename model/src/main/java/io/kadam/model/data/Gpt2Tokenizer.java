package io.kadam.model.data;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import com.knuddels.jtokkit.api.IntArrayList;

/**
 * GPT-2's BPE (tiktoken's r50k_base, 50257 tokens) via jtokkit, which ships the merges in its
 * jar, so nothing is downloaded. Text is encoded as ordinary text: "<|endoftext|>" written in a
 * document is just characters; document boundaries get {@link #END_OF_TEXT} from the loader.
 */
public final class Gpt2Tokenizer implements Tokenizer {

    public static final int END_OF_TEXT = 50256;
    public static final int VOCAB_SIZE = 50257;

    /** Loaded once per JVM on first use; jtokkit encodings are immutable and thread-safe. */
    private static final class Bpe {
        static final Encoding R50K = Encodings.newDefaultEncodingRegistry().getEncoding(EncodingType.R50K_BASE);
    }

    @Override
    public String name() {
        return "gpt2";
    }

    @Override
    public int vocabSize() {
        return VOCAB_SIZE;
    }

    @Override
    public int[] encode(String text) {
        return Bpe.R50K.encodeOrdinary(text).toArray();
    }

    @Override
    public String decode(int[] tokens) {
        IntArrayList list = new IntArrayList(tokens.length);
        for (int i = 0; i < tokens.length; i++) {
            if (tokens[i] < 0 || tokens[i] >= VOCAB_SIZE) {
                throw new DataException("tokenizer 'gpt2': token " + tokens[i] + " at index " + i
                        + " is outside the vocabulary [0, " + VOCAB_SIZE + ")");
            }
            list.add(tokens[i]);
        }
        return Bpe.R50K.decode(list);
    }
}
