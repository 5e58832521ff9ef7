package io.kadam.model.data;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.knuddels.jtokkit.api.IntArrayList;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;

/**
 * C4 (allenai/c4 "en") JSON-lines shards, gzipped, one {"text", "url", "timestamp"} object per
 * line, as one token stream. With gpt2 every document is followed by end-of-text (50256), as
 * nanoGPT's openwebtext prep; with char/byte documents are joined with a blank line ("\n\n").
 */
public final class C4Corpus {

    /** Pass as maxTokens to read every shard to the end. */
    public static final int NO_LIMIT = Integer.MAX_VALUE;

    private C4Corpus() {
    }

    /**
     * Train tokens from the train shards; test tokens from the validation shards when there are
     * any, else the last {@code testFraction} of the train stream. {@code maxTokens} caps train +
     * test together (shards are ~150 MB of text each), split by {@code testFraction} either way.
     */
    public static TokenSplit load(C4Shards shards, Tokenizer tokenizer, int maxTokens, double testFraction) {
        String source = "C4 " + shards.train().size() + " train shard(s) from "
                + shards.train().get(0).toAbsolutePath().getParent();
        TokenSplit.checkTestFraction(testFraction, source);
        if (maxTokens < 4) {
            throw new DataException(source + ": maxTokens must be >= 4 (2 train + 2 test), got " + maxTokens);
        }
        if (shards.validation().isEmpty()) {
            int[] tokens = readTokens(shards.train(), tokenizer, maxTokens);
            return TokenSplit.contiguous(tokens, testFraction, tokenizer.vocabSize(), source, tokenizer.name());
        }
        int trainCap = maxTokens == NO_LIMIT ? NO_LIMIT : (int) Math.round(maxTokens * (1.0 - testFraction));
        int testCap = maxTokens == NO_LIMIT ? NO_LIMIT : maxTokens - trainCap;
        int[] train = readTokens(shards.train(), tokenizer, Math.max(trainCap, 2));
        int[] test = readTokens(shards.validation(), tokenizer, Math.max(testCap, 2));
        String description = source + " (test from " + shards.validation().size() + " validation shard(s))";
        if (train.length < 2 || test.length < 2) {
            throw new DataException(description + ": too few tokens (" + train.length + " train, " + test.length
                    + " test); each side needs at least 2");
        }
        return new TokenSplit(train, test, tokenizer.vocabSize(),
                TokenSplit.describe(description, tokenizer.name(), train.length, test.length));
    }

    /** All documents of {@code shards}, in order, as one token stream of at most maxTokens tokens. */
    public static int[] readTokens(List<Path> shards, Tokenizer tokenizer, int maxTokens) {
        boolean gpt2 = tokenizer instanceof Gpt2Tokenizer;
        IntArrayList tokens = new IntArrayList();
        for (Path shard : shards) {
            if (tokens.size() >= maxTokens) {
                break;
            }
            forEachDocument(shard, text -> {
                int[] doc = tokenizer.encode(gpt2 || tokens.isEmpty() ? text : "\n\n" + text);
                for (int i = 0; i < doc.length && tokens.size() < maxTokens; i++) {
                    tokens.add(doc[i]);
                }
                if (gpt2 && tokens.size() < maxTokens) {
                    tokens.add(Gpt2Tokenizer.END_OF_TEXT);
                }
                return tokens.size() < maxTokens;
            });
        }
        if (tokens.isEmpty()) {
            throw new DataException("C4 shards " + shards + ": no documents found");
        }
        return tokens.toArray();
    }

    /**
     * Calls {@code document} with the "text" of each line until it returns false or the shard
     * ends. Blank lines are skipped; anything else that is not an object with a string "text"
     * fails with the line number and its decompressed byte offset.
     */
    public static void forEachDocument(Path shard, Predicate<String> document) {
        JsonFactory json = new JsonFactory();
        try (DataFileReader in = DataFileReader.open(shard)) {
            LineReader lines = new LineReader(in);
            while (lines.next()) {
                if (isBlank(lines.bytes(), lines.length())) {
                    continue;
                }
                String text = parseText(json, lines, in.file());
                if (!document.test(text)) {
                    return;
                }
            }
        }
    }

    private static String parseText(JsonFactory json, LineReader lines, Path file) {
        try (JsonParser p = json.createParser(lines.bytes(), 0, lines.length())) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw badLine(file, lines, "is not a JSON object");
            }
            String text = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.getCurrentName();
                JsonToken value = p.nextToken();
                if ("text".equals(field)) {
                    if (value != JsonToken.VALUE_STRING) {
                        throw badLine(file, lines, "has a \"text\" field that is " + value + ", expected a string");
                    }
                    text = p.getText();
                } else {
                    p.skipChildren();
                }
            }
            if (p.nextToken() != null) {
                throw badLine(file, lines, "has more after its JSON object (expected one object per line)");
            }
            if (text == null) {
                throw badLine(file, lines, "has no \"text\" field (expected {\"text\": ..., \"url\": ..., \"timestamp\": ...})");
            }
            return text;
        } catch (JsonProcessingException e) {
            throw badLine(file, lines, "is not valid JSON (" + e.getOriginalMessage() + ")");
        } catch (IOException e) {
            throw badLine(file, lines, "could not be parsed (" + e + ")");
        }
    }

    private static DataException badLine(Path file, LineReader lines, String problem) {
        return new DataException("file " + file + ": line " + lines.lineNumber() + " (decompressed byte "
                + lines.lineOffset() + ") " + problem);
    }

    private static boolean isBlank(byte[] bytes, int length) {
        for (int i = 0; i < length; i++) {
            if (bytes[i] != ' ' && bytes[i] != '\t' && bytes[i] != '\r') {
                return false;
            }
        }
        return true;
    }
}
