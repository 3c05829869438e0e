package io.tokenrack.app.report;

import java.awt.geom.Arc2D;
import java.awt.geom.Path2D;
import java.util.Locale;

/**
 * SVG path data as a Java 2D shape, for drawing the rack art (assets/rack-art/) into reports
 * without a window. It reads the commands the art uses: moves and lines ({@code M m L l H h V v}),
 * closes ({@code Z z}) and circular arcs between the ends of a diameter ({@code A a} with equal
 * radii and the end point at twice the radius, which is how the art draws round ports and LEDs).
 * Anything else is refused with the command named, so new art cannot be drawn wrongly in silence.
 */
final class SvgPathShape {
    private final String data;
    private int pos;

    private SvgPathShape(String data) {
        this.data = data;
    }

    /** The shape {@code data} draws. */
    static Path2D.Double of(String data) {
        return new SvgPathShape(data).parse();
    }

    private Path2D.Double parse() {
        Path2D.Double path = new Path2D.Double(Path2D.WIND_NON_ZERO);
        double x = 0;
        double y = 0;
        double startX = 0;
        double startY = 0;
        char command = 0;
        boolean awaitingArguments = false;
        while (skipSeparators()) {
            char c = data.charAt(pos);
            if (Character.isLetter(c)) {
                if (awaitingArguments) {
                    throw new IllegalArgumentException("rack art: '" + command + "' has no numbers in " + data);
                }
                command = c;
                pos++;
                awaitingArguments = command != 'Z' && command != 'z';
                if (!awaitingArguments) {
                    path.closePath();
                    x = startX;
                    y = startY;
                }
                continue;
            }
            boolean relative = Character.isLowerCase(command);
            awaitingArguments = false;
            switch (Character.toUpperCase(command)) {
                case 'M' -> {
                    x = (relative ? x : 0) + number();
                    y = (relative ? y : 0) + number();
                    path.moveTo(x, y);
                    startX = x;
                    startY = y;
                    command = relative ? 'l' : 'L'; // further pairs are lines
                }
                case 'L' -> {
                    x = (relative ? x : 0) + number();
                    y = (relative ? y : 0) + number();
                    path.lineTo(x, y);
                }
                case 'H' -> {
                    x = (relative ? x : 0) + number();
                    path.lineTo(x, y);
                }
                case 'V' -> {
                    y = (relative ? y : 0) + number();
                    path.lineTo(x, y);
                }
                case 'A' -> {
                    double rx = number();
                    double ry = number();
                    number(); // x-axis rotation: a circle has none that matters
                    number(); // large-arc flag: a half circle is both
                    double sweep = number();
                    double toX = (relative ? x : 0) + number();
                    double toY = (relative ? y : 0) + number();
                    double cx = (x + toX) / 2;
                    double cy = (y + toY) / 2;
                    double r = Math.hypot(toX - x, toY - y) / 2;
                    if (Math.abs(rx - ry) > 1e-9 || Math.abs(r - rx) > 1e-6 * Math.max(1, rx)) {
                        throw new IllegalArgumentException("rack art: only half-circle arcs are drawn, not " + data.substring(0, pos));
                    }
                    double start = Math.toDegrees(Math.atan2(-(y - cy), x - cx));
                    // SVG's sweep flag 1 turns clockwise on screen; Java 2D's positive extent turns anticlockwise
                    path.append(new Arc2D.Double(cx - r, cy - r, 2 * r, 2 * r, start, sweep != 0 ? -180 : 180, Arc2D.OPEN), true);
                    x = toX;
                    y = toY;
                }
                default -> throw new IllegalArgumentException(
                        String.format(Locale.ROOT, "rack art: path command '%s' is not drawn in reports", command == 0 ? "none" : String.valueOf(command)));
            }
        }
        if (awaitingArguments) {
            throw new IllegalArgumentException("rack art: path data ends after '" + command + "': " + data);
        }
        return path;
    }

    /** Skips spaces and commas; false at the end. */
    private boolean skipSeparators() {
        while (pos < data.length() && (Character.isWhitespace(data.charAt(pos)) || data.charAt(pos) == ',')) {
            pos++;
        }
        return pos < data.length();
    }

    private double number() {
        if (!skipSeparators()) {
            throw new IllegalArgumentException("rack art: path data ends inside a command: " + data);
        }
        int start = pos;
        if (data.charAt(pos) == '-' || data.charAt(pos) == '+') {
            pos++;
        }
        boolean dot = false;
        while (pos < data.length()) {
            char c = data.charAt(pos);
            if (Character.isDigit(c)) {
                pos++;
            } else if (c == '.' && !dot) {
                dot = true;
                pos++;
            } else {
                break;
            }
        }
        if (pos < data.length() && (data.charAt(pos) == 'e' || data.charAt(pos) == 'E')) {
            pos++;
            if (pos < data.length() && (data.charAt(pos) == '-' || data.charAt(pos) == '+')) {
                pos++;
            }
            while (pos < data.length() && Character.isDigit(data.charAt(pos))) {
                pos++;
            }
        }
        if (start == pos) {
            throw new IllegalArgumentException("rack art: a number was expected at '" + data.substring(pos, Math.min(data.length(), pos + 10)) + "'");
        }
        return Double.parseDouble(data.substring(start, pos));
    }
}
