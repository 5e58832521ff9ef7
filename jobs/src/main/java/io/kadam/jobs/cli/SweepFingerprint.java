package io.kadam.jobs.cli;

import io.kadam.jobs.spec.TrialSpec;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * What a sweep name stands for in a results directory: the hash of its trial ids. A different
 * spec under the same name (another grid, other hyperparameters) gets a different fingerprint,
 * and the store refuses to mix the two.
 */
final class SweepFingerprint {
    private SweepFingerprint() {}

    static String of(List<TrialSpec> trials) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            trials.stream().map(TrialSpec::trialId).sorted().forEach(id -> sha.update((id + "\n").getBytes(StandardCharsets.UTF_8)));
            return HexFormat.of().formatHex(sha.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
