package io.kadam.jobs.store;

import io.kadam.jobs.spec.Analysis;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.GroupReadSupport;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code analysis/sweep=<name>/analysis.parquet}: the one row of a sweep's table parameters
 * ({@link Analysis}). Written whole under a temporary name and renamed over the old row, so a
 * reader sees the old or the new row.
 */
final class AnalysisTable {

    static final String FILE = "analysis.parquet";

    private final FileSystem fs;
    private final ResultLayout layout;
    private final Configuration conf;

    AnalysisTable(FileSystem fs, ResultLayout layout, Configuration conf) {
        this.fs = fs;
        this.layout = layout;
        this.conf = conf;
    }

    Path file(String sweep) {
        return new Path(layout.partition(ResultLayout.ANALYSIS, sweep), FILE);
    }

    Optional<Analysis> read(String sweep) throws IOException {
        Path file = file(sweep);
        if (!fs.exists(file)) {
            return Optional.empty();
        }
        try (ParquetReader<Group> in = ParquetReader.builder(new GroupReadSupport(), file).withConf(conf).build()) {
            Group row = in.read();
            if (row == null) {
                throw new StoreException(file + " holds no row: expected the sweep's analysis parameters");
            }
            return Optional.of(new Analysis(row.getLong("slope_step", 0), row.getLong("n1", 0), row.getLong("n2", 0)));
        } catch (FileNotFoundException e) {
            return Optional.empty(); // replaced between the check and the read
        }
    }

    /** Writes the row unless the same one is there. */
    void write(String sweep, Analysis analysis) throws IOException {
        if (read(sweep).filter(analysis::equals).isPresent()) {
            return;
        }
        Path target = file(sweep);
        Path temp = new Path(target.getParent(), "_" + FILE + "." + UUID.randomUUID() + ".tmp");
        try {
            fs.mkdirs(target.getParent());
            try (ParquetWriter<Group> out = ResultSchema.open(fs, temp, ResultSchema.ANALYSIS, conf)) {
                out.write(new SimpleGroupFactory(ResultSchema.ANALYSIS).newGroup()
                        .append("slope_step", analysis.slopeStep()).append("n1", analysis.n1()).append("n2", analysis.n2()));
            }
            if (!fs.rename(temp, target)) { // HDFS and S3A refuse an existing target
                fs.delete(target, false);
                // a concurrent run of the same spec may have put the same row there in between
                if (!fs.rename(temp, target) && read(sweep).filter(analysis::equals).isEmpty()) {
                    throw new IOException("rename " + temp + " -> " + target + " returned false");
                }
            }
        } catch (IOException e) {
            throw new IOException("cannot record the analysis parameters of sweep '" + sweep + "' in " + target + ": "
                    + e.getMessage(), e);
        } finally {
            Publisher.deleteQuietly(fs, temp);
        }
    }
}
