package dev.runlist.cli;

import dev.runlist.json.RunsJson;
import dev.runlist.model.Run;
import dev.runlist.model.RunListResponse;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Prints runs in one of the {@link ListCommand.Format}s, either a page at once or run by run. */
abstract class RunPrinter {

    protected final PrintWriter out;

    RunPrinter(PrintWriter out) {
        this.out = out;
    }

    /**
     * A printer for {@code format} on {@code out}; {@code table} lays out the table format, and
     * {@code quiet} leaves out what is not data (the "(no runs)" line).
     */
    static RunPrinter of(ListCommand.Format format, PrintWriter out, RunTable table, boolean quiet) {
        switch (format) {
            case json: return new JsonPrinter(out);
            case jsonl: return new JsonLinesPrinter(out);
            case csv: return new CsvPrinter(out);
            default: return new TablePrinter(out, table, quiet);
        }
    }

    /** Prints one page: {@code runs} are the page's runs that passed the filters. */
    void page(RunListResponse page, List<Run> runs) {
        begin();
        runs.forEach(this::run);
        end(false);
    }

    abstract void begin();

    abstract void run(Run run);

    /** Ends the output; {@code stoppedEarly} when --max cut the listing short. */
    abstract void end(boolean stoppedEarly);

    /** Aligned columns a person reads. */
    static final class TablePrinter extends RunPrinter {
        private final RunTable table;
        private final boolean quiet;
        private int rows;

        TablePrinter(PrintWriter out, RunTable table, boolean quiet) {
            super(out);
            this.table = table;
            this.quiet = quiet;
        }

        @Override
        void begin() {
            out.println(table.header());
        }

        @Override
        void run(Run run) {
            out.println(table.row(run));
            rows++;
        }

        @Override
        void end(boolean stoppedEarly) {
            if (rows == 0 && !quiet) {
                out.println("(no runs)");
            }
        }
    }

    /** One compact JSON run per line, for pipes. */
    static final class JsonLinesPrinter extends RunPrinter {
        JsonLinesPrinter(PrintWriter out) {
            super(out);
        }

        @Override
        void begin() {}

        @Override
        void run(Run run) {
            out.println(new String(RunsJson.standard().writeRun(run, false), StandardCharsets.UTF_8));
        }

        @Override
        void end(boolean stoppedEarly) {}
    }

    /**
     * RFC 4180 comma-separated values for spreadsheets: a header row, one row per run, CRLF line
     * ends, fields holding a comma, quote, CR or LF quoted; timestamps in ISO-8601 (UTC), empty when
     * absent. Control characters other than CR, LF and tab are made visible as in the table.
     */
    static final class CsvPrinter extends RunPrinter {
        static final List<String> HEADER = List.of("id", "status", "created_at", "model", "total_tokens",
                "last_error_code", "last_error_message", "started_at", "expires_at", "cancelled_at", "failed_at",
                "completed_at");

        CsvPrinter(PrintWriter out) {
            super(out);
        }

        @Override
        void begin() {
            record(HEADER);
        }

        @Override
        void run(Run run) {
            List<String> fields = new ArrayList<>(HEADER.size());
            fields.add(run.id());
            fields.add(run.status().value());
            fields.add(iso(run.createdAt()));
            fields.add(run.model());
            fields.add(run.usage() == null ? "" : Long.toString(run.usage().totalTokens()));
            fields.add(run.lastError() == null || run.lastError().code() == null ? "" : run.lastError().code().value());
            fields.add(run.lastError() == null ? "" : run.lastError().message());
            fields.add(iso(run.startedAt()));
            fields.add(iso(run.expiresAt()));
            fields.add(iso(run.cancelledAt()));
            fields.add(iso(run.failedAt()));
            fields.add(iso(run.completedAt()));
            record(fields);
        }

        @Override
        void end(boolean stoppedEarly) {}

        private void record(List<String> fields) {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < fields.size(); i++) {
                if (i > 0) {
                    b.append(',');
                }
                b.append(field(fields.get(i)));
            }
            out.print(b.append("\r\n"));
        }

        /** One field, quoted when RFC 4180 requires it. */
        static String field(String value) {
            String v = TerminalText.keepingLineBreaks(value);
            if (v.indexOf(',') < 0 && v.indexOf('"') < 0 && v.indexOf('\r') < 0 && v.indexOf('\n') < 0) {
                return v;
            }
            return '"' + v.replace("\"", "\"\"") + '"';
        }

        private static String iso(Instant t) {
            return t == null ? "" : t.toString();
        }
    }

    /**
     * The list object as the API returns it. A single page is printed as received; a listing with
     * --all is gathered into one list object (use jsonl for very long listings).
     */
    static final class JsonPrinter extends RunPrinter {
        private final List<Run> runs = new ArrayList<>();

        JsonPrinter(PrintWriter out) {
            super(out);
        }

        @Override
        void page(RunListResponse page, List<Run> filtered) {
            print(filtered.size() == page.data().size() ? page
                    : new RunListResponse(filtered, firstId(filtered), lastId(filtered), page.hasMore()));
        }

        @Override
        void begin() {}

        @Override
        void run(Run run) {
            runs.add(run);
        }

        @Override
        void end(boolean stoppedEarly) {
            print(new RunListResponse(runs, firstId(runs), lastId(runs), stoppedEarly));
        }

        private void print(RunListResponse page) {
            out.println(new String(RunsJson.standard().writePage(page, true), StandardCharsets.UTF_8));
        }

        private static String firstId(List<Run> runs) {
            return runs.isEmpty() ? null : runs.get(0).id();
        }

        private static String lastId(List<Run> runs) {
            return runs.isEmpty() ? null : runs.get(runs.size() - 1).id();
        }
    }
}
