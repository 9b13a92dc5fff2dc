package dev.runlist.cli;

import dev.runlist.testing.FakeRunsApi;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code runlist serve-fake}: the fake API over loopback HTTP, for curl, other SDKs and other tools. */
@Command(
        name = "serve-fake",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Serves the fake runs API on 127.0.0.1 until interrupted (Ctrl-C), and prints its base URL and key.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:stopped by an interrupt (Ctrl-C)", "1:an unexpected failure", "2:bad flags or arguments",
            "6:the port is in use or cannot be listened on"
        })
final class ServeFakeCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.ParentCommand
    RunlistCli root;

    @Option(names = "--port", paramLabel = "P", defaultValue = "0", description = "The port to listen on; 0 picks a free one (default).")
    int port;

    @Option(names = "--runs", paramLabel = "N",
            description = "Runs in the demo thread, generated on demand so a million fit in a small heap"
                    + " (default " + ApiConnection.DEMO_RUNS + ", or none with --data).")
    Integer runs;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "42", description = "Seed of the demo runs (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--thread", paramLabel = "ID", defaultValue = ApiConnection.DEMO_THREAD,
            description = "Id of the demo thread (default ${DEFAULT-VALUE}).")
    String thread;

    @Option(names = "--data", paramLabel = "FILE",
            description = "Serves the runs of an archive, read-only: JSONL (as printed by list --format jsonl) or"
                    + " JSON pages, each run in the thread its thread_id names.")
    Path data;

    @Option(names = "--azure", description = "Answer as Azure OpenAI (its v1 and legacy paths, api-key header, errors) "
            + "and print the endpoint to use.")
    boolean azure;

    @Override
    public Integer call() throws InterruptedException {
        int demoRuns = runs != null ? runs : data != null ? 0 : ApiConnection.DEMO_RUNS;
        if (demoRuns < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--runs must be 0 or more, was " + demoRuns);
        }
        if (port < 0 || port > 65535) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--port must be within 0..65535, was " + port);
        }
        PrintWriter out = root.io().text();
        CountDownLatch stopped = new CountDownLatch(1);
        // No journal: a server that runs for hours must not keep every request it answered.
        FakeRunsApi.Builder builder = FakeRunsApi.builder().recordRequests(false);
        if (azure) {
            builder.azure();
        }
        try (FakeRunsApi fake = builder.build()) {
            Map<String, Integer> loaded = Map.of();
            if (data != null) {
                try {
                    loaded = fake.load(data);
                } catch (IllegalArgumentException | UncheckedIOException e) {
                    throw new CommandLine.ParameterException(spec.commandLine(), "--data: " + e.getMessage(), e, null,
                            String.valueOf(data));
                }
            }
            if (demoRuns > 0 || data == null) {
                fake.seedThread(thread, demoRuns, seed);
            }
            try {
                fake.startHttp(port);
            } catch (UncheckedIOException e) {
                ErrorReporter.println(root.io().err(), "runlist: cannot listen on 127.0.0.1:" + port + ": "
                        + (e.getCause() instanceof BindException ? "the port is in use" : String.valueOf(e.getCause()))
                        + ". Choose another with --port, or --port 0 for a free one.");
                return ExitCodes.PORT_UNAVAILABLE;
            }
            if (azure) {
                out.println("endpoint: " + fake.endpoint());
            }
            out.println("base URL: " + fake.baseUrl());
            out.println("API key:  " + fake.apiKey());
            if (demoRuns > 0 || data == null) {
                out.println("thread:   " + TerminalText.oneLine(thread) + " (" + demoRuns + " runs)");
            }
            loaded.forEach((id, count) -> out.println("thread:   " + TerminalText.oneLine(id) + " (" + count + " runs from "
                    + TerminalText.oneLine(String.valueOf(data)) + ")"));
            String example = loaded.isEmpty() ? thread : loaded.keySet().iterator().next();
            out.println("try:      " + (azure
                    ? "AZURE_OPENAI_ENDPOINT=" + fake.endpoint() + " AZURE_OPENAI_API_KEY=" + fake.apiKey()
                            + " runlist list " + shellQuote(example)
                    : "OPENAI_API_KEY=" + fake.apiKey() + " runlist list " + shellQuote(example) + " --base-url "
                            + fake.baseUrl()));
            out.flush();
            Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown));
            stopped.await();
        }
        return ExitCodes.OK;
    }

    /** {@code s} as one POSIX shell word: unchanged when it is plain, else in single quotes. */
    static String shellQuote(String s) {
        if (!s.isEmpty() && s.chars().allMatch(c -> c < 128 && (Character.isLetterOrDigit(c) || "_-.,:/@%+=".indexOf(c) >= 0))) {
            return s;
        }
        return "'" + TerminalText.oneLine(s).replace("'", "'\\''") + "'";
    }
}
