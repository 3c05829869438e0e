package io.tokenrack.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** An unknown draft model in {@code --speculative draft:MODEL_ID:K} gets the same near-miss suggestions as any unknown id. */
class SpeculativeDraftIdTest {
    @Test
    void anUnknownDraftModelIsRefusedWithTheClosestIds() {
        for (String command : new String[] {"evaluate", "sweep"}) {
            java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of(command, "--accelerator", "b200", "--count", "8",
                    "--model", "llama-3.1-70b", "--precision", "fp8", "--isl", "1024", "--osl", "1024", "--speculative", "draft:llama-3.1-8:3"));
            if (command.equals("evaluate")) {
                args.addAll(java.util.List.of("--concurrency", "1"));
            }
            EvaluateCommandTest.Run r = EvaluateCommandTest.run(args.toArray(String[]::new));
            assertEquals(2, r.exit(), command + ": " + r.err());
            String line = r.err().strip();
            assertEquals(1, line.lines().count(), line);
            assertTrue(line.contains("--speculative draft:llama-3.1-8:3") && line.contains("unknown model 'llama-3.1-8'")
                    && line.contains("did you mean") && line.contains("llama-3.1-8b"), command + ": " + line);
        }
    }

    @Test
    void aDraftModelIdInAnotherCaseStillRuns() {
        EvaluateCommandTest.Run r = EvaluateCommandTest.run("evaluate", "--accelerator", "b200", "--count", "8", "--model", "llama-3.1-70b",
                "--precision", "fp8", "--isl", "1024", "--osl", "1024", "--concurrency", "1", "--speculative", "draft:LLAMA-3.1-8B:3");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("draft:llama-3.1-8b:3"), r.out());
    }
}
