package io.tokenrack.engine.cli;

import java.io.StringWriter;

/** One run of the command line with stdout and stderr captured. */
record CliRun(int exitCode, String out, String err) {
    static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = TokenRackCli.run(out, err, args);
        return new CliRun(code, out.toString(), err.toString());
    }

    /** stderr as lines, without the trailing empty one. */
    String[] errLines() {
        return err.isEmpty() ? new String[0] : err.split("\\R");
    }
}
