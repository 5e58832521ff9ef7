package io.kadam.model.data;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * A data file opened for reading, gzipped or not (told apart by the gzip magic bytes 1f 8b, not
 * by the name), that keeps track of where it is so every failure can name the file and offset.
 * {@link #position()} counts decompressed bytes; for gzip the compressed offset is reported too.
 */
final class DataFileReader implements Closeable {

    private final Path file;
    private final CountingInputStream raw;
    private final InputStream data;
    private final boolean gzipped;
    private long position;

    private DataFileReader(Path file, CountingInputStream raw, InputStream data, boolean gzipped) {
        this.file = file;
        this.raw = raw;
        this.data = data;
        this.gzipped = gzipped;
    }

    static DataFileReader open(Path file) {
        Path path = file.toAbsolutePath();
        CountingInputStream raw = null;
        try {
            raw = new CountingInputStream(Files.newInputStream(path));
            BufferedInputStream buffered = new BufferedInputStream(raw, 1 << 16);
            buffered.mark(2);
            boolean gzip = buffered.read() == 0x1f && buffered.read() == 0x8b;
            buffered.reset();
            InputStream data = gzip ? new GZIPInputStream(buffered, 1 << 16) : buffered;
            return new DataFileReader(path, raw, data, gzip);
        } catch (NoSuchFileException e) {
            throw new DataException("file " + path + ": does not exist");
        } catch (EOFException | ZipException e) {
            closeQuietly(raw);
            throw new DataException("file " + path + ": corrupt gzip header (" + e.getMessage() + ")", e);
        } catch (IOException e) {
            closeQuietly(raw);
            throw new DataException("file " + path + ": cannot read (" + e + ")", e);
        }
    }

    Path file() {
        return file;
    }

    /** Decompressed bytes read so far. */
    long position() {
        return position;
    }

    /** Reads up to len bytes, fewer only at the end of the data; a broken gzip stream is a DataException. */
    int read(byte[] buf, int off, int len) {
        int total = 0;
        try {
            while (total < len) {
                int n = data.read(buf, off + total, len - total);
                if (n < 0) {
                    break;
                }
                total += n;
                position += n;
            }
            return total;
        } catch (EOFException | ZipException e) {
            throw new DataException("file " + file + ": truncated or corrupt gzip data at compressed byte "
                    + raw.count() + " (decompressed byte " + position + "): " + e.getMessage(), e);
        } catch (IOException e) {
            throw new DataException("file " + file + ": read failed at byte " + position + " (" + e + ")", e);
        }
    }

    /** True when nothing is left; used to reject trailing garbage. */
    boolean atEnd() {
        byte[] one = new byte[1];
        return read(one, 0, 1) == 0;
    }

    boolean gzipped() {
        return gzipped;
    }

    @Override
    public void close() {
        closeQuietly(data);
    }

    private static void closeQuietly(Closeable c) {
        try {
            if (c != null) {
                c.close();
            }
        } catch (IOException ignored) {
            // closing a read-only stream: nothing to recover
        }
    }
}
