package dev.runlist.cli;

import dev.runlist.errors.ApiException;
import dev.runlist.errors.ConnectionException;
import dev.runlist.errors.DecodeException;
import dev.runlist.errors.PaginationException;
import dev.runlist.errors.RunlistException;
import dev.runlist.errors.RunlistTimeoutException;
import dev.runlist.errors.TransportDiscoveryException;
import java.io.PrintWriter;
import picocli.CommandLine;

/**
 * Turns a failure into one stderr line (what failed, status, request id, what to do) and the exit
 * code for its kind; with {@code resumeParams}, a second line says how to resume. Server text in
 * these lines is shown with its control characters made visible.
 */
final class ErrorReporter implements CommandLine.IExecutionExceptionHandler {

    /** What a 404 from OpenAI's hosted API means since the shutdown, and where runs are listed now. */
    static final String SUNSET_HINT = "OpenAI shut down its hosted Assistants API on 2026-08-26, so "
            + ApiConnection.OPENAI_HOST + " no longer lists runs: point --base-url (or OPENAI_BASE_URL) at an "
            + "Assistants-compatible server, or set AZURE_OPENAI_ENDPOINT and AZURE_OPENAI_API_KEY to list from Azure OpenAI.";

    /** The start of the message of OpenAI's 404 for an unknown thread. */
    static final String THREAD_NOT_FOUND = "No thread found with id";

    /** A command that calls the API, so that an error can be explained in terms of where it went. */
    interface CallsApi {
        /** Whether the command called OpenAI's hosted API ({@link ApiConnection#targetsOpenAi}). */
        boolean targetsOpenAi();
    }

    @Override
    public int handleExecutionException(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
        PrintWriter err = cli.getErr();
        boolean openAi = cli.getCommand() instanceof CallsApi c && c.targetsOpenAi();
        int code = report(e, err, openAi);
        if (e instanceof RunlistException r) {
            r.resumeParams().ifPresent(p -> {
                String cursor = p.after().map(a -> "--after " + a).or(() -> p.before().map(b -> "--before " + b)).orElse(null);
                if (cursor != null) {
                    println(err, "runlist: to resume the listing, run the same command with " + cursor);
                }
            });
        }
        err.flush();
        return code;
    }

    /** Prints the line for {@code e} and returns its exit code; {@code openAi}: the call went to api.openai.com. */
    static int report(Exception e, PrintWriter err, boolean openAi) {
        if (e instanceof ApiException a) {
            String message = a.error().message();
            println(err, "runlist: the API answered HTTP " + a.status() + ": " + message
                    + " (request id " + (a.requestId() == null ? "none" : a.requestId()) + ", "
                    + a.attempts() + (a.attempts() == 1 ? " attempt" : " attempts") + "). " + hint(a.status(), message, openAi));
            return ExitCodes.API_ERROR;
        }
        if (e instanceof ConnectionException || e instanceof RunlistTimeoutException) {
            println(err, "runlist: could not reach the API: " + e.getMessage() + ". Check the network, --base-url and any proxy.");
            return ExitCodes.NETWORK;
        }
        if (e instanceof DecodeException || e instanceof PaginationException) {
            println(err, "runlist: the API's answer could not be used: " + e.getMessage()
                    + ". Is --base-url an OpenAI-compatible API?");
            return ExitCodes.BAD_RESPONSE;
        }
        if (e instanceof TransportDiscoveryException || e instanceof IllegalArgumentException
                || e instanceof IllegalStateException) {
            println(err, "runlist: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        println(err, "runlist: unexpected failure: " + e);
        return ExitCodes.SOFTWARE;
    }

    /** Prints {@code line} with every control character made visible. */
    static void println(PrintWriter err, String line) {
        err.println(TerminalText.oneLine(line));
    }

    private static String hint(int status, String message, boolean openAi) {
        switch (status) {
            case 400: return "Check the flags.";
            case 401: return "Check OPENAI_API_KEY (AZURE_OPENAI_API_KEY for Azure).";
            case 403: return "Check that the key's organization and project can read this thread.";
            case 404:
                return openAi && (message == null || !message.startsWith(THREAD_NOT_FOUND)) ? SUNSET_HINT
                        : "Check the thread id, and that it belongs to the key's project.";
            case 429: return "Rate limited or out of quota: wait and try again.";
            default: return status >= 500 ? "The API failed: try again later." : "";
        }
    }
}
