package dev.runlist.cli;

import dev.runlist.testing.FakeRunsApi;
import java.io.PrintWriter;
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
        description = "Serves the fake runs API on 127.0.0.1 until interrupted (Ctrl-C), and prints its base URL and key.")
final class ServeFakeCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

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

    @Override
    public Integer call() throws InterruptedException {
        int demoRuns = runs != null ? runs : data != null ? 0 : ApiConnection.DEMO_RUNS;
        if (demoRuns < 0 || port < 0 || port > 65535) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--runs must be >= 0 and --port within 0..65535");
        }
        PrintWriter out = spec.commandLine().getOut();
        CountDownLatch stopped = new CountDownLatch(1);
        // No journal: a server that runs for hours must not keep every request it answered.
        try (FakeRunsApi fake = FakeRunsApi.builder().recordRequests(false).build()) {
            Map<String, Integer> loaded = Map.of();
            if (data != null) {
                try {
                    loaded = fake.load(data);
                } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
                    throw new CommandLine.ParameterException(spec.commandLine(), "--data: " + e.getMessage(), e, null,
                            String.valueOf(data));
                }
            }
            if (demoRuns > 0 || data == null) {
                fake.seedThread(thread, demoRuns, seed);
            }
            fake.startHttp(port);
            out.println("base URL: " + fake.baseUrl());
            out.println("API key:  " + fake.apiKey());
            if (demoRuns > 0 || data == null) {
                out.println("thread:   " + thread + " (" + demoRuns + " runs)");
            }
            loaded.forEach((id, count) -> out.println("thread:   " + id + " (" + count + " runs from " + data + ")"));
            String example = loaded.isEmpty() ? thread : loaded.keySet().iterator().next();
            out.println("try:      OPENAI_API_KEY=" + fake.apiKey() + " runlist list " + example + " --base-url " + fake.baseUrl());
            out.flush();
            Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown));
            stopped.await();
        }
        return ExitCodes.OK;
    }
}
