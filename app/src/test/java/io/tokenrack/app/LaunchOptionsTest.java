package io.tokenrack.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LaunchOptionsTest {
    @Test
    void theLabIsRequestedWithViewLab() {
        assertTrue(LaunchOptions.labRequested(List.of("--view", "lab")));
        assertTrue(LaunchOptions.labRequested(List.of("design.json", "--view=lab")));
        assertFalse(LaunchOptions.labRequested(List.of("--view")));
        assertFalse(LaunchOptions.labRequested(List.of("design.json")));
        assertEquals(List.of("design.json"), LaunchOptions.withoutOptions(List.of("--view", "lab", "design.json")));
        assertEquals(List.of("design.json"), LaunchOptions.withoutOptions(List.of("design.json")));
    }

    @Test
    void aDesignToCompareWithIsTakenOutOfTheArguments() {
        List<String> args = List.of("mine.json", "--compare", "other.json");
        assertEquals(Optional.of("other.json"), LaunchOptions.value(args, LaunchOptions.COMPARE));
        assertEquals(Optional.of("other.json"), LaunchOptions.value(List.of("--compare=other.json"), LaunchOptions.COMPARE));
        assertEquals(List.of("mine.json"), LaunchOptions.withoutOptions(args));
        assertEquals(List.of("mine.json"), LaunchOptions.withoutOptions(List.of("--compare=other.json", "mine.json", "--view=lab")));
    }
}
