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
 * code for its kind; with {@code resumeParams}, a second line says how to resume.
 */
final class ErrorReporter implements CommandLine.IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
        PrintWriter err = cli.getErr();
        int code = report(e, err);
        if (e instanceof RunlistException r) {
            r.resumeParams().ifPresent(p -> {
                String cursor = p.after().map(a -> "--after " + a).or(() -> p.before().map(b -> "--before " + b)).orElse(null);
                if (cursor != null) {
                    err.println("runlist: to resume the listing, run the same command with " + cursor);
                }
            });
        }
        err.flush();
        return code;
    }

    static int report(Exception e, PrintWriter err) {
        if (e instanceof ApiException a) {
            err.println("runlist: the API answered HTTP " + a.status() + ": " + a.error().message()
                    + " (request id " + (a.requestId() == null ? "none" : a.requestId()) + ", "
                    + a.attempts() + (a.attempts() == 1 ? " attempt" : " attempts") + "). " + hint(a.status()));
            return ExitCodes.API_ERROR;
        }
        if (e instanceof ConnectionException || e instanceof RunlistTimeoutException) {
            err.println("runlist: could not reach the API: " + e.getMessage() + ". Check the network, --base-url and any proxy.");
            return ExitCodes.NETWORK;
        }
        if (e instanceof DecodeException || e instanceof PaginationException) {
            err.println("runlist: the API's answer could not be used: " + e.getMessage()
                    + ". Is --base-url an OpenAI-compatible API?");
            return ExitCodes.BAD_RESPONSE;
        }
        if (e instanceof TransportDiscoveryException || e instanceof IllegalArgumentException
                || e instanceof IllegalStateException) {
            err.println("runlist: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        err.println("runlist: unexpected failure: " + e);
        return ExitCodes.SOFTWARE;
    }

    private static String hint(int status) {
        switch (status) {
            case 400: return "Check the flags.";
            case 401: return "Check OPENAI_API_KEY.";
            case 403: return "Check that the key's organization and project can read this thread.";
            case 404: return "Check the thread id, and that it belongs to the key's project.";
            case 429: return "Rate limited or out of quota: wait and try again.";
            default: return status >= 500 ? "The API failed: try again later." : "";
        }
    }
}
