package dev.runlist.cli;

import dev.runlist.ListRunsParams;
import dev.runlist.model.Run;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code runlist stats THREAD_ID}: reads every run of a thread and prints a picture of it. */
@Command(
        name = "stats",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Reads every run of a thread (100 per page unless --limit says otherwise) and prints: runs by status as a bar "
                    + "chart, last_error codes with counts, prompt/completion/total tokens (sum, mean, max over the runs "
                    + "that report usage), run duration, runs per model, and the creation time span.",
            "A run's duration is completed_at (else failed_at, else cancelled_at) minus started_at, in whole seconds, for "
                    + "runs that have both. Percentiles are nearest-rank: of n durations sorted ascending, the p-th "
                    + "percentile is the one at rank ceil(p/100 * n), counting from 1.",
            "Without OPENAI_API_KEY it reads from an embedded fake API seeded with the demo thread 'thread_demo'."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:success", "1:an unexpected failure", "2:bad flags or arguments", "3:the API answered with an error status",
            "4:the API could not be reached", "5:the API's answer could not be read"
        })
final class StatsCommand implements Callable<Integer>, ErrorReporter.CallsApi {

    /** How the figures are printed. */
    enum Format { table, json }

    /** The page size stats asks for unless --limit is given: the API's largest, for the fewest requests. */
    static final int PAGE_SIZE = 100;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.ParentCommand
    RunlistCli root;

    @Mixin
    ListingOptions listing;

    @Mixin
    ApiOptions api;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "table (bar charts and aligned figures) or json (the same figures for machines, UTF-8). "
                    + "Default: ${DEFAULT-VALUE}.")
    Format format;

    @Override
    public Integer call() {
        CommandLine cli = spec.commandLine();
        ListRunsParams params = listing.params(cli, PAGE_SIZE);
        Predicate<Run> filter = listing.filter(cli);
        api.validate(cli);
        Io io = root.io();
        RunStats stats = new RunStats();
        try (ApiConnection connection = api.open(io)) {
            ListingWalk.walk(connection.client(), listing.threadId, params, filter, listing.max(),
                    Progress.create(io, api.quiet || api.verbosity() > 0), run -> {
                        stats.add(run);
                        return true;
                    });
        }
        RunStats.Summary summary = stats.summary();
        if (format == Format.json) {
            io.data().println(StatsReport.json(listing.threadId, summary));
            io.data().flush();
        } else {
            TerminalText text = TerminalText.forCharset(io.textCharset());
            boolean blocks = io.textCharset().newEncoder().canEncode("\u2588\u258F\u2589");
            new StatsReport(text, blocks, io.columns()).printText(listing.threadId, summary, io.text());
            io.text().flush();
        }
        return ExitCodes.OK;
    }

    @Override
    public boolean targetsOpenAi() {
        return ApiConnection.targetsOpenAi(root.io().env(), api.baseUrl, api.azureEndpoint);
    }
}
