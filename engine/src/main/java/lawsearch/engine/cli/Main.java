package lawsearch.engine.cli;

import java.io.PrintWriter;

import lawsearch.grammar.core.UserError;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point. Exit codes: 0 success, 2 bad input (a one-line message naming the file, line or
 * column, never a stack trace), 130/143 interrupted, 1 an internal error (a bug: stack trace shown).
 */
@Command(name = "lawsearch", mixinStandardHelpOptions = true, version = "lawsearch " + Main.VERSION,
        description = "Discovers scaling laws by evolutionary symbolic search.",
        subcommands = {DiscoverCommand.class, EvalCommand.class, BenchCommand.class, SeedsCommand.class, RunsCommand.class,
                PredictCommand.class, OptimizeCommand.class, SuggestCommand.class, FrontierCommand.class, BenchSearchCommand.class,
                LeaderboardCommand.class, ExportCommand.class,
                CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    public static final String VERSION = "0.1.0";

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the CLI with the given streams (tests call this); returns the exit code. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new Main());
        cli.setOut(out);
        cli.setErr(err);
        cli.setParameterExceptionHandler((ex, a) -> {
            // One line, as every bad input: picocli's first line, then where to read more.
            err.println("lawsearch: " + ex.getMessage().lines().findFirst().orElse("bad arguments")
                    + " (see " + ex.getCommandLine().getCommandSpec().qualifiedName(" ") + " --help)");
            return 2;
        });
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (ex instanceof UserError u) {
                err.println("lawsearch: " + u.getMessage());
                return 2;
            }
            throw ex;
        });
        return cli.execute(args);
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
