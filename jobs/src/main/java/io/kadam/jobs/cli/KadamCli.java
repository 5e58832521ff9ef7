package io.kadam.jobs.cli;

import io.kadam.jobs.spec.SpecException;
import io.kadam.jobs.store.StoreException;
import io.kadam.model.data.DataException;

import java.io.IOException;
import java.io.PrintStream;

/** The {@code kadam} command line: {@code kadam <command> [args]}. */
public final class KadamCli {

    static final String USAGE = """
            usage: kadam <command> [args]

            commands:
              run      run a sweep spec (conf/*.yaml) on Spark and print its tables:
                       kadam run conf/quickstart.yaml [--out results] (kadam run help)
              report   rebuild and print the tables of a results directory (kadam report help)
              bench    performance benchmarks with a PyTorch reference (kadam bench help)
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

    private static int bench(String[] args, PrintStream out) throws Exception {
        if (args.length > 1 && (args[1].equals("help") || args[1].equals("--help"))) {
            out.print(io.kadam.jobs.bench.BenchCommand.USAGE);
            return 0;
        }
        CliArgs a = CliArgs.parse(args, 1, java.util.Set.of("python", "configs", "repeats", "sweep-spec"));
        return io.kadam.jobs.bench.BenchCommand.run(a.positionals(), a.options().getOrDefault("python", System.getenv("KADAM_TORCH_PYTHON")),
                a.options().getOrDefault("configs", "tiny,small"), (int) a.integer("repeats", 7),
                java.nio.file.Path.of(a.options().getOrDefault("sweep-spec", "conf/quickstart.yaml")), out);
    }

    /** Runs a command; returns the exit status (0 ok, 2 bad usage or input). */
    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || args[0].equals("help") || args[0].equals("--help")) {
            out.print(USAGE);
            return args.length == 0 ? 2 : 0;
        }
        try {
            return switch (args[0]) {
                case "run" -> RunCommand.run(args, out);
                case "report" -> ReportCommand.run(args, out);
                case "theory" -> TheoryCommand.run(args, out);
                case "bench" -> bench(args, out);
                default -> throw new CliArgs.UsageException("unknown command '" + args[0] + "'");
            };
        } catch (CliArgs.UsageException | IllegalArgumentException | SpecException | StoreException | DataException e) {
            // bad input: the message names the file, key or value; nothing was run or written
            err.println("kadam: " + e.getMessage());
            err.println("(kadam help for usage)");
            return 2;
        } catch (IOException e) {
            err.println("kadam: I/O error: " + e.getMessage());
            return 1;
        } catch (Exception e) {
            err.println("kadam: " + e);
            return 1;
        }
    }
}
