package io.tokenrack.app.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two windows in two processes, each with unsaved changes, killed with SIGKILL (kill -9): the next
 * start offers both edits; while they run, neither is offered to anyone else.
 */
class AutosaveKillTest {
    @TempDir
    Path dir;

    private final List<Process> started = new ArrayList<>();

    @AfterEach
    void stopChildren() {
        started.forEach(Process::destroyForcibly);
    }

    private Process hold(String name) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), AutosaveProbe.class.getName(),
                "hold", dir.toString(), name).redirectErrorStream(true).start();
        started.add(p);
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine(); // blocks until the copy is written, or the child dies (null)
        assertTrue(line != null && line.startsWith("ready "), "the child kept its copy: " + line);
        return p;
    }

    @Test
    void bothWindowsUnsavedChangesSurviveKillMinus9() throws Exception {
        Process one = hold("edit in window one");
        Process two = hold("edit in window two");
        AutosaveFolder folder = new AutosaveFolder(dir, Runnable::run);
        assertTrue(folder.orphans().isEmpty(), "running windows' copies are theirs alone");

        one.destroyForcibly(); // SIGKILL: no shutdown hook, no cleanup
        two.destroyForcibly();
        assertTrue(one.waitFor(30, TimeUnit.SECONDS) && two.waitFor(30, TimeUnit.SECONDS));
        assertEquals(137, one.exitValue(), "killed, not exited");

        List<Autosave> offered = folder.orphans();
        Set<String> names = offered.stream().map(a -> a.load().orElseThrow().design().name()).collect(Collectors.toSet());
        offered.forEach(Autosave::release);
        assertEquals(Set.of("edit in window one", "edit in window two"), names);
    }
}
