package io.tokenrack.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The edit-loop benchmark's statistics by hand, and its command line (answered before any window opens). */
class EditLoopBenchTest {
    @Test
    void nearestRankPercentiles() {
        double[] ten = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        assertEquals(5, EditLoopBench.percentile(ten, 50));
        assertEquals(9, EditLoopBench.percentile(ten, 90));
        assertEquals(10, EditLoopBench.percentile(ten, 100));
        assertEquals(1, EditLoopBench.percentile(ten, 0));
        assertEquals(7, EditLoopBench.percentile(new double[] {7}, 90));
        assertEquals("{\"median\": 5.00, \"p90\": 9.00, \"max\": 10.00}", EditLoopBench.stats(ten, true));
        assertEquals("null", EditLoopBench.stats(new double[0], true));
    }

    @Test
    void aWrongCommandLineIsRefusedInOneLineWithStatusTwo() {
        for (List<String> args : List.of(List.of("--edits", "0"), List.of("--overlays", "maybe"), List.of("--frobnicate"), List.of("--edits"))) {
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int status = EditLoopBench.run(args, new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));
            assertEquals(Launcher.USAGE_ERROR, status, args.toString());
            String first = err.toString(StandardCharsets.UTF_8).lines().findFirst().orElse("");
            assertTrue(first.startsWith("tokenrack-app bench: "), first);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertEquals(0, EditLoopBench.run(List.of("--help"), new PrintStream(out, true, StandardCharsets.UTF_8), System.err));
        assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("usage: tokenrack-app.jar bench"));
    }
}
