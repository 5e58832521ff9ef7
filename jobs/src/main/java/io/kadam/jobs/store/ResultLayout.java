package io.kadam.jobs.store;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.ChecksumFileSystem;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

import java.io.IOException;

import java.io.Serializable;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Where everything lives under one output directory (see the package documentation for the
 * contract). Holds the directory as a URI string, so it travels to executors as it is and works
 * for {@code file:}, {@code hdfs:} and {@code s3a:} alike.
 *
 * @param out the output directory, e.g. {@code file:/data/kadam} or {@code hdfs://nn/kadam}
 */
public record ResultLayout(String out) implements Serializable {

    /**
     * The version of the three tables' schema this build writes and reads. Independent of
     * {@code TrialId}'s metric schema version, which feeds trial ids; this one guards the
     * output directory's files.
     */
    public static final int SCHEMA_VERSION = 1;

    public static final String TRIALS = "trials";
    public static final String STEPS = "steps";
    public static final String EVALS = "evals";
    /** Continuous-time check trials only: their curves and headline numbers. */
    public static final String CHECK_SERIES = "check_series";
    public static final String CHECK_METRICS = "check_metrics";
    /** One row per sweep: its table parameters ({@link io.kadam.jobs.spec.Analysis}). */
    public static final String ANALYSIS = "analysis";
    public static final String STAGING = "_staging";
    public static final String MARKER = "_kadam.json";

    private static final String PREFIX = "trial-";
    private static final String SUFFIX = ".parquet";

    // Sweep names become directory names that Spark parses back as partition values: a letter
    // first keeps them strings (Spark infers "2024" as int and "1e3" as double), and the narrow
    // alphabet needs no escaping on any file system.
    private static final Pattern SWEEP = Pattern.compile("[A-Za-z][A-Za-z0-9._-]{0,127}");
    private static final Pattern TRIAL_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

    public ResultLayout {
        if (out == null || out.isBlank()) {
            throw new IllegalArgumentException("output directory must be given");
        }
    }

    public Path root() {
        return new Path(out);
    }

    /**
     * The file system of the output directory. For {@code file:} that is the raw local file
     * system, without Hadoop's {@code .crc} side files: those are renamed in a second, separate
     * rename after each data file, so a crash between the two would leave a replaced table file
     * beside a stale checksum that fails every later read. Parquet writes a CRC into
     * every page header itself, so nothing is lost.
     */
    public FileSystem fileSystem(Configuration conf) throws IOException {
        FileSystem fs = root().getFileSystem(conf);
        return fs instanceof ChecksumFileSystem checksummed ? checksummed.getRawFileSystem() : fs;
    }

    /** {@code <out>/<table>/sweep=<sweep>}: one Spark partition of a table. */
    public Path partition(String table, String sweep) {
        return new Path(new Path(root(), table), "sweep=" + checkSweep(sweep));
    }

    /** {@code <out>/<table>/sweep=<sweep>/trial-<trialId>.parquet}. */
    public Path file(String table, String sweep, String trialId) {
        return new Path(partition(table, sweep), fileName(trialId));
    }

    public Path stagingRoot() {
        return new Path(root(), STAGING);
    }

    /** A fresh staging directory for one attempt at one trial: never shared with another attempt. */
    public Path newStagingDir(String trialId) {
        return new Path(stagingRoot(), checkTrialId(trialId) + "-" + UUID.randomUUID());
    }

    public Path marker() {
        return new Path(root(), MARKER);
    }

    public static String fileName(String trialId) {
        return PREFIX + checkTrialId(trialId) + SUFFIX;
    }

    /** The trial id of a table file's name, or null for anything else (checksums, temp files). */
    public static String trialIdOf(String fileName) {
        if (!fileName.startsWith(PREFIX) || !fileName.endsWith(SUFFIX)) {
            return null;
        }
        String id = fileName.substring(PREFIX.length(), fileName.length() - SUFFIX.length());
        return TRIAL_ID.matcher(id).matches() ? id : null;
    }

    public static String checkSweep(String sweep) {
        if (sweep == null || !SWEEP.matcher(sweep).matches() || sweep.equals("NaN") || sweep.equals("Infinity")) {
            throw new IllegalArgumentException("sweep name must start with a letter and hold only letters, digits, '.', '_'"
                    + " and '-' (at most 128), got '" + sweep + "'");
        }
        return sweep;
    }

    public static String checkTrialId(String trialId) {
        if (trialId == null || !TRIAL_ID.matcher(trialId).matches()) {
            throw new IllegalArgumentException("trial id must hold only letters, digits, '.', '_' and '-' (at most 128),"
                    + " not starting with '.', '_' or '-', got '" + trialId + "'");
        }
        return trialId;
    }
}
