package dev.runlist.cli;

import dev.runlist.ListRunsParams;
import dev.runlist.Order;
import dev.runlist.RunPage;
import dev.runlist.RunPager;
import dev.runlist.RunsClient;
import dev.runlist.model.Run;
import dev.runlist.model.RunStatus;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code runlist list THREAD_ID}: one page, or with {@code --all} every run, in a table, JSON or JSON lines. */
@Command(
        name = "list",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Lists the runs of a thread.",
            "With OPENAI_API_KEY set it calls the API (or --base-url); without one it lists from an embedded fake API "
                    + "seeded with the demo thread 'thread_demo'."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:success", "2:bad flags or arguments", "3:the API answered with an error status",
            "4:the API could not be reached", "5:the API's answer could not be read"
        })
final class ListCommand implements Callable<Integer> {

    /** How runs are printed. */
    enum Format { table, json, jsonl }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "THREAD_ID", description = "The thread whose runs to list, such as thread_abc123.")
    String threadId;

    @Option(names = "--limit", paramLabel = "N", description = "Runs per page, 1 to 100 (API default 20).")
    Integer limit;

    @Option(names = "--order", paramLabel = "asc|desc", converter = OrderConverter.class,
            description = "Sort by creation time: asc or desc (API default desc).")
    Order order;

    @Option(names = "--after", paramLabel = "ID", description = "Start after this run id.")
    String after;

    @Option(names = "--before", paramLabel = "ID", description = "End before this run id; with --all, walk backward from it.")
    String before;

    @Option(names = "--all", description = "Follow cursors to the end of the listing.")
    boolean all;

    @Option(names = "--max", paramLabel = "N", description = "Print at most N runs.")
    Integer max;

    @Option(names = "--status", paramLabel = "S", split = ",",
            description = "Print only runs with these statuses, such as failed,expired.")
    List<String> statuses;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "table (aligned columns), json (the page as the API returned it) or jsonl (one run a line). "
                    + "Default: ${DEFAULT-VALUE}.")
    Format format;

    @Option(names = "--transport", paramLabel = "jdk|apache", description = "The HTTP stack to use (default: the highest priority found).")
    String transport;

    @Option(names = "--base-url", paramLabel = "URL", description = "The API base URL (default https://api.openai.com/v1, or OPENAI_BASE_URL).")
    String baseUrl;

    @Option(names = "--verbose", description = "Log one line per HTTP attempt on stderr.")
    boolean verbose;

    @Override
    public Integer call() {
        ListRunsParams params = params();
        Set<RunStatus> wanted = statuses == null ? null
                : statuses.stream().map(s -> RunStatus.of(s.trim().toLowerCase(Locale.ROOT))).collect(Collectors.toSet());
        if (max != null && max < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--max must be at least 1, was " + max);
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (ApiConnection api = ApiConnection.open(System.getenv(), baseUrl, transport, err)) {
            RunsClient client = api.client();
            RunPrinter printer = RunPrinter.of(format, out);
            if (!all) {
                RunPage page = client.list(threadId, params);
                List<Run> runs = page.data().stream().filter(r -> wanted == null || wanted.contains(r.status()))
                        .limit(max == null ? Long.MAX_VALUE : max).collect(Collectors.toList());
                printer.page(page.response(), runs);
            } else {
                listAll(client, params, wanted, printer, err);
            }
            out.flush();
        }
        return ExitCodes.OK;
    }

    private void listAll(RunsClient client, ListRunsParams params, Set<RunStatus> wanted, RunPrinter printer, PrintWriter err) {
        Progress progress = Progress.forStderr(err);
        RunPager pager = client.listAll(threadId, params).iterator();
        long printed = 0;
        long seen = 0;
        boolean stoppedEarly = false;
        printer.begin();
        try {
            while (pager.hasNext()) {
                if (max != null && printed >= max) {
                    stoppedEarly = true;
                    break;
                }
                Run run = pager.next();
                seen++;
                progress.update(pager.pagesFetched(), seen);
                if (wanted == null || wanted.contains(run.status())) {
                    printer.run(run);
                    printed++;
                }
            }
        } finally {
            progress.finish(pager.pagesFetched(), seen);
        }
        printer.end(stoppedEarly);
    }

    private ListRunsParams params() {
        try {
            ListRunsParams.Builder b = ListRunsParams.builder().order(order).after(after).before(before);
            if (limit != null) {
                b.limit(limit);
            }
            return b.build();
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--" + e.getMessage());
        }
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
