package io.tokenrack.engine.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
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
                SweepCommand.class,
                ValidateCommand.class,
                BenchCommand.class,
                FitCommand.class,
                CalibrateCommand.class,
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
        CommandLine cli = new CommandLine(new TokenRackCli());
        cli.setOut(new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true));
        cli.setErr(new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true));
        System.exit(cli.execute(args));
    }
}
