package io.tokenrack.app.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tokenrack.app.canvas.RackArt;
import java.awt.geom.Rectangle2D;
import org.junit.jupiter.api.Test;

class SvgPathShapeTest {
    @Test
    void aRectangleFromRelativeLines() {
        Rectangle2D b = SvgPathShape.of("M2 4h6v36h-6z").getBounds2D();
        assertEquals(2, b.getX(), 1e-9);
        assertEquals(4, b.getY(), 1e-9);
        assertEquals(6, b.getWidth(), 1e-9);
        assertEquals(36, b.getHeight(), 1e-9);
    }

    @Test
    void twoHalfArcsMakeACircle() {
        // the art's round port: from (54.5, 13.5) a half circle of radius 5.5 to (65.5, 13.5) and back
        var circle = SvgPathShape.of("M54.5 13.5a5.5 5.5 0 1 0 11 0a5.5 5.5 0 1 0 -11 0z");
        Rectangle2D b = circle.getBounds2D();
        assertEquals(54.5, b.getMinX(), 1e-6);
        assertEquals(65.5, b.getMaxX(), 1e-6);
        assertEquals(8, b.getMinY(), 1e-6);
        assertEquals(19, b.getMaxY(), 1e-6);
        assertTrue(circle.contains(60, 13.5)); // the centre
        assertFalse(circle.contains(55, 8.5)); // inside the bounds, outside the circle
    }

    @Test
    void severalSubpathsAndAbsoluteCommands() {
        var two = SvgPathShape.of("M0 0H4V4H0Z M10 10 L14 10 L14 14 L10 14 z");
        assertTrue(two.contains(2, 2));
        assertTrue(two.contains(12, 12));
        assertFalse(two.contains(7, 7));
    }

    @Test
    void commandsTheArtDoesNotUseAreRefusedByName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SvgPathShape.of("M0 0C1 1 2 2 3 3"));
        assertTrue(e.getMessage().contains("'C'"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SvgPathShape.of("M0 0a5 3 0 1 0 10 0")); // an ellipse, not a half circle
        assertThrows(IllegalArgumentException.class, () -> SvgPathShape.of("M0 0h")); // ends inside a command
    }

    @Test
    void everyShippedArtFileIsDrawable() {
        for (RackArt.Family f : RackArt.Family.values()) {
            assertFalse(RackArt.parts(f).isEmpty(), f + " has art");
            for (RackArt.Part p : RackArt.parts(f)) {
                Rectangle2D b = SvgPathShape.of(p.path()).getBounds2D();
                assertTrue(b.getMinX() >= 0 && b.getMaxX() <= RackArt.FACE_WIDTH + 1e-6, f + " " + p.styleClass() + " inside the face width");
                assertTrue(b.getMinY() >= 0 && b.getMaxY() <= RackArt.FACE_HEIGHT + 1e-6, f + " " + p.styleClass() + " inside one unit");
            }
        }
    }
}
