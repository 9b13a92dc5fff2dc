package dev.runlist.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Server text made safe for a terminal, and cut to a width. */
class TerminalTextTest {

    private final TerminalText utf8 = TerminalText.forCharset(StandardCharsets.UTF_8);

    @Test
    void escapeSequencesC1ControlsAndBidiOverridesBecomeVisibleText() {
        String hostile = "ok\u001b]0;pwned\u0007 \u001b[2J\u001b[8mhidden\u009b31m \u202Egnp.exe\u2066x\u2069\u0000\u007f";
        String safe = TerminalText.oneLine(hostile);
        assertThat(safe).doesNotContainPattern("[\\x00-\\x1f\\x7f-\\x9f\\u202a-\\u202e\\u2066-\\u2069\\u200e\\u200f]");
        assertThat(safe).isEqualTo("ok\\x1B]0;pwned\\x07 \\x1B[2J\\x1B[8mhidden\\x9B31m \\u202Egnp.exe\\u2066x\\u2069\\x00\\x7F");
    }

    @Test
    void lineBreaksAndTabsBecomeOneSpaceOnOneLine() {
        assertThat(TerminalText.oneLine("a\r\n\tb\u2028c")).isEqualTo("a b c");
        assertThat(TerminalText.oneLine(null)).isEmpty();
        assertThat(TerminalText.keepingLineBreaks("a\r\nb\u001b")).isEqualTo("a\r\nb\\x1B");
    }

    @Test
    void widthCountsWideCharactersTwiceAndCombiningMarksNever() {
        assertThat(TerminalText.width("abc")).isEqualTo(3);
        assertThat(TerminalText.width("山田")).isEqualTo(4);
        assertThat(TerminalText.width("e\u0301")).isEqualTo(1);
        assertThat(TerminalText.width("Zoë")).isEqualTo(3);
    }

    @Test
    void fitCutsToTheWidthWithAnEllipsis() {
        assertThat(utf8.fit("abcdef", 6)).isEqualTo("abcdef");
        assertThat(utf8.fit("abcdefg", 6)).isEqualTo("abcde…");
        assertThat(utf8.fit("山田太郎", 5)).isEqualTo("山田…");
        assertThat(TerminalText.width(utf8.fit("山田太郎", 6))).isLessThanOrEqualTo(6);
        assertThat(utf8.cell("ab", 4)).isEqualTo("ab  ");
        assertThat(utf8.cellRight("ab", 4)).isEqualTo("  ab");
        TerminalText ascii = TerminalText.forCharset(StandardCharsets.US_ASCII);
        assertThat(ascii.fit("abcdefg", 6)).isEqualTo("abc...");
    }
}
