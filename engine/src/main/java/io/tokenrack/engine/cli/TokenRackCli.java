package io.tokenrack.engine.cli;

import io.tokenrack.engine.catalog.PresetException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code tokenrack} command line. Exit status: 0 done, 1 the design has errors ({@code check}),
 * 2 unreadable or invalid input (one line on stderr naming the file or option).
 */
@Command(name = "tokenrack", mixinStandardHelpOptions = true, version = "TokenRack 0.1",
        description = "Design AI inference racks: throughput, tokens per joule, latency, power and cost.",
        subcommands = {
                EvaluateCommand.class,
                SweepCommand.class,
                ValidateCommand.class,
                BenchCommand.class,
        })
public final class TokenRackCli implements Runnable {
    public static final int EXIT_INVALID_INPUT = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** A command line wired with the project's error handling (one clear line, exit 2). */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new TokenRackCli());
        cl.setParameterExceptionHandler((ex, args) -> {
            PrintWriter err = ex.getCommandLine().getErr();
            err.println("tokenrack: " + ex.getMessage());
            err.flush();
            return EXIT_INVALID_INPUT;
        });
        cl.setExecutionExceptionHandler((ex, command, parseResult) -> {
            PrintWriter err = command.getErr();
            if (ex instanceof PresetException || ex instanceof IllegalArgumentException || ex instanceof IllegalStateException) {
                err.println("tokenrack: " + ex.getMessage());
                err.flush();
                return EXIT_INVALID_INPUT;
            }
            throw ex;
        });
        return cl;
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }
}
