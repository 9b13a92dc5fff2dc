package dev.runlist.cli;

import java.io.BufferedOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What a command writes to and reads its settings from: stdout as text in the terminal's charset or
 * as UTF-8 data, stderr, the environment, and whether stdout and stderr are terminals.
 *
 * <p>The JSON and CSV formats are written as UTF-8 whatever {@code LANG} says; the table and the
 * messages use the locale's charset, so a terminal shows them as it can.
 */
final class Io {

    private final PrintWriter text;
    private final PrintWriter data;
    private final PrintWriter err;
    private final Charset textCharset;
    private final Map<String, String> env;
    private final boolean stdoutTerminal;
    private final boolean stderrTerminal;

    Io(PrintWriter text, PrintWriter data, PrintWriter err, Charset textCharset, Map<String, String> env,
            boolean stdoutTerminal, boolean stderrTerminal) {
        this.text = text;
        this.data = data;
        this.err = err;
        this.textCharset = textCharset;
        this.env = Map.copyOf(env);
        this.stdoutTerminal = stdoutTerminal;
        this.stderrTerminal = stderrTerminal;
    }

    /** The process's own streams and environment. */
    static Io system() {
        Charset locale = localeCharset();
        OutputStream stdout = new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.err), locale), true);
        return new Io(new PrintWriter(new OutputStreamWriter(stdout, locale)),
                new PrintWriter(new OutputStreamWriter(stdout, StandardCharsets.UTF_8)), err, locale, System.getenv(),
                isTerminal(1), isTerminal(2));
    }

    /** Writers the caller owns (tests, embedding): one writer for text and data, no terminal. */
    static Io of(PrintWriter out, PrintWriter err, Map<String, String> env) {
        return new Io(out, out, err, StandardCharsets.UTF_8, env, false, false);
    }

    /** Stdout for text a person reads (the table, help), in the terminal's charset. */
    PrintWriter text() {
        return text;
    }

    /** Stdout for data (JSON, JSON lines, CSV), always UTF-8. */
    PrintWriter data() {
        return data;
    }

    PrintWriter err() {
        return err;
    }

    /** The charset {@link #text()} encodes with; characters it cannot encode become {@code ?}. */
    Charset textCharset() {
        return textCharset;
    }

    Map<String, String> env() {
        return env;
    }

    boolean stdoutIsTerminal() {
        return stdoutTerminal;
    }

    boolean stderrIsTerminal() {
        return stderrTerminal;
    }

    /**
     * The columns a line of text may take on stdout: {@code COLUMNS} when it is set, else the
     * terminal's width when stdout is a terminal ({@code stty size}), else 0 for no limit.
     */
    int columns() {
        String columns = env.get("COLUMNS");
        if (columns != null) {
            try {
                int n = Integer.parseInt(columns.trim());
                if (n > 0) {
                    return n;
                }
            } catch (NumberFormatException ignored) {
                // not a width: fall back to the terminal's
            }
        }
        return stdoutTerminal ? terminalColumns() : 0;
    }

    /** The width of the controlling terminal as {@code stty size} reports it, or 0 when unknown. */
    private static int terminalColumns() {
        try {
            Process stty = new ProcessBuilder("stty", "size").redirectInput(new File("/dev/tty"))
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String size = new String(stty.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
            if (!stty.waitFor(5, TimeUnit.SECONDS) || stty.exitValue() != 0) {
                stty.destroy();
                return 0;
            }
            String[] rowsAndColumns = size.split("\\s+");
            return rowsAndColumns.length == 2 ? Math.max(0, Integer.parseInt(rowsAndColumns[1])) : 0;
        } catch (IOException | RuntimeException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    /** Flushes both stdout writers (they share one byte stream) and stderr. */
    void flush() {
        text.flush();
        data.flush();
        err.flush();
    }

    /**
     * The charset of the locale ({@code LANG}, {@code LC_ALL}, {@code LC_CTYPE}) as the JVM read it at
     * start-up: {@code native.encoding}, which {@code -Dfile.encoding} does not change.
     */
    static Charset localeCharset() {
        try {
            return Charset.forName(System.getProperty("native.encoding", Charset.defaultCharset().name()));
        } catch (RuntimeException unsupported) {
            return Charset.defaultCharset();
        }
    }

    /** Whether file descriptor {@code fd} is a terminal (Linux: /proc/self/fd/N links to a tty). */
    static boolean isTerminal(int fd) {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/" + fd)).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (Exception notLinux) {
            return System.console() != null;
        }
    }
}
