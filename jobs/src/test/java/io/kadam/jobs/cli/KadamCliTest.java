package io.kadam.jobs.cli;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KadamCliTest {

    private record Result(int status, String out, String err) {}

    private static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = KadamCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void pointPrintsCAndRegion() {
        Result r = run("theory", "point", "0.999", "0.9", "--n", "0");
        assertEquals(0, r.status(), r.err());
        String[] lines = r.out().strip().split("\n");
        assertEquals(2, lines.length, r.out());
        assertTrue(lines[1].contains("0.221221") && lines[1].contains("B+"), lines[1]); // C = 2/0.9 − 1/0.999 − 1
    }

    @Test
    void normalCurvePrintsItsCrossingAndOneRowPerPoint() {
        Result r = run("theory", "normal", "--through", "0.999,0.9", "--points", "64", "--beta-from", "0.9516", "--beta-to", "0.9620");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("crosses C = 0 at (0.961920, 0.980591)"), r.out());
        long rows = r.out().lines().filter(l -> l.contains("B-") || l.contains("B+") || l.contains("B0")).count();
        assertEquals(64, rows, r.out());
    }

    @Test
    void levelCurveAndStrategies() {
        Result level = run("theory", "level", "--c", "0", "--points", "3");
        assertEquals(0, level.status(), level.err());
        assertEquals(3, level.out().lines().filter(l -> l.contains(" B0 ")).count(), level.out());
        Result strategies = run("theory", "strategies", "--k", "2");
        assertTrue(strategies.out().contains("inverse-exp, k = 2: every level has beta = 0.968377223, gamma = 0.683772234"), strategies.out());
    }

    @Test
    void badInputIsAUsageErrorNamingTheField() {
        Result beta = run("theory", "point", "1.2", "0.9");
        assertEquals(2, beta.status());
        assertTrue(beta.err().contains("beta must be in the open interval (0, 1), got 1.2"), beta.err());

        Result typo = run("theory", "normal", "--throug", "0.999,0.9");
        assertEquals(2, typo.status());
        assertTrue(typo.err().contains("unknown option --throug"), typo.err());

        Result pair = run("theory", "normal", "--through", "0.999");
        assertTrue(pair.err().contains("--through must be BETA,GAMMA"), pair.err());

        Result range = run("theory", "normal", "--through", "0.999,0.9", "--beta-from", "0.5");
        assertEquals(2, range.status());
        assertTrue(range.err().contains("betaFrom"), range.err());

        Result command = run("train");
        assertEquals(2, command.status());
        assertTrue(command.err().contains("unknown command 'train'"), command.err());
    }
}
