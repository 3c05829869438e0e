package io.tokenrack.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tokenrack.engine.catalog.InputException;
import io.tokenrack.engine.catalog.PresetException;
import io.tokenrack.engine.design.Placement;
import io.tokenrack.engine.evaluate.EvaluationException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Bad input and defects end differently: the engine's {@link InputException} is one line and exit
 * 2; any other exception (a plain IllegalArgumentException, a NullPointerException) is a defect,
 * exit 70, reported as an internal error and never as "invalid input".
 */
class CliErrorKindsTest {

    /** A command that fails the way it is told to, wired with the real error handlers. */
    @Command(name = "broken", modelTransformer = CliSupport.ErrorHandling.class)
    static final class Broken implements Callable<Integer> {
        private final Supplier<RuntimeException> failure;

        Broken(Supplier<RuntimeException> failure) {
            this.failure = failure;
        }

        @Override
        public Integer call() {
            throw failure.get();
        }
    }

    private static CliRun runBroken(Supplier<RuntimeException> failure) {
        CommandLine cl = new CommandLine(new Broken(failure));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int exit = cl.execute();
        return new CliRun(exit, out.toString(), err.toString());
    }

    @Test
    void inputExceptionFromARecordIsOneLineWithExit2() {
        // Workload's compact constructor refuses an fp4 KV cache with an InputException.
        CliRun r = CliRun.of("evaluate", "--accelerator", "h100-sxm", "--count", "8", "--model", "llama-3.1-70b",
                "--isl", "1024", "--osl", "1024", "--precision", "fp8", "--kv-precision", "fp4");
        assertEquals(CliSupport.BAD_INPUT, r.exitCode(), r.err());
        assertEquals(1, r.errLines().length, r.err());
        assertTrue(r.err().contains("fp4 KV cache is not modelled"), r.err());
        assertFalse(r.err().contains("internal error"), r.err());
    }

    @Test
    void inputExceptionFromAPlacementRecordIsExit2() {
        // A command that builds a placement from what it was given: the record refuses position 0.
        CliRun r = runBroken(() -> {
            new Placement("gpu-1", "h100-server", 0, 1);
            return new IllegalStateException("not reached: the placement must refuse position 0");
        });
        assertEquals(CliSupport.BAD_INPUT, r.exitCode(), r.err());
        assertEquals("broken: positionU: must be 1 or more (the bottom unit is 1), was 0", r.err().strip());
    }

    @Test
    void plainIllegalArgumentExceptionIsAnInternalErrorNotBadInput() {
        CliRun r = runBroken(() -> new IllegalArgumentException("pp=128 exceeds the model's 80 layers"));
        assertEquals(CliSupport.INTERNAL, r.exitCode(), r.err());
        String first = r.errLines()[0];
        assertTrue(first.startsWith("broken: internal error"), first);
        assertTrue(first.contains("IllegalArgumentException: pp=128 exceeds the model's 80 layers"), first);
        assertTrue(r.errLines().length > 2 && r.errLines()[2].startsWith("\tat "), "the stack trace follows the line:\n" + r.err());
    }

    @Test
    void nullPointerAndNumberFormatExceptionsAreInternalErrors() {
        assertEquals(CliSupport.INTERNAL, runBroken(() -> new NullPointerException("workload")).exitCode());
        // NumberFormatException is an IllegalArgumentException: a parse the code forgot to check is a defect too.
        assertEquals(CliSupport.INTERNAL, runBroken(() -> new NumberFormatException("For input string: \"x\"")).exitCode());
    }

    @Test
    void theEngineOwnKindsAreInputErrors() {
        assertTrue(CliSupport.isInputError(new InputException("count: must be 1 or more, was 0")));
        assertTrue(CliSupport.isInputError(new EvaluationException("pp = 128 exceeds the 80 layers of m")));
        assertTrue(CliSupport.isInputError(new PresetException("a.json", "id", "missing or empty")));
        assertTrue(CliSupport.isInputError(new UncheckedIOException(new java.io.IOException("disk full"))));
        assertFalse(CliSupport.isInputError(new IllegalArgumentException("bug")));
        assertFalse(CliSupport.isInputError(new IllegalStateException("bug")));
        assertFalse(CliSupport.isInputError(new ArithmeticException("/ by zero")));
    }
}
