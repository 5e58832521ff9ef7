package io.kadam.model.data;

import io.kadam.model.SeededRandom;

import java.util.List;

/**
 * A seeded synthetic corpus for runs that have no data set (a fresh clone, the quickstart):
 * sentences from a first-order Markov chain over a small English word list. What matters for
 * the paper's Fig. 3 is what real text also has at byte level: a few dozen symbols recur and
 * most of the 256 byte rows never occur, so their updates are the ones that grow in B−.
 * The same seed always gives the same text.
 */
public final class GeneratedText {

    private static final List<String> WORDS = List.of(
            "the", "a", "of", "and", "to", "in", "is", "was", "that", "with", "for", "as", "on", "by", "at",
            "king", "queen", "lord", "lady", "man", "woman", "child", "house", "crown", "sword", "heart",
            "night", "day", "love", "death", "time", "world", "name", "hand", "eye", "word", "blood",
            "speak", "come", "go", "see", "know", "give", "take", "make", "hear", "tell", "think",
            "good", "great", "old", "young", "noble", "poor", "sweet", "fair", "true", "false",
            "now", "then", "here", "there", "never", "ever", "again", "yet", "so", "not", "but", "if");

    private GeneratedText() {}

    /** About {@code chars} characters of text from {@code seed}. */
    public static String generate(long seed, int chars) {
        SeededRandom rng = new SeededRandom(seed);
        int n = WORDS.size();
        // each word prefers a handful of successors: learnable structure beyond unigram counts
        int[][] next = new int[n][4];
        for (int[] row : next) {
            for (int j = 0; j < row.length; j++) {
                row[j] = rng.nextInt(n);
            }
        }
        StringBuilder text = new StringBuilder(chars + 32);
        int word = rng.nextInt(n);
        int inSentence = 0;
        while (text.length() < chars) {
            String w = WORDS.get(word);
            text.append(inSentence == 0 ? Character.toUpperCase(w.charAt(0)) + w.substring(1) : w);
            inSentence++;
            if (inSentence > 5 && rng.nextInt(6) == 0) {
                text.append(rng.nextInt(4) == 0 ? "?\n" : ".\n");
                inSentence = 0;
            } else {
                text.append(rng.nextInt(10) == 0 ? ", " : " ");
            }
            word = rng.nextInt(5) == 0 ? rng.nextInt(n) : next[word][rng.nextInt(4)];
        }
        return text.toString();
    }

    /** The generated text tokenized and split like a text file (see {@link TextCorpus}). */
    public static TokenSplit tokens(long seed, int chars, String tokenizerName, double testFraction) {
        return tokens(seed, chars, tokenizerName, testFraction, C4Corpus.NO_LIMIT);
    }

    /** As {@link #tokens(long, int, String, double)}, keeping the first {@code maxTokens} tokens. */
    public static TokenSplit tokens(long seed, int chars, String tokenizerName, double testFraction, int maxTokens) {
        String text = generate(seed, chars);
        Tokenizer tokenizer = Tokenizer.named(tokenizerName, text);
        int[] all = tokenizer.encode(text);
        int[] tokens = TokenSplit.first(all, maxTokens);
        return TokenSplit.contiguous(tokens, testFraction, tokenizer.vocabSize(), "generated text (seed " + seed + ", "
                + text.length() + " chars" + (tokens.length < all.length ? ", its first " + tokens.length + " tokens" : "") + ")",
                tokenizer.name());
    }
}
