package dev.runlist.cli;

import dev.runlist.RunsClient;
import dev.runlist.testing.FakeRunsApi;
import java.io.PrintWriter;
import java.util.Map;

/**
 * The client a command talks through: the real API when {@code OPENAI_API_KEY} is set (or a
 * {@code --base-url} with a key), else an embedded fake API over loopback HTTP seeded with the demo
 * thread. Closing it closes the client and stops the fake.
 */
final class ApiConnection implements AutoCloseable {

    /** The demo thread the embedded fake serves. */
    static final String DEMO_THREAD = "thread_demo";
    /** How many runs the demo thread holds. */
    static final int DEMO_RUNS = 300;
    /** The seed that makes the demo runs the same every time. */
    static final long DEMO_SEED = 42;

    private final RunsClient client;
    private final FakeRunsApi fake;

    private ApiConnection(RunsClient client, FakeRunsApi fake) {
        this.client = client;
        this.fake = fake;
    }

    static ApiConnection open(Map<String, String> env, String baseUrl, String transport, PrintWriter err) {
        RunsClient.Builder builder = RunsClient.builder().fromEnv(env);
        if (transport != null) {
            builder.transport(transport);
        }
        String key = env.get("OPENAI_API_KEY");
        boolean haveKey = (key != null && !key.isBlank()) || present(env, "AZURE_OPENAI_ENDPOINT");
        if (haveKey) {
            if (baseUrl != null) {
                builder.baseUrl(baseUrl);
            }
            return new ApiConnection(builder.build(), null);
        }
        if (baseUrl != null) {
            throw new IllegalArgumentException("OPENAI_API_KEY is not set; set it to the key of the server at " + baseUrl
                    + " (runlist serve-fake prints its key)");
        }
        FakeRunsApi fake = FakeRunsApi.create();
        try {
            fake.seedThread(DEMO_THREAD, DEMO_RUNS, DEMO_SEED);
            fake.startHttp();
            err.println("runlist: OPENAI_API_KEY is not set, so this lists from an embedded fake API at " + fake.baseUrl()
                    + " (thread '" + DEMO_THREAD + "' has " + DEMO_RUNS + " demo runs).");
            err.flush();
            return new ApiConnection(builder.apiKey(fake.apiKey()).baseUrl(fake.baseUrl()).build(), fake);
        } catch (RuntimeException e) {
            fake.close();
            throw e;
        }
    }

    RunsClient client() {
        return client;
    }

    @Override
    public void close() {
        client.close();
        if (fake != null) {
            fake.close();
        }
    }

    private static boolean present(Map<String, String> env, String name) {
        String v = env.get(name);
        return v != null && !v.isBlank();
    }
}
