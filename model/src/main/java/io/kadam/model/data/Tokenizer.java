package io.kadam.model.data;

/**
 * Text to token ids and back. Implementations are immutable and safe to share between threads.
 */
public interface Tokenizer {

    /** The names {@link #named} accepts. */
    String NAMES = "char, byte, gpt2";

    String name();

    int vocabSize();

    int[] encode(String text);

    String decode(int[] tokens);

    /**
     * The tokenizer called {@code name}: "char" (vocabulary = the distinct chars of
     * {@code corpusForCharVocab}, which must be given), "byte" (UTF-8 bytes) or "gpt2" (r50k_base).
     */
    static Tokenizer named(String name, String corpusForCharVocab) {
        return switch (name) {
            case "char" -> {
                if (corpusForCharVocab == null) {
                    throw new DataException("tokenizer 'char' needs a corpus to build its vocabulary from");
                }
                yield CharTokenizer.of(corpusForCharVocab);
            }
            case "byte" -> new ByteTokenizer();
            case "gpt2" -> new Gpt2Tokenizer();
            default -> throw new DataException("unknown tokenizer '" + name + "': expected one of " + NAMES);
        };
    }
}
