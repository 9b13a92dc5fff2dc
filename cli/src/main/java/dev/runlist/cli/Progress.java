package dev.runlist.cli;

import java.io.PrintWriter;

/**
 * A live "pages, runs, runs/s" line on stderr while a listing pages, redrawn at most ten times a
 * second, and one final summary line at the end. When stdout is the same terminal, the live line is
 * cleared before each write to stdout so that it never mixes with the output. Silent when stderr is
 * not a terminal or with {@code --quiet}.
 */
class Progress {

    private static final long REDRAW_NANOS = 100_000_000L;
    private static final String CLEAR_LINE = "\r\033[K";

    private final PrintWriter err;
    private final boolean clearBeforeOutput;
    private final long start = System.nanoTime();
    private long lastDraw = start - REDRAW_NANOS;
    private boolean visible;

    Progress(PrintWriter err, boolean clearBeforeOutput) {
        this.err = err;
        this.clearBeforeOutput = clearBeforeOutput;
    }

    /** A progress line when stderr is a terminal and {@code quiet} is false, else one that prints nothing. */
    static Progress create(Io io, boolean quiet) {
        return io.stderrIsTerminal() && !quiet ? new Progress(io.err(), io.stdoutIsTerminal()) : new Silent();
    }

    /** Shows the figures so far, unless the line was drawn less than 100 ms ago. */
    void update(int pages, long runs) {
        long now = System.nanoTime();
        if (now - lastDraw >= REDRAW_NANOS) {
            lastDraw = now;
            err.print(CLEAR_LINE + line(pages, runs));
            err.flush();
            visible = true;
        }
    }

    /** Clears the live line before something is written to stdout, when both are the same terminal. */
    void beforeOutput() {
        if (visible && clearBeforeOutput) {
            clear();
        }
    }

    /** Replaces the live line with the final figures, on a line of its own. */
    void finish(int pages, long runs) {
        err.print(CLEAR_LINE + line(pages, runs) + "\n");
        err.flush();
        visible = false;
    }

    /** Clears the live line and prints no summary (the output was cut short). */
    void abandon() {
        if (visible) {
            clear();
        }
    }

    private void clear() {
        err.print(CLEAR_LINE);
        err.flush();
        visible = false;
    }

    String line(int pages, long runs) {
        double seconds = Math.max((System.nanoTime() - start) / 1e9, 1e-3);
        return String.format("%d %s, %d %s, %.0f runs/s", pages, pages == 1 ? "page" : "pages", runs,
                runs == 1 ? "run" : "runs", runs / seconds);
    }

    /** Prints nothing. */
    static final class Silent extends Progress {
        Silent() {
            super(null, false);
        }

        @Override
        void update(int pages, long runs) {}

        @Override
        void beforeOutput() {}

        @Override
        void finish(int pages, long runs) {}

        @Override
        void abandon() {}
    }
}
