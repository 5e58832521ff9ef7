package io.kadam.jobs.cli;

import io.kadam.optimizer.AdaptiveNormalization;
import io.kadam.optimizer.LevelStrategy;
import io.kadam.optimizer.theory.AdamPoint;
import io.kadam.optimizer.theory.Curve;
import io.kadam.optimizer.theory.CurvePoint;
import io.kadam.optimizer.theory.LevelCurve;
import io.kadam.optimizer.theory.NormalCurve;
import io.kadam.optimizer.theory.Section;
import io.kadam.optimizer.theory.TheoryRow;
import io.kadam.optimizer.theory.TheoryTable;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * {@code kadam theory}: prints what the stability theory predicts for a point, for points along a
 * normal or level curve, or for k-Adam's levels, so users can plan a sweep before running it.
 */
final class TheoryCommand {

    static final String USAGE = """
            usage:
              kadam theory point BETA GAMMA [--n N]
              kadam theory normal --through BETA,GAMMA [--points P] [--beta-from A --beta-to B] [--n N]
              kadam theory level (--through BETA,GAMMA | --c C) [--points P] [--beta-from A --beta-to B] [--n N]
              kadam theory strategies [--k K] [--n N]

            Columns: s = arc length along the curve from its low-beta end; C = C(beta, gamma);
            region B+ (C > 0, bounded), B0 (|C| <= --zero-tol, default 1e-9), B- (C < 0, grows);
            |C|/2 = predicted slope of log max-update in B-; ln g-ln(b)/2 = exact growth rate of the
            update of a coordinate whose gradient has vanished; bound(n) = Eq. 5 at step n
            (default n = 1000; on B0 the bound uses sqrt(n+1), the number of steps taken).
            Curve points are equally spaced in arc length; an end on the border of the unit square
            is excluded (not a valid Adam point) with the spacing kept (--points default 16).
            """;

    private static final Set<String> OPTIONS = Set.of("n", "through", "c", "points", "beta-from", "beta-to", "k", "zero-tol");

    private TheoryCommand() {}

    static int run(String[] args, PrintStream out) {
        if (args.length < 2 || args[1].equals("help") || args[1].equals("--help")) {
            out.print(USAGE);
            return args.length < 2 ? 2 : 0;
        }
        CliArgs a = CliArgs.parse(args, 2, OPTIONS);
        long n = a.integer("n", 1000);
        if (n < 0) {
            throw new CliArgs.UsageException("--n must be >= 0 (a step index), got " + n);
        }
        double zeroTol = a.number("zero-tol", 1e-9);
        switch (args[1]) {
            case "point" -> point(a, n, zeroTol, out);
            case "normal", "level" -> curve(args[1], a, n, zeroTol, out);
            case "strategies" -> strategies(a, n, zeroTol, out);
            default -> throw new CliArgs.UsageException("unknown theory form '" + args[1] + "' (point, normal, level, strategies)");
        }
        return 0;
    }

    private static void point(CliArgs a, long n, double zeroTol, PrintStream out) {
        if (a.positionals().size() != 2) {
            throw new CliArgs.UsageException("theory point needs BETA GAMMA, got " + a.positionals());
        }
        AdamPoint p = new AdamPoint(CliArgs.parseNumber("BETA", a.positionals().get(0)),
                CliArgs.parseNumber("GAMMA", a.positionals().get(1)));
        out.print(TheoryTable.format(List.of(TheoryRow.of(p, OptionalDouble.empty(), n, zeroTol))));
    }

    private static void curve(String kind, CliArgs a, long n, double zeroTol, PrintStream out) {
        Curve curve;
        if (kind.equals("normal")) {
            if (!a.has("through")) {
                throw new CliArgs.UsageException("theory normal needs --through BETA,GAMMA");
            }
            curve = NormalCurve.through(point(a.pair("through")));
        } else if (a.has("through") == a.has("c")) {
            throw new CliArgs.UsageException("theory level needs exactly one of --through BETA,GAMMA or --c C");
        } else {
            curve = a.has("through") ? LevelCurve.through(point(a.pair("through"))) : LevelCurve.of(a.number("c", 0));
        }
        Curve.BetaRange range = curve.betaRange();
        Section section = curve.section(a.number("beta-from", range.lo()), a.number("beta-to", range.hi()));
        long count = a.integer("points", 16);
        if (count < 1 || count > 100_000) {
            throw new CliArgs.UsageException("--points must be in 1..100000, got " + count);
        }
        out.println(describe(curve, section));
        List<TheoryRow> rows = new ArrayList<>();
        for (CurvePoint cp : section.points((int) count)) {
            rows.add(TheoryRow.of(cp.point(), OptionalDouble.of(cp.s()), n, zeroTol));
        }
        out.print(TheoryTable.format(rows));
    }

    private static String describe(Curve curve, Section section) {
        String name;
        if (curve instanceof NormalCurve nc) {
            name = String.format(Locale.ROOT, "normal curve 2*beta^3 + gamma^3 = %.9g", nc.k())
                    + nc.crossingOfZero().map(p -> String.format(Locale.ROOT, ", crosses C = 0 at (%.6f, %.6f)", p.beta(), p.gamma()))
                            .orElse(", does not cross C = 0 inside the unit square");
        } else {
            name = String.format(Locale.ROOT, "level curve C = %.9g: gamma = 2 beta / (1 + (1 + C) beta)", ((LevelCurve) curve).c());
        }
        return String.format(Locale.ROOT, "%s%nsection beta in [%.6f, %.6f] from (%.6f, %.6f) to (%.6f, %.6f), arc length %.6f",
                name, section.betaFrom(), section.betaTo(), section.start().beta(), section.start().gamma(),
                section.end().beta(), section.end().gamma(), section.length());
    }

    private static void strategies(CliArgs a, long n, double zeroTol, PrintStream out) {
        long k = a.integer("k", 2);
        if (k < 1 || k > 64) {
            throw new CliArgs.UsageException("--k must be in 1..64, got " + k);
        }
        for (LevelStrategy s : LevelStrategy.values()) {
            AdaptiveNormalization level = s.levels((int) k).get(0);
            out.printf(Locale.ROOT, "%s, k = %d: every level has beta = %.9g, gamma = %.9g%n", s.label(), k, level.beta(), level.gamma());
            AdamPoint p = new AdamPoint(level.beta(), level.gamma());
            out.print(TheoryTable.format(List.of(TheoryRow.of(p, OptionalDouble.empty(), n, zeroTol))));
        }
    }

    private static AdamPoint point(double[] betaGamma) {
        return new AdamPoint(betaGamma[0], betaGamma[1]);
    }
}
