package io.tokenrack.engine.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.tokenrack.engine.catalog.JsonLocator.Position;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JsonLocatorTest {
    private static final byte[] JSON = """
            {
              "racks": [
                { "id": "a" },
                {
                  "id": "b",
                  "items": [ { "id": "x" } ]
                }
              ]
            }
            """.getBytes(StandardCharsets.UTF_8);

    @Test
    void pathsBecomeJsonPointers() {
        assertEquals("/racks/1/items/0/id", JsonLocator.pointer("racks[1].items[0].id"));
        assertEquals("/a~1b", JsonLocator.pointer("a/b"));
    }

    @Test
    void parentDropsTheLastSegment() {
        assertEquals("racks[1].items[0]", JsonLocator.parent("racks[1].items[0].id"));
        assertEquals("racks[1].items", JsonLocator.parent("racks[1].items[0]"));
        assertEquals("racks", JsonLocator.parent("racks[1]"));
        assertNull(JsonLocator.parent("racks"));
    }

    @Test
    void findsKeysAndElements() {
        assertEquals(Optional.of(new Position(5, 7)), JsonLocator.find(JSON, "racks[1].id"));
        assertEquals(Optional.of(new Position(4, 5)), JsonLocator.find(JSON, "racks[1]"));
        assertEquals(Optional.of(new Position(6, 20)), JsonLocator.find(JSON, "racks[1].items[0].id"));
        assertEquals(Optional.empty(), JsonLocator.find(JSON, "racks[1].name"));
        assertEquals(Optional.empty(), JsonLocator.find(JSON, ""));
    }

    @Test
    void nearestFallsBackToTheEnclosingObject() {
        assertEquals(Optional.of(new Position(4, 5)), JsonLocator.findNearest(JSON, "racks[1].name"));
        assertEquals(Optional.empty(), JsonLocator.findNearest("not json".getBytes(StandardCharsets.UTF_8), "a.b"));
    }
}
