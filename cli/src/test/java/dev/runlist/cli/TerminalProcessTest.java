package dev.runlist.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runlist.cli.CliProcess.Result;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * {@code runlist} on a real terminal: run inside {@code script} (util-linux), which gives it a
 * pseudo-terminal as stdout and stderr, and read back what the terminal would show.
 */
class TerminalProcessTest {

    /** Runs {@code shellPrefix} then runlist {@code args} on a pseudo-terminal; returns the raw terminal output. */
    private static String onTerminal(String shellPrefix, String... args) throws Exception {
        String command = shellPrefix + CliProcess.shell(CliProcess.java(List.of(), args));
        Result r = CliProcess.run(Map.of("LANG", "C.UTF-8", "TERM", "xterm"),
                List.of("script", "--quiet", "--return", "--command", command, "/dev/null"));
        assertThat(r.code()).as(r.err()).isEqualTo(0);
        return r.outText();
    }

    /**
     * The lines a terminal shows for {@code raw}: a carriage return goes back to the start of the
     * line, {@code ESC [ K} erases to its end, other characters overwrite.
     */
    static List<String> screen(String raw) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        int column = 0;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '\n') {
                lines.add(line.toString());
                line.setLength(0);
                column = 0;
            } else if (c == '\r') {
                column = 0;
            } else if (c == '\u001b' && raw.startsWith("[K", i + 1)) {
                line.setLength(column);
                i += 2;
            } else {
                if (column < line.length()) {
                    line.setCharAt(column, c);
                } else {
                    line.append(c);
                }
                column++;
            }
        }
        if (line.length() > 0) {
            lines.add(line.toString());
        }
        return lines.stream().filter(l -> !l.isBlank()).collect(Collectors.toList());
    }

    @Test
    void theProgressLineNeverMixesWithTheTableAndLeavesOneSummaryLine() throws Exception {
        String raw = onTerminal("", "list", "thread_demo", "--all", "--limit", "10");
        assertThat(raw).contains("\r\u001b[K"); // the live line was drawn and cleared
        List<String> screen = screen(raw);
        assertThat(screen.get(0)).startsWith("runlist: OPENAI_API_KEY is not set");
        assertThat(screen.get(1)).startsWith("ID ");
        List<String> rows = screen.subList(2, screen.size() - 1);
        assertThat(rows).hasSize(ApiConnection.DEMO_RUNS).allSatisfy(row -> assertThat(row).startsWith("run_")
                .doesNotContain("runs/s").doesNotContain("pages,"));
        assertThat(screen.get(screen.size() - 1)).matches("30 pages, 300 runs, \\d+ runs/s");
        assertThat(screen.stream().filter(l -> l.contains("runs/s"))).hasSize(1);
    }

    @Test
    void quietLeavesOnlyTheTable() throws Exception {
        List<String> screen = screen(onTerminal("", "list", "thread_demo", "--all", "--limit", "50", "--quiet"));
        assertThat(screen.get(0)).startsWith("ID ");
        assertThat(screen.subList(1, screen.size())).hasSize(ApiConnection.DEMO_RUNS)
                .allSatisfy(row -> assertThat(row).startsWith("run_"));
    }

    @Test
    void theTableFitsTheTerminalsWidth() throws Exception {
        for (int columns : new int[] {50, 90}) {
            List<String> screen = screen(onTerminal("stty cols " + columns + " rows 50; ", "list", "thread_demo",
                    "--quiet", "--limit", "100"));
            assertThat(screen).hasSize(101).allSatisfy(l -> assertThat(TerminalText.width(l)).as(l).isLessThanOrEqualTo(columns));
            assertThat(screen.subList(1, 101)).anySatisfy(l -> assertThat(l).endsWith("…"));
        }
    }

    @Test
    void statsDrawsItsBarsWithinTheTerminal() throws Exception {
        List<String> screen = screen(onTerminal("stty cols 60 rows 50; ", "stats", "thread_demo", "--quiet"));
        assertThat(screen.get(0)).startsWith("thread_demo: 300 runs, created ");
        assertThat(screen).filteredOn(l -> l.contains("█")).hasSizeGreaterThanOrEqualTo(5)
                .allSatisfy(l -> assertThat(TerminalText.width(l)).isLessThanOrEqualTo(60));
        assertThat(screen).noneMatch(l -> l.contains("runs/s"));
    }
}
