package io.tokenrack.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LaunchOptionsTest {
    @Test
    void theLabIsRequestedWithViewLab() {
        assertTrue(LaunchOptions.parse(List.of("--view", "lab")).lab());
        assertTrue(LaunchOptions.parse(List.of("design.json", "--view=lab")).lab());
        assertFalse(LaunchOptions.parse(List.of("design.json")).lab());
        assertEquals(List.of("--view takes 'lab' or 'site', not 'charts'"), LaunchOptions.parse(List.of("--view", "charts")).errors());
        assertEquals(List.of("--view takes 'lab' or 'site'"), LaunchOptions.parse(List.of("--view")).errors());
        assertEquals(Optional.of(Path.of("design.json")), LaunchOptions.parse(List.of("--view", "lab", "design.json")).design());
    }

    @Test
    void aDesignToCompareWithIsTakenOutOfTheArguments() {
        LaunchOptions o = LaunchOptions.parse(List.of("mine.json", "--compare", "other.json"));
        assertEquals(Optional.of(Path.of("other.json")), o.compare());
        assertEquals(Optional.of(Path.of("mine.json")), o.design());
        LaunchOptions eq = LaunchOptions.parse(List.of("--compare=other.json", "mine.json", "--view=lab"));
        assertEquals(new LaunchOptions(Optional.of(Path.of("mine.json")), Optional.of(Path.of("other.json")), true, false, List.of()), eq);
        assertEquals(List.of("--compare needs a design file to compare with"), LaunchOptions.parse(List.of("--compare")).errors());
    }

    @Test
    void aLessonToStartIsNamedWithLesson() {
        assertEquals(Optional.of("roofline"), LaunchOptions.parse(List.of("--lesson", "roofline")).lesson());
        assertEquals(Optional.of("2-kv-cache"), LaunchOptions.parse(List.of("--lesson=2-kv-cache")).lesson());
        assertEquals(Optional.empty(), LaunchOptions.parse(List.of("design.json")).lesson());
        assertEquals(List.of("--lesson needs a lesson's name (e.g. roofline)"), LaunchOptions.parse(List.of("--lesson")).errors());
    }

    @Test
    void unknownOptionsAndASecondDesignAreReported() {
        assertEquals(List.of("unknown option '--frobnicate'"), LaunchOptions.parse(List.of("--frobnicate", "a.json")).errors());
        assertEquals(Optional.of(Path.of("a.json")), LaunchOptions.parse(List.of("--frobnicate", "a.json")).design(),
                "an unknown option does not swallow the design");
        assertEquals(List.of("only one design can be opened; 'a.json' and 'b.json' were given"),
                LaunchOptions.parse(List.of("a.json", "b.json")).errors());
    }

    @Test
    void theThemeIsLightOrDark() {
        assertEquals(Optional.of(io.tokenrack.app.theme.Theme.DARK), LaunchOptions.parse(List.of("--theme", "dark")).theme());
        assertEquals(Optional.of(io.tokenrack.app.theme.Theme.LIGHT), LaunchOptions.parse(List.of("a.json", "--theme=Light")).theme());
        assertEquals(Optional.empty(), LaunchOptions.parse(List.of("a.json")).theme(), "none asked for: the one chosen last");
        assertEquals(List.of("--theme takes 'dark' or 'light', not 'blue'"), LaunchOptions.parse(List.of("--theme", "blue")).errors());
        assertEquals(List.of("--theme takes 'dark' or 'light'"), LaunchOptions.parse(List.of("--theme")).errors());
    }

    @Test
    void helpAndMistakesAreAnsweredWithoutStartingTheWindow() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(0, Launcher.check(List.of("--help"), print(out), print(err)));
        assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("Usage: java -jar tokenrack-app.jar"), out.toString(StandardCharsets.UTF_8));
        assertEquals(Launcher.USAGE_ERROR, Launcher.check(List.of("--nope"), print(out), print(err)));
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("tokenrack-app: unknown option '--nope'\nUsage:"), err.toString(StandardCharsets.UTF_8));
        assertEquals(-1, Launcher.check(List.of("design.json", "--view=lab"), print(out), print(err)), "the window starts");
    }

    private static PrintStream print(ByteArrayOutputStream b) {
        return new PrintStream(b, true, StandardCharsets.UTF_8);
    }
}
