package dev.runlist.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A live "pages, runs, runs/s" line on stderr while --all pages, redrawn at most ten times a second
 * and left with the final figures at the end. Silent when stderr is not a terminal.
 */
class Progress {

    private static final long REDRAW_NANOS = 100_000_000L;

    private final PrintWriter err;
    private final long start = System.nanoTime();
    private long lastDraw;

    Progress(PrintWriter err) {
        this.err = err;
    }

    /** A progress line on {@code err} when the process's stderr is a terminal, else one that prints nothing. */
    static Progress forStderr(PrintWriter err) {
        return stderrIsTerminal() ? new Progress(err) : new Silent();
    }

    void update(int pages, long runs) {
        long now = System.nanoTime();
        if (now - lastDraw >= REDRAW_NANOS) {
            lastDraw = now;
            err.print("\r" + line(pages, runs));
            err.flush();
        }
    }

    /** Replaces the live line with the final figures. */
    void finish(int pages, long runs) {
        err.print("\r\033[K" + line(pages, runs) + "\n");
        err.flush();
    }

    String line(int pages, long runs) {
        double seconds = Math.max((System.nanoTime() - start) / 1e9, 1e-3);
        return String.format("%d pages, %d runs, %.0f runs/s", pages, runs, runs / seconds);
    }

    /** Whether file descriptor 2 is a terminal (Linux: /proc/self/fd/2 links to a tty). */
    static boolean stderrIsTerminal() {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (Exception notLinux) {
            return System.console() != null;
        }
    }

    /** Prints nothing. */
    static final class Silent extends Progress {
        Silent() {
            super(null);
        }

        @Override
        void update(int pages, long runs) {}

        @Override
        void finish(int pages, long runs) {}
    }
}
