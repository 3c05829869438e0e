package io.tokenrack.engine.cli;

import io.tokenrack.engine.catalog.Catalog;
import io.tokenrack.engine.catalog.CatalogLoader;
import io.tokenrack.engine.catalog.InputException;
import io.tokenrack.engine.catalog.PresetException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IModelTransformer;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * What every {@code tokenrack} command shares: exit codes, loading the catalog, and turning bad
 * usage or bad input into exactly one line on stderr (no stack trace).
 */
public final class CliSupport {
    /** Everything fine (for {@code check}: no errors in the design). */
    public static final int OK = 0;
    /** The command ran and found errors (e.g. a design that cannot work). */
    public static final int FINDINGS = 1;
    /** Bad usage, or an input file (preset, design) that cannot be read or is invalid. */
    public static final int BAD_INPUT = 2;
    /** A bug: something failed that should not (sysexits EX_SOFTWARE); one line, then the stack trace. */
    public static final int INTERNAL = 70;

    private CliSupport() {}

    /** The catalog from {@code presetsDir}, or the default presets when it is null. */
    public static Catalog loadCatalog(Path presetsDir) {
        return presetsDir == null ? CatalogLoader.loadDefault() : CatalogLoader.load(presetsDir);
    }

    /** Prints {@code message} as the command's one error line and returns {@link #BAD_INPUT}. */
    public static int usageError(CommandSpec spec, String message) {
        PrintWriter err = spec.commandLine().getErr();
        err.println(line(spec, message));
        err.flush();
        return BAD_INPUT;
    }

    /**
     * The one style of every line the commands write to stderr: {@code tokenrack COMMAND: message}
     * (errors about a file go on with the file's name, warnings with "warning: ").
     */
    static String line(CommandSpec spec, String message) {
        return oneLine(spec.qualifiedName() + ": " + message);
    }

    /** Picocli's sentences ("Missing required option", "Unknown option") in the lower case the commands' own messages use. */
    static String lowerFirst(String message) {
        if (message != null && message.length() > 1 && Character.isUpperCase(message.charAt(0)) && Character.isLowerCase(message.charAt(1))) {
            return Character.toLowerCase(message.charAt(0)) + message.substring(1);
        }
        return message;
    }

    static String oneLine(String s) {
        return s == null ? "" : s.strip().replaceAll("\\s*\\R\\s*", " ");
    }

    /**
     * Exceptions that mean "the input is bad", not "the program is wrong": the engine's own
     * {@link InputException} (and its kinds), a preset or design file that cannot be used, and a
     * file that cannot be read or written. A plain {@link IllegalArgumentException} is not one of
     * them: raised inside the engine it is a defect, reported as an internal error.
     */
    static boolean isInputError(Throwable t) {
        return t instanceof PresetException || t instanceof InputException || t instanceof UncheckedIOException;
    }

    /**
     * Installs the error handlers on the command line being built, so that a plain
     * {@code new CommandLine(new TokenRackCli())} (in main and in tests alike) reports errors
     * the same way. Picocli calls model transformers once the CommandLine exists.
     */
    public static final class ErrorHandling implements IModelTransformer {
        @Override
        public CommandSpec transform(CommandSpec spec) {
            CommandLine cli = spec.commandLine();
            if (cli != null) {
                cli.setParameterExceptionHandler(USAGE);
                cli.setExecutionExceptionHandler(EXECUTION);
            }
            return spec;
        }
    }

    private static final IParameterExceptionHandler USAGE = (ParameterException e, String[] args) -> {
        CommandSpec spec = e.getCommandLine().getCommandSpec();
        String message = lowerFirst(e.getMessage());
        if (e instanceof UnmatchedArgumentException u && !spec.subcommands().isEmpty()
                && !u.getUnmatched().isEmpty() && !u.getUnmatched().getFirst().startsWith("-")) {
            message = "unknown command '" + u.getUnmatched().getFirst() + "' (commands: "
                    + String.join(", ", spec.subcommands().keySet()) + ")";
        }
        return usageError(spec, message + " (try '" + spec.qualifiedName() + " --help')");
    };

    private static final IExecutionExceptionHandler EXECUTION = (e, cli, parseResult) -> {
        PrintWriter err = cli.getErr();
        if (isInputError(e)) {
            err.println(line(cli.getCommandSpec(), e.getMessage()));
        } else {
            // One line first, so the error reads like every other; the trace after it is for the report.
            err.println(line(cli.getCommandSpec(), "internal error (a defect in tokenrack, not in the input): " + e));
            e.printStackTrace(err);
            err.flush();
            return INTERNAL;
        }
        err.flush();
        return BAD_INPUT;
    };

    /** The version from the jar's manifest, or "development build" when run from classes. */
    public static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = TokenRackCli.class.getPackage().getImplementationVersion();
            return new String[] {"tokenrack " + (v != null ? v : "(development build)")};
        }
    }
}
