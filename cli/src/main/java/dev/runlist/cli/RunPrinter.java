package dev.runlist.cli;

import dev.runlist.json.RunsJson;
import dev.runlist.model.Run;
import dev.runlist.model.RunListResponse;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Prints runs in one of the {@link ListCommand.Format}s, either a page at once or run by run. */
abstract class RunPrinter {

    protected final PrintWriter out;

    RunPrinter(PrintWriter out) {
        this.out = out;
    }

    static RunPrinter of(ListCommand.Format format, PrintWriter out) {
        switch (format) {
            case json: return new JsonPrinter(out);
            case jsonl: return new JsonLinesPrinter(out);
            default: return new TablePrinter(out);
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
        private final RunTable table = new RunTable();
        private int rows;

        TablePrinter(PrintWriter out) {
            super(out);
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
            if (rows == 0) {
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
        void end(boolean stoppedEarly) {
            out.flush();
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
            out.flush();
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
