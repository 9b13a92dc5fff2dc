package dev.runlist.cli;

import dev.runlist.model.Run;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Lays out runs in fixed-width columns, so rows line up while a long listing streams. */
final class RunTable {

    private static final DateTimeFormatter CREATED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'").withZone(ZoneOffset.UTC);
    private static final String FORMAT = "%-32s %-16s %-20s %-20s %8s  %s";

    String header() {
        return String.format(FORMAT, "ID", "STATUS", "CREATED", "MODEL", "TOKENS", "LAST ERROR").stripTrailing();
    }

    String row(Run run) {
        String tokens = run.usage() == null ? "-" : Long.toString(run.usage().totalTokens());
        String error = run.lastError() == null ? "" : run.lastError().code().value() + ": " + oneLine(run.lastError().message());
        return String.format(FORMAT, fit(run.id(), 32), fit(run.status().value(), 16), CREATED.format(run.createdAt()),
                fit(run.model(), 20), tokens, fit(error, 60)).stripTrailing();
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s+", " ");
    }

    private static String fit(String s, int width) {
        return s.length() <= width ? s : s.substring(0, width - 1) + "…";
    }
}
