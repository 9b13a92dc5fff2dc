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
    /** A 200 whose body is an error envelope echoing the key: the DecodeException quotes the message, redacted. */
    @Test
    void decodeErrorsQuotingTheServerAreRedacted() {
        ScriptedTransport transport = new ScriptedTransport()
                .respond(200, Pages.error("Incorrect API key provided: " + KEY + ".", "invalid_request_error", null, "invalid_api_key"))
                .respond(200, "{\"object\":\"list\",\"data\":[" + KEY.replace("-", "") + "]}")
                .respond(200, "{\"object\":\"list\",\"" + KEY + "\":1,\"data\":[{\"id\":5}]}");
        RunsClient client = RunsClient.builder().apiKey(KEY).transport(transport).maxRetries(0).build();
        for (int i = 0; i < 3; i++) {
            Throwable thrown = catching(() -> client.list("thread_1"));
            assertThat(thrown).isInstanceOf(dev.runlist.errors.DecodeException.class);
            assertThat(everything(thrown)).as("case %d", i).doesNotContain(KEY).doesNotContain(KEY.substring(3, 13))
                    .contains(i == 0 ? "Incorrect API key provided: <redacted>" : "DecodeException");
        }
    }

    /** A key straddling the cut of a non-JSON error body's snippet is redacted first, so no piece of it survives. */
    @Test
    void aKeyStraddlingTheSnippetCutLeavesNoPieceBehind() {
        String longKey = "sk-proj-" + "A1b2C3d4E5".repeat(15) + "zz";
        String body = "<html>" + "x".repeat(150) + " " + longKey + " tail</html>"; // the 200-char cut falls inside the key
        ScriptedTransport transport = new ScriptedTransport().respond(502, body);
        RunsClient client = RunsClient.builder().apiKey(longKey).transport(transport).maxRetries(0).build();
        Throwable thrown = catching(() -> client.list("thread_1"));
        assertThat(thrown).isInstanceOf(dev.runlist.errors.InternalServerException.class);
        String text = everything(thrown);
        assertThat(text).doesNotContain(longKey.substring(0, 12)).doesNotContain("A1b2C3d4E5");
    }

    /** toString() of the client and its options shows no URL user-info and no credential header. */
    @Test
    void toStringHidesEveryCredentialHeader() {
        RunsClient client = RunsClient.builder().apiKey(KEY).transport(new ScriptedTransport())
                .header("Ocp-Apim-Subscription-Key", "sub-secret-1").header("X-Auth-Token", "tok-secret-2")
                .header("X-Client-Secret", "cs-secret-3").header("X-Amz-Signature", "sig-secret-4")
                .header("api-key", "ak-secret-5").header("Proxy-Authorization", "Basic pa-secret-6")
                .header("Cookie", "session=ck-secret-7").header("X-Trace", "visible-8").build();
        ListRunsParams params = ListRunsParams.builder().header("Authorization", "Bearer au-secret-9")
                .header("x-api-KEY", "ak-secret-10").build();
        String text = client + " " + params;
        assertThat(text).doesNotContain(KEY).doesNotContain("secret-").contains("visible-8")
                .contains("Ocp-Apim-Subscription-Key=<redacted>");
    }

    private static String everything(Throwable t) {
        StringWriter trace = new StringWriter();
        t.printStackTrace(new PrintWriter(trace));
        return t + " " + t.getMessage() + " " + trace;
    }

    private static Throwable catching(Runnable r) {
        try {
            r.run();
            return null;
        } catch (Throwable t) {
            return t;
        }
    }
}
