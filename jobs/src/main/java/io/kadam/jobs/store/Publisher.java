package io.kadam.jobs.store;

import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Moves one attempt's staged files into the tables: the data files (steps, evals) first, the
 * trials row last. The trials file is the commit marker: a trial is committed iff it exists.
 *
 * <p>Why this never leaves duplicates or half a trial:
 * <ul>
 * <li>Every file's final name is a function of the trial id alone, so whatever happens there is
 *     at most one file, hence one set of rows, per trial and table. Duplicates are impossible by
 *     construction, whatever the file system.</li>
 * <li>Files are written completely in the attempt's own staging directory and then renamed, so a
 *     final path holds either nothing or a whole file.</li>
 * <li>The marker goes last: a crash before it leaves data files of an uncommitted trial, which
 *     readers skip (they join on committed ids) and the next attempt replaces.</li>
 * </ul>
 *
 * <p>Per file system:
 * <ul>
 * <li>Local/POSIX: rename(2) is atomic and replaces an existing target (NFS: atomic on the server;
 *     other clients see it once their attribute caches expire). A leftover data
 *     file is replaced in one step. Two attempts racing for the marker can both pass the
 *     "exists?" check; the later rename then atomically replaces an equal row (trials are
 *     deterministic, only timings differ), still one row.</li>
 * <li>HDFS: rename is atomic and refuses an existing target (returns false). For the marker that
 *     means another attempt won: treated as already committed. A leftover data file is deleted
 *     first, then renamed over; only two attempts committing the same trial in the same
 *     milliseconds could interleave there, and even then every file is whole.</li>
 * <li>Object stores (S3A): there is no rename; S3A copies the object, then deletes the source
 *     (time proportional to size). A single object still appears whole (S3 makes a PUT or COPY
 *     visible atomically and has listed consistently since 2020), so the points above hold per
 *     file. Lost is the atomicity of check-then-rename: two attempts committing at the same
 *     moment may both copy, the later replacing an equal file, still one per trial. A crash
 *     between copy and delete leaves the staged copy behind for {@code cleanStaging}. Stores
 *     without atomic object visibility or consistent listing are not supported.</li>
 * </ul>
 */
final class Publisher {

    /** A staged file and where it goes. */
    record Move(Path staged, Path target) {
    }

    private final FileSystem fs;

    Publisher(FileSystem fs) {
        this.fs = fs;
    }

    /** @throws IOException naming the path that failed; data files this call placed are removed again */
    CommitResult publish(List<Move> data, Move marker) throws IOException {
        List<Path> placed = new ArrayList<>();
        try {
            for (Move move : data) {
                if (fs.exists(marker.target())) {
                    return CommitResult.ALREADY_COMMITTED;
                }
                placeData(move);
                placed.add(move.target());
            }
            return placeMarker(marker);
        } catch (IOException e) {
            // Data files without their trials row are invisible to readers, but the contract
            // says nothing partial stays behind. Only while the trial is still uncommitted: once a
            // concurrent attempt committed, these paths are its files.
            if (!placed.isEmpty() && !existsOrUnknown(marker.target())) {
                for (Path p : placed) {
                    deleteQuietly(fs, p);
                }
            }
            throw e;
        }
    }

    private void placeData(Move move) throws IOException {
        mkdirs(move.target().getParent());
        if (rename(move)) {
            return; // POSIX: done, even over a leftover
        }
        if (fs.exists(move.target())) {
            // HDFS/S3A refuse an existing target: it is a leftover of an attempt that never
            // committed (the marker was absent a moment ago). Replace it with this attempt's
            // file, so that the row and the steps written together stay together.
            delete(move.target());
            if (rename(move) || fs.exists(move.target())) {
                return; // or a concurrent attempt placed its own, equal one in between
            }
        }
        throw new IOException("rename " + move.staged() + " -> " + move.target() + " failed (returned false)");
    }

    private CommitResult placeMarker(Move move) throws IOException {
        if (fs.exists(move.target())) {
            return CommitResult.ALREADY_COMMITTED;
        }
        mkdirs(move.target().getParent());
        if (rename(move)) {
            return CommitResult.COMMITTED;
        }
        if (fs.exists(move.target())) {
            return CommitResult.ALREADY_COMMITTED; // HDFS: a concurrent attempt won the rename
        }
        throw new IOException("rename " + move.staged() + " -> " + move.target() + " failed (returned false)");
    }

    private boolean rename(Move move) throws IOException {
        try {
            return fs.rename(move.staged(), move.target());
        } catch (IOException e) {
            throw new IOException("cannot move " + move.staged() + " to " + move.target() + ": " + e.getMessage(), e);
        }
    }

    private void mkdirs(Path dir) throws IOException {
        try {
            if (!fs.mkdirs(dir)) {
                throw new IOException("mkdirs returned false");
            }
        } catch (IOException e) {
            throw new IOException("cannot create directory " + dir + ": " + e.getMessage(), e);
        }
    }

    private void delete(Path file) throws IOException {
        try {
            fs.delete(file, false);
        } catch (IOException e) {
            throw new IOException("cannot delete " + file + ": " + e.getMessage(), e);
        }
    }

    /** Whether the path exists; true when that cannot be told (then nothing is rolled back). */
    private boolean existsOrUnknown(Path path) {
        try {
            return fs.exists(path);
        } catch (IOException | RuntimeException e) {
            return true;
        }
    }

    /** Best-effort cleanup that must not hide the error being reported. */
    static void deleteQuietly(FileSystem fs, Path path) {
        try {
            fs.delete(path, true);
        } catch (IOException | RuntimeException ignored) {
            // left for ResultStore.cleanStaging or the next attempt
        }
    }
}
