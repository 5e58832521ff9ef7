package io.kadam.model.data;

import java.util.Arrays;

/**
 * One token per UTF-16 char, vocabulary = the sorted distinct chars of a corpus, as nanoGPT's
 * shakespeare_char (65 symbols on tinyshakespeare).
 */
public final class CharTokenizer implements Tokenizer {

    private final char[] vocabulary; // sorted, so a token id is a binary-search position

    private CharTokenizer(char[] vocabulary) {
        this.vocabulary = vocabulary;
    }

    public static CharTokenizer of(String corpus) {
        char[] distinct = corpus.chars().distinct().sorted()
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString().toCharArray();
        if (distinct.length == 0) {
            throw new DataException("tokenizer 'char': the corpus is empty, so there is no vocabulary");
        }
        return new CharTokenizer(distinct);
    }

    /** The vocabulary in id order. */
    public char[] vocabulary() {
        return vocabulary.clone();
    }

    @Override
    public String name() {
        return "char";
    }

    @Override
    public int vocabSize() {
        return vocabulary.length;
    }

    @Override
    public int[] encode(String text) {
        int[] tokens = new int[text.length()];
        for (int i = 0; i < tokens.length; i++) {
            char c = text.charAt(i);
            int id = Arrays.binarySearch(vocabulary, c);
            if (id < 0) {
                throw new DataException(String.format(
                        "tokenizer 'char': char '%c' (U+%04X) at index %d is not in the vocabulary of %d chars",
                        c, (int) c, i, vocabulary.length));
            }
            tokens[i] = id;
        }
        return tokens;
    }

    @Override
    public String decode(int[] tokens) {
        char[] chars = new char[tokens.length];
        for (int i = 0; i < tokens.length; i++) {
            if (tokens[i] < 0 || tokens[i] >= vocabulary.length) {
                throw new DataException("tokenizer 'char': token " + tokens[i] + " at index " + i
                        + " is outside the vocabulary [0, " + vocabulary.length + ")");
            }
            chars[i] = vocabulary[tokens[i]];
        }
        return new String(chars);
    }
}
