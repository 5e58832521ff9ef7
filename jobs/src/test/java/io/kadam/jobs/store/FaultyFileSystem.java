package io.kadam.jobs.store;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.permission.FsPermission;
import org.apache.hadoop.util.Progressable;

import java.io.IOException;
import java.net.URI;

/**
 * The local file system under the scheme {@code faulty:}, failing the operations a test picks:
 * a disk that fills up or a directory without write permission, even when the tests run as
 * root (which ignores permissions).
 */
public class FaultyFileSystem extends RawLocalFileSystem {

    /** Decides whether an operation ("create", "rename", "delete") on a path fails. */
    interface Fault {
        void check(String op, Path path) throws IOException;
    }

    private static final URI URI_ = URI.create("faulty:///");
    static volatile Fault fault = (op, path) -> { };

    static Configuration conf() {
        Configuration conf = new Configuration();
        conf.set("fs.faulty.impl", FaultyFileSystem.class.getName());
        conf.setBoolean("fs.faulty.impl.disable.cache", true);
        return conf;
    }

    static void reset() {
        fault = (op, path) -> { };
    }

    @Override
    public URI getUri() {
        return URI_;
    }

    @Override
    public String getScheme() {
        return "faulty";
    }

    @Override
    public FSDataOutputStream create(Path f, boolean overwrite, int bufferSize, short replication, long blockSize,
                                     Progressable progress) throws IOException {
        fault.check("create", f);
        return super.create(f, overwrite, bufferSize, replication, blockSize, progress);
    }

    @Override
    public FSDataOutputStream create(Path f, FsPermission permission, boolean overwrite, int bufferSize,
                                     short replication, long blockSize, Progressable progress) throws IOException {
        fault.check("create", f);
        return super.create(f, permission, overwrite, bufferSize, replication, blockSize, progress);
    }

    @Override
    public boolean rename(Path src, Path dst) throws IOException {
        fault.check("rename", dst);
        return super.rename(src, dst);
    }

    @Override
    public boolean delete(Path p, boolean recursive) throws IOException {
        fault.check("delete", p);
        return super.delete(p, recursive);
    }
}
