package io.tokenrack.engine.cli;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;

/**
 * What the command line prints goes through here: names and messages from user files (a design's
 * name, a preset's notes) may hold control characters, and an escape sequence printed raw would
 * move the cursor, recolour or retitle the user's terminal. Control characters other than line
 * feed and tab (C0, DEL, C1, and the bidirectional overrides that reorder text) are shown as
 * {@code \}{@code u001b}-style escapes instead; a carriage return is kept only as part of a line
 * separator.
 */
final class TerminalText {
    private TerminalText() {}

    /** {@code text} with every control character made visible. */
    static String clean(String text) {
        StringBuilder sb = null;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            boolean unsafe = isUnsafe(c) && !(c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n');
            if (unsafe && sb == null) {
                sb = new StringBuilder(n + 16).append(text, 0, i);
            }
            if (sb != null) {
                if (unsafe) {
                    sb.append(String.format("\\u%04x", (int) c));
                } else {
                    sb.append(c);
                }
            }
        }
        return sb == null ? text : sb.toString();
    }

    private static boolean isUnsafe(char c) {
        return (c < 0x20 && c != '\n' && c != '\t') || (c >= 0x7f && c < 0xa0)
                || (c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069');
    }

    /** A writer that cleans everything written to {@code out}, with auto-flush as the console needs. */
    static PrintWriter writer(Writer out) {
        return new PrintWriter(new FilterWriter(out) {
            @Override
            public void write(int c) throws IOException {
                out.write(clean(String.valueOf((char) c)));
            }

            @Override
            public void write(char[] buf, int off, int len) throws IOException {
                out.write(clean(new String(buf, off, len)));
            }

            @Override
            public void write(String s, int off, int len) throws IOException {
                out.write(clean(s.substring(off, off + len)));
            }
        }, true);
    }
}
