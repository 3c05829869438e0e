package io.tokenrack.engine.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code tokenrack} command line. Each subcommand is its own class; add new ones to the
 * {@code subcommands} list below. Exit codes: 0 fine, 1 the checked design has errors, 2 bad
 * usage or unreadable input (one line on stderr), 70 an internal error.
 */
@Command(name = "tokenrack",
        mixinStandardHelpOptions = true,
        versionProvider = CliSupport.Version.class,
        modelTransformer = CliSupport.ErrorHandling.class,
        description = "Design AI inference racks and see what they produce.",
        subcommands = {
                CatalogCommand.class,
                CheckCommand.class,
                EvaluateCommand.class,
                ClaimsCommand.class,
                SweepCommand.class,
                ValidateCommand.class,
                BenchCommand.class,
                FitCommand.class,
                CalibrateCommand.class,
                PlanCommand.class,
        })
public final class TokenRackCli implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        return CliSupport.usageError(spec, "a command is required: "
                + String.join(", ", spec.subcommands().keySet()) + " (try 'tokenrack --help')");
    }

    public static void main(String[] args) {
        System.exit(run(new OutputStreamWriter(System.out, StandardCharsets.UTF_8),
                new OutputStreamWriter(System.err, StandardCharsets.UTF_8), args));
    }

    /**
     * Runs one command line with its output to {@code out} and {@code err}, control characters
     * made visible ({@link TerminalText}), and returns the exit code. What {@link #main} does,
     * without exiting: for tests and embedding.
     */
    public static int run(Writer out, Writer err, String... args) {
        CommandLine cli = new CommandLine(new TokenRackCli());
        PrintWriter o = TerminalText.writer(out);
        PrintWriter e = TerminalText.writer(err);
        cli.setOut(o);
        cli.setErr(e);
        try {
            return cli.execute(args);
        } finally {
            o.flush();
            e.flush();
        }
    }
}
