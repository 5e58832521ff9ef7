package io.kadam.jobs.report;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * Which code made a report: the project version (jar manifest, else the Maven pom.properties,
 * else {@link #FALLBACK_VERSION} when running from classes) and the git commit of the working
 * directory when {@code git rev-parse --short HEAD} answers there; never an error.
 *
 * @param commit the short commit id, or null when unknown
 */
public record CodeVersion(String version, String commit) {

    /** The version in the poms; used when no jar metadata is on the class path (bin/kadam runs from classes). */
    static final String FALLBACK_VERSION = "0.1.0-SNAPSHOT";

    public static CodeVersion detect() {
        return new CodeVersion(projectVersion(), gitCommit());
    }

    /** "kadam 0.1.0-SNAPSHOT, git 2a13024" or "kadam 0.1.0-SNAPSHOT (git commit unknown)". */
    public String describe() {
        return "kadam " + version + (commit == null ? " (git commit unknown)" : ", git " + commit);
    }

    static String projectVersion() {
        String manifest = CodeVersion.class.getPackage().getImplementationVersion();
        if (manifest != null && !manifest.isBlank()) {
            return manifest;
        }
        try (InputStream in = CodeVersion.class.getResourceAsStream("/META-INF/maven/io.kadam/kadam-jobs/pom.properties")) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                String v = p.getProperty("version");
                if (v != null && !v.isBlank()) {
                    return v;
                }
            }
        } catch (IOException | RuntimeException e) {
            // fall through to the constant
        }
        return FALLBACK_VERSION;
    }

    static String gitCommit() {
        Process git = null;
        try {
            git = new ProcessBuilder("git", "rev-parse", "--short", "HEAD")
                    .redirectError(ProcessBuilder.Redirect.DISCARD).redirectInput(ProcessBuilder.Redirect.PIPE).start();
            git.getOutputStream().close();
            if (!git.waitFor(5, TimeUnit.SECONDS) || git.exitValue() != 0) {
                return null;
            }
            String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return out.matches("[0-9a-f]{4,64}") ? out : null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (IOException | RuntimeException e) {
            return null; // no git, not a repository, no permission: the page says "unknown"
        } finally {
            if (git != null && git.isAlive()) {
                git.destroyForcibly();
            }
        }
    }
}
