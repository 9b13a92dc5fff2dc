package dev.runlist.cli;

import static dev.runlist.cli.TestRuns.error;
import static dev.runlist.cli.TestRuns.run;
import static dev.runlist.cli.TestRuns.usage;
import static org.assertj.core.api.Assertions.assertThat;

import dev.runlist.model.Run;
import dev.runlist.model.RunStatus;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The table's rows: any width, any last error, no control character. */
class RunTableTest {

    private static final TerminalText UTF8 = TerminalText.forCharset(StandardCharsets.UTF_8);

    private final Run failed = run("thread_t", "run_0123456789abcdefghijklmnop", RunStatus.FAILED, 0)
            .model("gpt-4o-2024-08-06-with-a-very-long-name").usage(usage(1200, 34))
            .lastError(error("server_error", "Sorry, something went wrong on our side; please try again later."))
            .build();

    @Test
    void aLastErrorWithoutCodeShowsItsMessage() {
        Run noCode = run("t", "run_a", RunStatus.FAILED, 0).lastError(error(null, "boom")).build();
        Run noMessage = run("t", "run_b", RunStatus.FAILED, 0).lastError(error("server_error", null)).build();
        Run neither = run("t", "run_c", RunStatus.FAILED, 0).lastError(error(null, null)).build();
        RunTable table = new RunTable(UTF8, 0);
        assertThat(table.row(noCode)).endsWith("  boom");
        assertThat(table.row(noMessage)).endsWith("  server_error");
        assertThat(table.row(neither)).startsWith("run_c").endsWith("-");
    }

    @Test
    void everyLineFitsTheWidthDownToVeryNarrowTerminals() {
        for (int width = 20; width <= 200; width++) {
            RunTable table = new RunTable(UTF8, width);
            assertThat(TerminalText.width(table.header())).as("header at %d", width).isLessThanOrEqualTo(width);
            assertThat(TerminalText.width(table.row(failed))).as("row at %d", width).isLessThanOrEqualTo(width);
        }
    }

    @Test
    void aWideTerminalShowsTheWholeErrorAndANarrowOneCutsIt() {
        assertThat(new RunTable(UTF8, 200).row(failed)).endsWith("please try again later.");
        String narrow = new RunTable(UTF8, 120).row(failed);
        assertThat(narrow).hasSize(120).endsWith("…").contains("server_error: Sor");
        // the columns line up with the header at every width
        for (int width : new int[] {60, 80, 120}) {
            RunTable table = new RunTable(UTF8, width);
            int status = table.header().indexOf("STATUS");
            assertThat(table.row(failed).substring(status)).startsWith("failed");
        }
    }

    @Test
    void withoutAWidthTheErrorIsCutAtSixtyColumns() {
        String row = new RunTable(UTF8, 0).row(failed);
        String error = row.substring(row.indexOf("server_error"));
        assertThat(TerminalText.width(error)).isEqualTo(RunTable.UNLIMITED_ERROR_WIDTH);
    }

    @Test
    void serverTextCannotReachTheTerminalAsControlCharacters() {
        Run hostile = run("t", "run_\u001b[2J", RunStatus.of("done\u001b]0;title\u0007"), 0).model("gpt\u202Eevil")
                .lastError(error("code\u009b", "line one\nline two \u001b[8mhidden")).build();
        String row = new RunTable(UTF8, 0).row(hostile);
        assertThat(row).doesNotContainPattern("[\\x00-\\x1f\\x7f-\\x9f\\u202a-\\u202e]")
                .contains("run_\\x1B[2J").contains("gpt\\u202Eevil").contains("line one line two \\x1B[8mhidden");
    }
}
