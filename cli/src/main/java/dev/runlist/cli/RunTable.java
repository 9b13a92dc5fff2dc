package dev.runlist.cli;

import dev.runlist.model.LastError;
import dev.runlist.model.Run;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Lays out runs in fixed-width columns, so rows line up while a long listing streams. Given a width
 * (the terminal's), the columns shrink to fit it and long values are cut with an ellipsis; server
 * text is shown on one line with its control characters made visible ({@link TerminalText#oneLine}).
 */
final class RunTable {

    private static final DateTimeFormatter CREATED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'").withZone(ZoneOffset.UTC);
    /** Without a width limit, the last error is cut here so that a row stays readable. */
    static final int UNLIMITED_ERROR_WIDTH = 60;
    private static final int ID = 0;
    private static final int STATUS = 1;
    private static final int CREATED_AT = 2;
    private static final int MODEL = 3;
    private static final int TOKENS = 4;
    private static final int[] PREFERRED = {32, 16, 20, 20, 8};
    private static final int[] MINIMUM = {12, 9, 20, 8, 6};
    /** The columns given up first when the terminal is narrow. */
    private static final int[] SHRINK_ORDER = {MODEL, ID, STATUS, TOKENS};
    private static final int MIN_ERROR_WIDTH = 12;
    /** One space between columns, two before the last error. */
    private static final int SEPARATORS = 4 + 2;

    private final TerminalText text;
    private final int[] widths = PREFERRED.clone();
    private final int errorWidth;
    private final int lineWidth;

    /**
     * @param text how to cut text for the output's charset
     * @param lineWidth the columns a line may take, or 0 for no limit
     */
    RunTable(TerminalText text, int lineWidth) {
        this.text = text;
        this.lineWidth = lineWidth;
        if (lineWidth <= 0) {
            errorWidth = UNLIMITED_ERROR_WIDTH;
            return;
        }
        int available = lineWidth - SEPARATORS;
        for (int column : SHRINK_ORDER) {
            int over = sum() + MIN_ERROR_WIDTH - available;
            if (over > 0) {
                widths[column] = Math.max(MINIMUM[column], widths[column] - over);
            }
        }
        errorWidth = Math.max(0, available - sum());
    }

    String header() {
        return line("ID", "STATUS", "CREATED", "MODEL", "TOKENS", "LAST ERROR");
    }

    String row(Run run) {
        String tokens = run.usage() == null ? "-" : Long.toString(run.usage().totalTokens());
        return line(run.id(), run.status().value(), CREATED.format(run.createdAt()), run.model(), tokens,
                lastError(run.lastError()));
    }

    /** {@code code: message}, or only the one that was sent; "" without an error. */
    static String lastError(LastError error) {
        if (error == null) {
            return "";
        }
        String code = error.code() == null ? null : error.code().value();
        String message = error.message();
        if (code == null) {
            return message == null ? "" : message;
        }
        return message == null ? code : code + ": " + message;
    }

    private String line(String id, String status, String created, String model, String tokens, String error) {
        StringBuilder b = new StringBuilder()
                .append(cell(id, ID)).append(' ')
                .append(cell(status, STATUS)).append(' ')
                .append(cell(created, CREATED_AT)).append(' ')
                .append(cell(model, MODEL)).append(' ')
                .append(text.cellRight(TerminalText.oneLine(tokens), widths[TOKENS]));
        if (errorWidth > 0) {
            b.append("  ").append(text.fit(TerminalText.oneLine(error), errorWidth));
        }
        String line = b.toString().stripTrailing();
        return lineWidth > 0 ? text.fit(line, lineWidth) : line;
    }

    private String cell(String value, int column) {
        return text.cell(TerminalText.oneLine(value), widths[column]);
    }

    private int sum() {
        int s = 0;
        for (int w : widths) {
            s += w;
        }
        return s;
    }
}
