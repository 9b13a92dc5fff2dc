package dev.runlist.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** Renders a {@link RunStats.Summary}: as text with bar charts for a person, or as JSON for machines. */
final class StatsReport {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'").withZone(ZoneOffset.UTC);
    private static final String EIGHTHS = "\u258F\u258E\u258D\u258C\u258B\u258A\u2589";
    private static final char FULL_BLOCK = '\u2588';
    private static final int MAX_BAR = 40;
    private static final int MIN_BAR = 10;
    private static final int MAX_LABEL = 24;

    private final TerminalText text;
    private final boolean blocks;
    private final int lineWidth;

    /**
     * @param text how to cut text for the output's charset
     * @param blocks whether the output's charset has the block characters for bars (else {@code #})
     * @param lineWidth the columns a line may take, or 0 for no limit
     */
    StatsReport(TerminalText text, boolean blocks, int lineWidth) {
        this.text = text;
        this.blocks = blocks;
        this.lineWidth = lineWidth;
    }

    /** The text report: a header line, then one section per figure. */
    void printText(String threadId, RunStats.Summary s, PrintWriter out) {
        String thread = TerminalText.oneLine(threadId);
        if (s.runs() == 0) {
            out.println(thread + ": no runs");
            return;
        }
        out.println(thread + ": " + s.runs() + (s.runs() == 1 ? " run" : " runs") + ", created "
                + TIME.format(s.firstCreatedAt()) + " to " + TIME.format(s.lastCreatedAt()) + " (" + human(s.span().getSeconds()) + ")");
        out.println();
        out.println("Runs by status");
        bars(s.statuses(), s.runs(), out);
        out.println();
        if (s.runsWithError() == 0) {
            out.println("Last error codes: none");
        } else {
            out.println("Last error codes (" + s.runsWithError() + " runs with an error)");
            counts(s.errorCodes(), out);
        }
        out.println();
        if (s.runsWithUsage() == 0) {
            out.println("Tokens: no run reports usage");
        } else {
            out.println("Tokens (" + s.runsWithUsage() + " runs with usage)");
            String row = "  %-10s %14s %12s %10s";
            out.println(String.format(Locale.ROOT, row, "", "sum", "mean", "max").stripTrailing());
            tokens(row, "prompt", s.prompt(), out);
            tokens(row, "completion", s.completion(), out);
            tokens(row, "total", s.total(), out);
        }
        out.println();
        RunStats.Durations d = s.durations();
        if (d.runs() == 0) {
            out.println("Run duration: no run has started_at and an end");
        } else {
            out.println("Run duration (" + d.runs() + " runs, started_at to completed_at/failed_at/cancelled_at, "
                    + "nearest-rank percentiles)");
            out.println("  p50 " + human(d.p50()) + "   p95 " + human(d.p95()) + "   max " + human(d.max()));
        }
        out.println();
        out.println("Runs per model");
        counts(s.models(), out);
    }

    /** The JSON report; every count and figure with its unit in the field name, timestamps in ISO-8601. */
    static String json(String threadId, RunStats.Summary s) {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = new JsonFactory().createGenerator(w)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("thread_id", threadId);
            g.writeNumberField("runs", s.runs());
            g.writeStringField("first_created_at", iso(s.firstCreatedAt()));
            g.writeStringField("last_created_at", iso(s.lastCreatedAt()));
            g.writeNumberField("span_seconds", s.span().getSeconds());
            countsField(g, "statuses", "status", s.statuses());
            g.writeNumberField("runs_with_error", s.runsWithError());
            g.writeArrayFieldStart("last_error_codes");
            for (RunStats.Count c : s.errorCodes()) {
                g.writeStartObject();
                g.writeStringField("code", RunStats.NO_CODE.equals(c.name()) ? null : c.name());
                g.writeNumberField("runs", c.count());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeObjectFieldStart("tokens");
            g.writeNumberField("runs", s.runsWithUsage());
            tokensField(g, "prompt", s.prompt());
            tokensField(g, "completion", s.completion());
            tokensField(g, "total", s.total());
            g.writeEndObject();
            g.writeObjectFieldStart("duration_seconds");
            g.writeNumberField("runs", s.durations().runs());
            g.writeStringField("percentiles", "nearest-rank");
            if (s.durations().runs() > 0) {
                g.writeNumberField("p50", s.durations().p50());
                g.writeNumberField("p95", s.durations().p95());
                g.writeNumberField("max", s.durations().max());
            }
            g.writeEndObject();
            g.writeArrayFieldStart("models");
            for (RunStats.Count c : s.models()) {
                g.writeStartObject();
                g.writeStringField("model", RunStats.NO_MODEL.equals(c.name()) ? null : c.name());
                g.writeNumberField("runs", c.count());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return w.toString();
    }

    /** A bar per count, scaled so that the largest fills the bar width, with the share of {@code total}. */
    private void bars(List<RunStats.Count> counts, long total, PrintWriter out) {
        int label = labelWidth(counts);
        int digits = digits(counts);
        int bar = MAX_BAR;
        if (lineWidth > 0) {
            bar = Math.max(MIN_BAR, Math.min(MAX_BAR, lineWidth - (2 + label + 1 + digits + 2 + 2 + 6)));
        }
        long largest = counts.isEmpty() ? 1 : counts.get(0).count();
        for (RunStats.Count c : counts) {
            String share = String.format(Locale.ROOT, "%5.1f%%", 100.0 * c.count() / total);
            out.println(("  " + text.cell(TerminalText.oneLine(c.name()), label) + " " + pad(c.count(), digits) + "  "
                    + text.cell(bar(c.count(), largest, bar), bar) + "  " + share).stripTrailing());
        }
    }

    /** The bar of {@code count} out of {@code largest} in {@code width} columns; never empty for a count above 0. */
    String bar(long count, long largest, int width) {
        if (!blocks) {
            long cells = Math.round((double) count * width / largest);
            return "#".repeat((int) Math.max(cells, count > 0 ? 1 : 0));
        }
        long eighths = Math.round((double) count * width * 8 / largest);
        if (eighths == 0 && count > 0) {
            eighths = 1;
        }
        StringBuilder b = new StringBuilder();
        b.append(String.valueOf(FULL_BLOCK).repeat((int) (eighths / 8)));
        if (eighths % 8 != 0) {
            b.append(EIGHTHS.charAt((int) (eighths % 8) - 1));
        }
        return b.toString();
    }

    private void counts(List<RunStats.Count> counts, PrintWriter out) {
        int label = labelWidth(counts);
        int digits = digits(counts);
        for (RunStats.Count c : counts) {
            out.println("  " + text.cell(TerminalText.oneLine(c.name()), label) + " " + pad(c.count(), digits));
        }
    }

    private static void tokens(String row, String name, RunStats.Tokens t, PrintWriter out) {
        out.println(String.format(Locale.ROOT, row, name, t.sum(), String.format(Locale.ROOT, "%.1f", t.mean()), t.max()));
    }

    private static int labelWidth(List<RunStats.Count> counts) {
        int w = 6;
        for (RunStats.Count c : counts) {
            w = Math.max(w, TerminalText.width(TerminalText.oneLine(c.name())));
        }
        return Math.min(w, MAX_LABEL);
    }

    private static int digits(List<RunStats.Count> counts) {
        int d = 1;
        for (RunStats.Count c : counts) {
            d = Math.max(d, Long.toString(c.count()).length());
        }
        return d;
    }

    private static String pad(long n, int digits) {
        String s = Long.toString(n);
        return " ".repeat(digits - s.length()) + s;
    }

    /** Whole seconds as a person reads them: {@code 42s}, {@code 4m 05s}, {@code 3h 07m}, {@code 12d 03h}. */
    static String human(long seconds) {
        if (seconds < 60) {
            return seconds + "s";
        }
        if (seconds < 3600) {
            return String.format(Locale.ROOT, "%dm %02ds", seconds / 60, seconds % 60);
        }
        if (seconds < 86400) {
            return String.format(Locale.ROOT, "%dh %02dm", seconds / 3600, seconds % 3600 / 60);
        }
        return String.format(Locale.ROOT, "%dd %02dh", seconds / 86400, seconds % 86400 / 3600);
    }

    private static String iso(Instant t) {
        return t == null ? null : t.toString();
    }

    private static void countsField(JsonGenerator g, String field, String key, List<RunStats.Count> counts) throws IOException {
        g.writeArrayFieldStart(field);
        for (RunStats.Count c : counts) {
            g.writeStartObject();
            g.writeStringField(key, c.name());
            g.writeNumberField("runs", c.count());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void tokensField(JsonGenerator g, String field, RunStats.Tokens t) throws IOException {
        g.writeObjectFieldStart(field);
        g.writeNumberField("sum", t.sum());
        g.writeNumberField("mean", t.mean());
        g.writeNumberField("max", t.max());
        g.writeEndObject();
    }
}
