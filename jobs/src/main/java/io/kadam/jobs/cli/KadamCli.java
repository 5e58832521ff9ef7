package io.kadam.jobs.cli;

import java.io.PrintStream;

/** The {@code kadam} command line: {@code kadam <command> [args]}. */
public final class KadamCli {

    static final String USAGE = """
            usage: kadam <command> [args]

            commands:
              theory   what the paper's stability theory predicts for (beta, gamma) points:
                       C, region, predicted slope |C|/2, and the Eq. 5 max-update bound.
                       kadam theory help   for its forms and options
              help     this text

            beta is Adam's second-moment decay (PyTorch beta2), gamma the momentum (PyTorch beta1).
            """;

    private KadamCli() {}

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs a command; returns the exit status (0 ok, 2 bad usage or input). */
    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || args[0].equals("help") || args[0].equals("--help")) {
            out.print(USAGE);
            return args.length == 0 ? 2 : 0;
        }
        try {
            return switch (args[0]) {
                case "theory" -> TheoryCommand.run(args, out);
                default -> throw new CliArgs.UsageException("unknown command '" + args[0] + "'");
            };
        } catch (CliArgs.UsageException | IllegalArgumentException e) {
            err.println("kadam: " + e.getMessage());
            err.println("(kadam help for usage)");
            return 2;
        }
    }
}
