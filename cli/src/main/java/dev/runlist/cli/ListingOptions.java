package dev.runlist.cli;

import dev.runlist.ListRunsParams;
import dev.runlist.Order;
import dev.runlist.model.Run;
import dev.runlist.model.RunStatus;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Which runs a command reads: the thread, the cursors and page size, and the filters. */
final class ListingOptions {

    @Parameters(index = "0", paramLabel = "THREAD_ID", description = "The thread whose runs to read, such as thread_abc123.")
    String threadId;

    @Option(names = "--limit", paramLabel = "N", description = "Runs per page, 1 to 100.")
    Integer limit;

    @Option(names = "--order", paramLabel = "asc|desc", converter = OrderConverter.class,
            description = "Sort by creation time: asc or desc (API default desc).")
    Order order;

    @Option(names = "--after", paramLabel = "ID", description = "Start after this run id.")
    String after;

    @Option(names = "--before", paramLabel = "ID", description = "End before this run id; walking every page, walk backward from it.")
    String before;

    @Option(names = "--max", paramLabel = "N", description = "Take at most N runs (after --status).")
    Integer max;

    @Option(names = "--status", paramLabel = "S", split = ",",
            description = "Only runs with these statuses, such as failed,expired. Known: queued, in_progress, "
                    + "requires_action, cancelling, cancelled, failed, completed, incomplete, expired.")
    List<String> statuses;

    /**
     * Checks every flag and returns the first page's parameters, with {@code defaultLimit} when
     * {@code --limit} is not given (null: the API's default).
     *
     * @throws CommandLine.ParameterException naming the flag at fault
     */
    ListRunsParams params(CommandLine cli, Integer defaultLimit) {
        if (max != null && max < 1) {
            throw new CommandLine.ParameterException(cli, "--max must be at least 1, was " + max);
        }
        filter(cli);
        try {
            ListRunsParams.Builder b = ListRunsParams.builder().order(order).after(after).before(before);
            Integer pageSize = limit != null ? limit : defaultLimit;
            if (pageSize != null) {
                b.limit(pageSize);
            }
            return b.build();
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cli, "--" + e.getMessage());
        }
    }

    /**
     * The runs {@code --status} asks for (every run without it).
     *
     * @throws CommandLine.ParameterException naming the known statuses when one is unknown
     */
    Predicate<Run> filter(CommandLine cli) {
        if (statuses == null) {
            return run -> true;
        }
        try {
            Set<RunStatus> wanted = statuses.stream().map(Statuses::parse).collect(Collectors.toSet());
            return run -> wanted.contains(run.status());
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cli, "--status: " + e.getMessage());
        }
    }

    /** {@code --max}, or {@link Long#MAX_VALUE} without it. */
    long max() {
        return max == null ? Long.MAX_VALUE : max;
    }

    /** Converts {@code asc}/{@code desc} to {@link Order}, naming the flag when it is neither. */
    static final class OrderConverter implements CommandLine.ITypeConverter<Order> {
        @Override
        public Order convert(String value) {
            try {
                return Order.fromWire(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException("--" + e.getMessage());
            }
        }
    }
}
