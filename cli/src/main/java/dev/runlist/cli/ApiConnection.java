package dev.runlist.cli;

import dev.runlist.RunsClient;
import dev.runlist.testing.FakeRunsApi;
import java.io.PrintWriter;
import java.net.URI;
import java.util.Locale;
import java.util.Map;

/**
 * The client a command talks through: the real API when {@code OPENAI_API_KEY} is set (or a
 * {@code --base-url} with a key), Azure OpenAI when {@code AZURE_OPENAI_ENDPOINT} or
 * {@code --azure-endpoint} names a resource (with {@code AZURE_OPENAI_API_KEY}), else an embedded fake
 * API over loopback HTTP seeded with the demo thread. Closing it closes the client and stops the fake.
 */
final class ApiConnection implements AutoCloseable {

    /** The demo thread the embedded fake serves. */
    static final String DEMO_THREAD = "thread_demo";
    /** How many runs the demo thread holds. */
    static final int DEMO_RUNS = 300;
    /** The seed that makes the demo runs the same every time. */
    static final long DEMO_SEED = 42;
    /** The host of OpenAI's hosted API, which no longer serves the Assistants API. */
    static final String OPENAI_HOST = "api.openai.com";

    private final RunsClient client;
    private final FakeRunsApi fake;

    private ApiConnection(RunsClient client, FakeRunsApi fake) {
        this.client = client;
        this.fake = fake;
    }

    /**
     * Connects as {@code env} and the flags say; {@code notices} (null: none) hears that the embedded
     * fake is used. {@code --base-url} wins over {@code AZURE_OPENAI_ENDPOINT}; {@code --azure-endpoint}
     * (null: none) over both.
     */
    static ApiConnection open(Map<String, String> env, String baseUrl, String azureEndpoint, String transport,
            PrintWriter notices) {
        RunsClient.Builder builder = RunsClient.builder().fromEnv(env);
        if (transport != null) {
            builder.transport(transport);
        }
        if (azureEndpoint != null) {
            if (!present(env, "AZURE_OPENAI_API_KEY") && !present(env, "OPENAI_API_KEY")) {
                throw new IllegalArgumentException("AZURE_OPENAI_API_KEY is not set; set it to the key of the Azure"
                        + " OpenAI resource at " + azureEndpoint + " (runlist serve-fake --azure prints its key)");
            }
            String key = present(env, "AZURE_OPENAI_API_KEY") ? env.get("AZURE_OPENAI_API_KEY") : env.get("OPENAI_API_KEY");
            builder.azureEndpoint(azureEndpoint).apiKey(key.trim());
            if (present(env, "OPENAI_API_VERSION")) {
                builder.apiVersion(env.get("OPENAI_API_VERSION"));
            }
            return new ApiConnection(builder.build(), null);
        }
        if (hasKey(env)) {
            if (baseUrl != null) {
                builder.azureEndpoint(null).baseUrl(baseUrl);
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
            if (notices != null) {
                notices.println("runlist: OPENAI_API_KEY is not set, so this lists from an embedded fake API at "
                        + fake.baseUrl() + " (thread '" + DEMO_THREAD + "' has " + DEMO_RUNS + " demo runs).");
                notices.flush();
            }
            return new ApiConnection(builder.apiKey(fake.apiKey()).baseUrl(fake.baseUrl()).build(), fake);
        } catch (RuntimeException e) {
            fake.close();
            throw e;
        }
    }

    /**
     * Whether these settings call OpenAI's hosted API ({@value #OPENAI_HOST}), where the Assistants
     * API was shut down on 2026-08-26: a key, no Azure endpoint, and no other base URL.
     */
    static boolean targetsOpenAi(Map<String, String> env, String baseUrl, String azureEndpoint) {
        if (!hasKey(env) || azureEndpoint != null || present(env, "AZURE_OPENAI_ENDPOINT") && baseUrl == null) {
            return false;
        }
        String url = baseUrl != null ? baseUrl
                : present(env, "OPENAI_BASE_URL") ? env.get("OPENAI_BASE_URL").trim() : RunsClient.DEFAULT_BASE_URL;
        try {
            String host = URI.create(url).getHost();
            return host != null && host.toLowerCase(Locale.ROOT).equals(OPENAI_HOST);
        } catch (IllegalArgumentException notAUrl) {
            return false;
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

    private static boolean hasKey(Map<String, String> env) {
        return present(env, "OPENAI_API_KEY") || present(env, "AZURE_OPENAI_ENDPOINT");
    }

    private static boolean present(Map<String, String> env, String name) {
        String v = env.get(name);
        return v != null && !v.isBlank();
    }
}
