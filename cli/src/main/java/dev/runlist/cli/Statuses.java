package dev.runlist.cli;

import dev.runlist.model.RunStatus;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The run statuses the API documents, in the order of a run's life. */
final class Statuses {

    /** Every documented status, in the order of {@link RunStatus.Kind} (the order a run can pass through them). */
    static final List<RunStatus> KNOWN = Arrays.stream(RunStatus.Kind.values()).filter(k -> k != RunStatus.Kind.UNKNOWN)
            .map(k -> RunStatus.of(k.name().toLowerCase(Locale.ROOT))).collect(Collectors.toUnmodifiableList());

    private Statuses() {}

    /**
     * The documented status {@code name} stands for (case and surrounding blanks ignored).
     *
     * @throws IllegalArgumentException naming {@code name} and the known statuses when it is none of them
     */
    static RunStatus parse(String name) {
        RunStatus status = RunStatus.of(name.trim().toLowerCase(Locale.ROOT));
        if (!status.isKnown()) {
            throw new IllegalArgumentException("unknown status '" + TerminalText.oneLine(name) + "'; known statuses: " + names());
        }
        return status;
    }

    /** The known statuses' names, comma separated. */
    static String names() {
        return KNOWN.stream().map(RunStatus::value).collect(Collectors.joining(", "));
    }
}
