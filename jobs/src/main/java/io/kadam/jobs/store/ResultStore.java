package io.kadam.jobs.store;

import io.kadam.jobs.spec.Analysis;
import io.kadam.model.train.TrialStatus;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.api.ReadSupport;
import org.apache.parquet.hadoop.example.GroupReadSupport;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.time.Duration;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The driver's view of an output directory: which trials are committed, how they ended, and
 * the housekeeping around them. Reads only the small trials files; never the steps.
 */
public final class ResultStore {

    // only the two columns the driver needs: trials files may gain columns, these two stay
    private static final String STATUS_PROJECTION =
            "message trials { required binary trial_id (STRING); required binary status (STRING); }";

    private final ResultLayout layout;
    private final Configuration conf;
    private final FileSystem fs;

    public ResultStore(ResultLayout layout, Configuration conf) throws IOException {
        this.layout = layout;
        this.conf = conf;
        this.fs = layout.fileSystem(conf);
    }

    public ResultLayout layout() {
        return layout;
    }

    /** The ids of the sweep's committed trials (those with a trials file), sorted; empty for a new sweep. */
    public SortedSet<String> committedTrialIds(String sweep) throws IOException {
        SortedSet<String> ids = new TreeSet<>();
        for (FileStatus f : list(layout.partition(ResultLayout.TRIALS, sweep))) {
            String id = ResultLayout.trialIdOf(f.getPath().getName());
            if (id != null && f.isFile()) {
                ids.add(id);
            }
        }
        return ids;
    }

    /** Every committed trial of the sweep and how it ended (reads one small file per trial). */
    public SortedMap<String, TrialStatus> committedTrials(String sweep) throws IOException {
        SortedMap<String, TrialStatus> out = new TreeMap<>();
        for (String id : committedTrialIds(sweep)) {
            statusOf(sweep, id).ifPresent(status -> out.put(id, status));
        }
        return Collections.unmodifiableSortedMap(out);
    }

    /** How the trial ended, or empty when it is not committed. */
    public Optional<TrialStatus> statusOf(String sweep, String trialId) throws IOException {
        Path file = layout.file(ResultLayout.TRIALS, sweep, trialId);
        Configuration read = new Configuration(conf);
        read.set(ReadSupport.PARQUET_READ_SCHEMA, STATUS_PROJECTION);
        try (ParquetReader<Group> in = ParquetReader.builder(new GroupReadSupport(), file).withConf(read).build()) {
            Group row = in.read();
            if (row == null) {
                throw new IOException("trials file " + file + " holds no row");
            }
            String label = row.getString("status", 0);
            try {
                return Optional.of(TrialStatus.valueOf(label.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new IOException("trials file " + file + " has unknown status '" + label + "'", e);
            }
        } catch (FileNotFoundException e) {
            return Optional.empty(); // removed between listing and reading, or never committed
        }
    }

    /**
     * Removes one trial's files, for a rerun (--rerun-failed, --force). The trials file goes
     * FIRST: from then on the trial is uncommitted, so a crash before the steps and evals are gone
     * leaves only files that readers skip and the rerun replaces, never a committed trial without
     * its steps.
     *
     * @return whether the trial was committed before
     */
    public boolean removeTrial(String sweep, String trialId) throws IOException {
        boolean wasCommitted = delete(layout.file(ResultLayout.TRIALS, sweep, trialId));
        delete(layout.file(ResultLayout.STEPS, sweep, trialId));
        delete(layout.file(ResultLayout.EVALS, sweep, trialId));
        delete(layout.file(ResultLayout.CHECK_SERIES, sweep, trialId));
        delete(layout.file(ResultLayout.CHECK_METRICS, sweep, trialId));
        return wasCommitted;
    }

    /**
     * Removes staging directories nothing has written to for {@code olderThan}: the remains of
     * attempts that died mid-commit. A live attempt writes its staging files within seconds and
     * removes the directory itself, so an age of an hour or more is safe; it must also cover the
     * clock difference between this machine and the file system (HDFS NameNode, S3).
     *
     * @return the number of directories removed
     */
    public int cleanStaging(Duration olderThan) throws IOException {
        long cutoff = System.currentTimeMillis() - olderThan.toMillis();
        int removed = 0;
        for (FileStatus entry : list(layout.stagingRoot())) {
            if (newestModification(entry) < cutoff) {
                delete(entry.getPath());
                removed++;
            }
        }
        return removed;
    }

    /**
     * Refuses an output directory this run must not write to, else records the sweep there.
     * {@code <out>/_kadam.json} records the tables' schema version and, per sweep name, the
     * fingerprint of the spec that produced it; absent, it is created (temp file and rename).
     *
     * @throws StoreException when the directory holds another schema version, or the sweep name
     *                        with another spec fingerprint: the message names the directory, what
     *                        it holds and what was asked
     */
    public void checkCompatible(String sweep, String specFingerprint) throws IOException {
        new StoreMarker(fs, layout).check(sweep, specFingerprint);
    }

    /**
     * Records the sweep's table parameters (its spec's {@code analysis:}), replacing what was
     * recorded before; call after {@link #checkCompatible} accepted the spec for this sweep.
     */
    public void recordAnalysis(String sweep, Analysis analysis) throws IOException {
        new AnalysisTable(fs, layout, conf).write(sweep, analysis);
    }

    /** The sweep's recorded table parameters, or empty when none were recorded. */
    public Optional<Analysis> analysis(String sweep) throws IOException {
        return new AnalysisTable(fs, layout, conf).read(sweep);
    }

    /** The newest modification time in a staging entry; object stores give directories time 0, so files count. */
    private long newestModification(FileStatus entry) throws IOException {
        long newest = entry.getModificationTime();
        if (entry.isDirectory()) {
            try {
                RemoteIterator<LocatedFileStatus> files = fs.listFiles(entry.getPath(), true);
                while (files.hasNext()) {
                    newest = Math.max(newest, files.next().getModificationTime());
                }
            } catch (FileNotFoundException e) {
                return Long.MAX_VALUE; // its attempt just finished and removed it
            }
        }
        return newest;
    }

    private FileStatus[] list(Path dir) throws IOException {
        try {
            return fs.listStatus(dir);
        } catch (FileNotFoundException e) {
            return new FileStatus[0];
        } catch (IOException e) {
            throw new IOException("cannot list " + dir + ": " + e.getMessage(), e);
        }
    }

    private boolean delete(Path path) throws IOException {
        try {
            return fs.delete(path, true);
        } catch (IOException e) {
            throw new IOException("cannot delete " + path + ": " + e.getMessage(), e);
        }
    }
}
