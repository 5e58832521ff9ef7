package io.kadam.jobs.report;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The directory of one sweep's report, on any Hadoop file system (like the results it sits in):
 * local paths, {@code file:}, {@code hdfs:}, {@code s3a:}. Locally no {@code .crc} files are written.
 */
final class ReportFiles {

    private final FileSystem fs;
    private final Path dir;
    private final String shown;

    private ReportFiles(FileSystem fs, Path dir, String shown) {
        this.fs = fs;
        this.dir = dir;
        this.shown = shown;
    }

    /** {@code dir} as given (a path or URI), on the file system its scheme names. */
    static ReportFiles at(String dir, Configuration conf) {
        try {
            Path path = new Path(dir);
            FileSystem fs = path.getFileSystem(conf);
            if (fs instanceof LocalFileSystem local) {
                fs = local.getRaw();
            }
            return new ReportFiles(fs, path, dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open " + dir, e);
        }
    }

    /** Removes what an earlier report left there (a figure skipped now must not stay behind), then creates it. */
    void reset() {
        try {
            if (fs.exists(dir)) {
                fs.delete(dir, true);
            }
            fs.mkdirs(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + shown, e);
        }
    }

    void write(String name, byte[] bytes) {
        try (FSDataOutputStream out = fs.create(new Path(dir, name), true)) {
            out.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + path(name), e);
        }
    }

    /** The path of a file as the user gave the directory. */
    String path(String name) {
        return shown + "/" + name;
    }
}
