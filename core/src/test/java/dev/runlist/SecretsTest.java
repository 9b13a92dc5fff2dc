package dev.runlist;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runlist.errors.AuthenticationException;
import dev.runlist.errors.ConnectionException;
import dev.runlist.errors.RunlistException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The API key never reaches a log line, a toString() or an exception, whatever happens. */
class SecretsTest {

    private static final String KEY = "sk-proj-SECRET-7f3a9c1d2e";
    private static final Path LOG = Path.of("target/core-test.log");

    @Test
    void fullListingWithFailuresAndRetriesNeverPrintsTheKey() throws IOException {
        ScriptedTransport transport = new ScriptedTransport()
                .respond(200, Pages.page(true, "run_1"))
                .respond(429, Pages.error("Rate limit reached for " + KEY, "requests", null, "rate_limit_exceeded"),
                        "retry-after-ms", "1")
                .fail(new SocketException("Connection reset"))
                .respond(500, "<html>" + KEY + "</html>")
                .respond(200, Pages.page(false, "run_2"))
                .respond(401, Pages.error("Incorrect API key provided: " + KEY, "invalid_request_error", null, "invalid_api_key"))
                .fail(new SocketException("Connection refused"));
        RunsClient client = RunsClient.builder().apiKey(KEY).transport(transport).organization("org_1")
                .retryBackoff(Duration.ofMillis(1), Duration.ofMillis(2)).maxRetries(3).build();

        List<String> printed = new ArrayList<>();
        client.listAll("thread_1", ListRunsParams.builder().limit(1).build()).forEach(r -> printed.add(r.toString()));
        assertThat(printed).hasSize(2);
        List<RunlistException> failures = new ArrayList<>();
        try {
            client.list("thread_1");
        } catch (AuthenticationException e) {
            failures.add(e);
        }
        RunsClient noRetry = RunsClient.builder().apiKey(KEY).transport(transport).maxRetries(0).build();
        try {
            noRetry.list("thread_1");
        } catch (ConnectionException e) {
            failures.add(e);
        }
        assertThat(failures).hasSize(2);

        StringBuilder everything = new StringBuilder();
        everything.append(client).append(noRetry).append(printed);
        transport.requests().forEach(everything::append);
        for (RunlistException e : failures) {
            StringWriter trace = new StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            everything.append(e).append(trace);
        }
        String log = Files.readString(LOG, StandardCharsets.UTF_8);
        assertThat(log).as("the debug line of each attempt is logged").contains("GET /v1/threads/thread_1/runs?limit=1&after=run_1 -> 429")
                .contains("failed after");
        assertThat(everything.toString() + log).doesNotContain(KEY).doesNotContain("SECRET");
        assertThat(transport.requests().get(0).headers().firstValue("Authorization")).contains("Bearer " + KEY);
    }
}
