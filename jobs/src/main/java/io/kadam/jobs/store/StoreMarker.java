package io.kadam.jobs.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/**
 * The output directory's {@code _kadam.json}: the schema version of its tables and, per sweep
 * name, the fingerprint of the spec that wrote it.
 *
 * <pre>
 * {"schema_version": 1, "sweeps": {"fig3": {"fingerprint": "9f2c...", "created_at": "2025-01-01T12:00:00Z"}}}
 * </pre>
 */
final class StoreMarker {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int TRIES = 5;

    private final FileSystem fs;
    private final ResultLayout layout;

    StoreMarker(FileSystem fs, ResultLayout layout) {
        this.fs = fs;
        this.layout = layout;
    }

    /** See {@link ResultStore#checkCompatible}. */
    void check(String sweep, String fingerprint) throws IOException {
        ResultLayout.checkSweep(sweep);
        if (fingerprint == null || fingerprint.isEmpty()) {
            throw new IllegalArgumentException("spec fingerprint must be given");
        }
        // Re-read after each write: a concurrent driver adding another sweep may have replaced
        // the file between our read and our rename, dropping our entry; then we add it again.
        for (int i = 0; i < TRIES; i++) {
            ObjectNode marker = read();
            if (marker == null) {
                marker = JSON.createObjectNode().put("schema_version", ResultLayout.SCHEMA_VERSION);
            }
            checkVersion(marker);
            ObjectNode sweeps = marker.get("sweeps") instanceof ObjectNode o ? o : marker.putObject("sweeps");
            JsonNode entry = sweeps.path(sweep);
            if (entry.isObject()) {
                String recorded = entry.path("fingerprint").asText();
                if (recorded.equals(fingerprint)) {
                    return;
                }
                throw new StoreException("output directory " + layout.out() + " already holds sweep '" + sweep
                        + "' written by a different spec (fingerprint " + recorded + ", recorded "
                        + entry.path("created_at").asText("at an unknown time") + "); this run asks for sweep '" + sweep
                        + "' with spec fingerprint " + fingerprint + ". Give the changed spec a new sweep name or"
                        + " another output directory, so that its trials do not mix with the old ones.");
            }
            sweeps.putObject(sweep)
                    .put("fingerprint", fingerprint).put("created_at", Instant.now().toString());
            write(marker);
        }
        throw new IOException("could not record sweep '" + sweep + "' in " + layout.marker() + " after " + TRIES
                + " tries: other drivers keep rewriting it");
    }

    private void checkVersion(ObjectNode marker) {
        int version = marker.path("schema_version").asInt(-1);
        if (version != ResultLayout.SCHEMA_VERSION) {
            String why = version > ResultLayout.SCHEMA_VERSION
                    ? "a newer kadam wrote it; this build cannot add to or read those tables"
                    : "an older kadam wrote it; its tables would not match this build's";
            throw new StoreException("output directory " + layout.out() + " holds result tables of schema version "
                    + version + " (" + layout.marker() + "), this build writes schema version "
                    + ResultLayout.SCHEMA_VERSION + ": " + why + ". Use another output directory.");
        }
    }

    /** The marker, or null when there is none. */
    ObjectNode read() throws IOException {
        Path path = layout.marker();
        byte[] bytes;
        try (FSDataInputStream in = fs.open(path)) {
            bytes = in.readAllBytes();
        } catch (FileNotFoundException e) {
            return null;
        }
        try {
            JsonNode node = JSON.readTree(bytes);
            if (node instanceof ObjectNode object) {
                return object;
            }
        } catch (JsonProcessingException e) {
            throw new StoreException("cannot parse " + path + " (" + e.getOriginalMessage() + "): is "
                    + layout.out() + " a kadam output directory?", e);
        }
        throw new StoreException(path + " is not a JSON object: is " + layout.out() + " a kadam output directory?");
    }

    /**
     * Writes a temp file and renames it over the marker, so readers see the old or the new
     * marker whole. POSIX rename replaces atomically; HDFS and S3A refuse an existing target, so
     * there the old marker is deleted first (a reader in between sees none and writes a fresh
     * one; the re-read in {@link #check} repairs what that loses).
     */
    private void write(ObjectNode marker) throws IOException {
        Path path = layout.marker();
        Path temp = new Path(layout.root(), ResultLayout.MARKER + "." + UUID.randomUUID() + ".tmp");
        try {
            fs.mkdirs(layout.root());
            try (FSDataOutputStream out = fs.create(temp, false)) {
                out.write(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(marker).getBytes(StandardCharsets.UTF_8));
            }
            if (!fs.rename(temp, path)) {
                fs.delete(path, false);
                if (!fs.rename(temp, path) && !fs.exists(path)) {
                    throw new IOException("rename " + temp + " -> " + path + " returned false");
                }
            }
        } catch (IOException e) {
            throw new IOException("cannot write " + path + ": " + e.getMessage(), e);
        } finally {
            Publisher.deleteQuietly(fs, temp);
        }
    }
}
