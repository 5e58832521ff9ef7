package io.kadam.model.data;

import java.util.Arrays;

/**
 * Splits a data file into '\n'-terminated lines of raw bytes, remembering each line's number and
 * decompressed start offset for error messages. Works on bytes so JSON decodes its own UTF-8.
 */
final class LineReader {

    private final DataFileReader in;
    private final byte[] chunk = new byte[1 << 16];
    private int chunkStart;
    private int chunkEnd;
    private long chunkOffset; // file offset of chunk[0]

    private byte[] line = new byte[1 << 12];
    private int lineLength;
    private long lineNumber;
    private long lineOffset;

    LineReader(DataFileReader in) {
        this.in = in;
    }

    /** Advances to the next line; false at the end of the file. A last line without '\n' counts. */
    boolean next() {
        lineLength = 0;
        lineOffset = chunkOffset + chunkStart;
        while (true) {
            if (chunkStart == chunkEnd) {
                chunkOffset += chunkEnd;
                chunkStart = 0;
                chunkEnd = in.read(chunk, 0, chunk.length);
                if (chunkEnd == 0) {
                    if (lineLength == 0) {
                        return false;
                    }
                    lineNumber++;
                    return true;
                }
            }
            int newline = chunkStart;
            while (newline < chunkEnd && chunk[newline] != '\n') {
                newline++;
            }
            append(chunkStart, newline);
            boolean found = newline < chunkEnd;
            chunkStart = found ? newline + 1 : newline;
            if (found) {
                lineNumber++;
                return true;
            }
        }
    }

    private void append(int from, int to) {
        int n = to - from;
        if (lineLength + n > line.length) {
            line = Arrays.copyOf(line, Math.max(line.length * 2, lineLength + n));
        }
        System.arraycopy(chunk, from, line, lineLength, n);
        lineLength += n;
    }

    /** The current line's bytes, valid in [0, length()) until the next call to next(). */
    byte[] bytes() {
        return line;
    }

    int length() {
        return lineLength;
    }

    /** 1-based number of the current line. */
    long lineNumber() {
        return lineNumber;
    }

    /** Decompressed byte offset where the current line starts. */
    long lineOffset() {
        return lineOffset;
    }
}
