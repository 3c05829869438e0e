package io.tokenrack.app;

import java.io.PrintStream;
import java.util.List;

/**
 * Entry point for {@code java -jar tokenrack-app.jar}: a JavaFX {@code Application} started from the
 * class path needs a main class that is not itself an Application. The command line is read here,
 * before JavaFX is touched, so that {@code --help} and mistakes are answered without a display.
 */
public final class Launcher {
    /** Exit status for a command line that cannot be followed. */
    public static final int USAGE_ERROR = 2;

    private Launcher() {}

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals(io.tokenrack.app.report.ReportCommand.NAME)) {
            // the report on a saved design, written without a window
            System.setProperty("java.awt.headless", "true");
            System.exit(io.tokenrack.app.report.ReportCommand.run(List.of(args).subList(1, args.length), System.out, System.err));
        }
        if (args.length > 0 && args[0].equals(EditLoopBench.NAME)) {
            // the edit loop of the real window, timed
            System.exit(EditLoopBench.run(List.of(args).subList(1, args.length), System.out, System.err));
        }
        int status = check(List.of(args), System.out, System.err);
        if (status >= 0) {
            System.exit(status);
        }
        TokenRackApp.main(args);
    }

    /**
     * Answers {@code --help} and a wrong command line; returns the exit status then, or -1 when the
     * window should start.
     */
    static int check(List<String> args, PrintStream out, PrintStream err) {
        LaunchOptions o = LaunchOptions.parse(args);
        if (!o.ok()) {
            for (String e : o.errors()) {
                err.println("tokenrack-app: " + e);
            }
            err.print(LaunchOptions.USAGE);
            return USAGE_ERROR;
        }
        if (o.help()) {
            out.print(LaunchOptions.USAGE);
            return 0;
        }
        return -1;
    }
}
