package dev.runlist.cli;

import dev.runlist.testing.FakeRunsApi;
import java.io.PrintWriter;
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

    @Option(names = "--runs", paramLabel = "N", defaultValue = "300", description = "Runs in the demo thread (default ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "42", description = "Seed of the demo runs (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--thread", paramLabel = "ID", defaultValue = ApiConnection.DEMO_THREAD,
            description = "Id of the demo thread (default ${DEFAULT-VALUE}).")
    String thread;

    @Override
    public Integer call() throws InterruptedException {
        if (runs < 0 || port < 0 || port > 65535) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--runs must be >= 0 and --port within 0..65535");
        }
        PrintWriter out = spec.commandLine().getOut();
        CountDownLatch stopped = new CountDownLatch(1);
        try (FakeRunsApi fake = FakeRunsApi.create()) {
            fake.seedThread(thread, runs, seed);
            fake.startHttp(port);
            out.println("base URL: " + fake.baseUrl());
            out.println("API key:  " + fake.apiKey());
            out.println("thread:   " + thread + " (" + runs + " runs)");
            out.println("try:      OPENAI_API_KEY=" + fake.apiKey() + " runlist list " + thread + " --base-url " + fake.baseUrl());
            out.flush();
            Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown));
            stopped.await();
        }
        return ExitCodes.OK;
    }
}
