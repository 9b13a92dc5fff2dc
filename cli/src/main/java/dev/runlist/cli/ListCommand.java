package dev.runlist.cli;

import dev.runlist.ListRunsParams;
import dev.runlist.RunPage;
import dev.runlist.model.Run;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code runlist list THREAD_ID}: one page, or with {@code --all} every run, as a table, JSON, JSON lines or CSV. */
@Command(
        name = "list",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Lists the runs of a thread.",
            "With OPENAI_API_KEY set it calls the API (or --base-url); without one it lists from an embedded fake API "
                    + "seeded with the demo thread 'thread_demo'.",
            "The table fits the terminal (COLUMNS, else the terminal's width); JSON, JSON lines and CSV are always UTF-8. "
                    + "When the reader of a pipe goes away (| head), the listing stops and exits 0."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:success (also when the reader of stdout went away)", "1:an unexpected failure",
            "2:bad flags or arguments", "3:the API answered with an error status",
            "4:the API could not be reached", "5:the API's answer could not be read"
        })
final class ListCommand implements Callable<Integer>, ErrorReporter.CallsApi {

    /** How runs are printed. */
    enum Format { table, json, jsonl, csv }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.ParentCommand
    RunlistCli root;

    @Mixin
    ListingOptions listing;

    @Mixin
    ApiOptions api;

    @Option(names = "--all", description = "Follow cursors to the end of the listing (without it: one page, API default 20 runs).")
    boolean all;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "table (aligned columns), json (the page as the API returned it), jsonl (one run a line) or "
                    + "csv (RFC 4180: a header row, CRLF line ends, ISO-8601 timestamps). Default: ${DEFAULT-VALUE}.")
    Format format;

    @Override
    public Integer call() {
        CommandLine cli = spec.commandLine();
        ListRunsParams params = listing.params(cli, null);
        Predicate<Run> filter = listing.filter(cli);
        api.validate(cli);
        Io io = root.io();
        PrintWriter out = format == Format.table ? io.text() : io.data();
        RunTable table = format == Format.table ? new RunTable(TerminalText.forCharset(io.textCharset()), io.columns()) : null;
        try (ApiConnection connection = api.open(io)) {
            RunPrinter printer = RunPrinter.of(format, out, table, api.quiet);
            if (all) {
                Progress progress = Progress.create(io, api.quiet || api.verbosity() > 0);
                printer.begin();
                ListingWalk.Result result = ListingWalk.walk(connection.client(), listing.threadId, params, filter,
                        listing.max(), progress, run -> {
                            printer.run(run);
                            return !out.checkError();
                        });
                if (!result.outputClosed()) {
                    printer.end(result.cutByMax());
                }
            } else {
                RunPage page = connection.client().list(listing.threadId, params);
                List<Run> runs = page.data().stream().filter(filter).limit(listing.max()).collect(Collectors.toList());
                printer.page(page.response(), runs);
            }
            out.flush();
        }
        return ExitCodes.OK;
    }

    @Override
    public boolean targetsOpenAi() {
        return ApiConnection.targetsOpenAi(root.io().env(), api.baseUrl, api.azureEndpoint);
    }
}
