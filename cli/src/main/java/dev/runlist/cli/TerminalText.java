package dev.runlist.cli;

import java.nio.charset.Charset;

/**
 * Text from a server made safe for a terminal, and measured and cut in terminal columns.
 *
 * <p>{@link #oneLine} turns every control character into visible text: C0 controls, DEL and C1
 * controls (so no escape sequence can set a title, clear the screen or hide text) become
 * {@code \xNN}; the bidirectional overrides and isolates (which can reorder what a line shows)
 * become {@code \u202E}-style escapes; line breaks and tabs become one space.
 */
final class TerminalText {

    private final String ellipsis;

    private TerminalText(String ellipsis) {
        this.ellipsis = ellipsis;
    }

    /** Cuts with {@code …} when {@code charset} can encode it, else with {@code ...}. */
    static TerminalText forCharset(Charset charset) {
        return new TerminalText(charset.newEncoder().canEncode('\u2026') ? "\u2026" : "...");
    }

    /** {@code s} on one line with every control character made visible; null gives "". */
    static String oneLine(String s) {
        return s == null ? "" : escapeControls(s, false);
    }

    /**
     * {@code s} with its control characters made visible as {@link #oneLine} does, but keeping
     * line breaks and tabs as they are (for CSV, whose quoting carries them); null gives "".
     */
    static String keepingLineBreaks(String s) {
        return s == null ? "" : escapeControls(s, true);
    }

    private static String escapeControls(String s, boolean keepLineBreaks) {
        StringBuilder b = new StringBuilder(s.length());
        boolean space = false;
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            i += Character.charCount(c);
            boolean lineBreak = c == '\n' || c == '\r' || c == '\t' || c == 0x2028 || c == 0x2029;
            if (lineBreak && keepLineBreaks) {
                b.appendCodePoint(c);
                continue;
            }
            if (lineBreak) {
                if (!space) {
                    b.append(' ');
                }
                space = true;
                continue;
            }
            space = false;
            if (c < 0x20 || c == 0x7F || (c >= 0x80 && c <= 0x9F)) {
                b.append(String.format("\\x%02X", c));
            } else if (isBidiControl(c)) {
                b.append(String.format("\\u%04X", c));
            } else {
                b.appendCodePoint(c);
            }
        }
        return b.toString();
    }

    /** The bidirectional formatting characters that change how the rest of a line is shown. */
    static boolean isBidiControl(int c) {
        return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x200E || c == 0x200F
                || c == 0x061C;
    }

    /** How many terminal columns {@code s} takes: 0 for combining marks, 2 for East Asian wide characters. */
    static int width(String s) {
        int w = 0;
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            i += Character.charCount(c);
            w += width(c);
        }
        return w;
    }

    static int width(int c) {
        int type = Character.getType(c);
        if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || type == Character.FORMAT) {
            return 0;
        }
        boolean wide = (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0xA4CF && c != 0x303F)
                || (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE30 && c <= 0xFE4F)
                || (c >= 0xFF00 && c <= 0xFF60) || (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x1F300 && c <= 0x1F64F)
                || (c >= 0x1F900 && c <= 0x1F9FF) || (c >= 0x20000 && c <= 0x3FFFD);
        return wide ? 2 : 1;
    }

    /** {@code s} cut to at most {@code columns} columns, ending in an ellipsis when cut. */
    String fit(String s, int columns) {
        if (width(s) <= columns) {
            return s;
        }
        int room = columns - ellipsis.length();
        if (room < 0) {
            return ellipsis.substring(0, Math.max(columns, 0));
        }
        StringBuilder b = new StringBuilder();
        int w = 0;
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            int cw = width(c);
            if (w + cw > room) {
                break;
            }
            b.appendCodePoint(c);
            w += cw;
            i += Character.charCount(c);
        }
        return b.append(ellipsis).toString();
    }

    /** {@code s} cut to {@code columns} columns and padded with spaces to exactly that width. */
    String cell(String s, int columns) {
        String fitted = fit(s, columns);
        return fitted + " ".repeat(Math.max(0, columns - width(fitted)));
    }

    /** {@code s} cut to {@code columns} and padded on the left to exactly that width. */
    String cellRight(String s, int columns) {
        String fitted = fit(s, columns);
        return " ".repeat(Math.max(0, columns - width(fitted))) + fitted;
    }
}
