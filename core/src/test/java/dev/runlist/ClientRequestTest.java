package dev.runlist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runlist.spi.TransportRequest;
import dev.runlist.auth.BearerToken;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What goes on the wire for a list call: URL, query, headers, for OpenAI and Azure. */
class ClientRequestTest {

    private static final String KEY = "sk-test-0123456789abcdef";

    private final ScriptedTransport transport = new ScriptedTransport();

    private RunsClient client() {
        return RunsClient.builder().apiKey(KEY).transport(transport).build();
    }

    private TransportRequest onlyRequest() {
        assertThat(transport.requests()).hasSize(1);
        return transport.requests().get(0);
    }

    @Test
    void sendsDocumentedPathHeadersAndNoUnsetParameters() {
        transport.respond(200, Pages.page(false, "run_1"));
        client().list("thread_abc");
        TransportRequest r = onlyRequest();
        assertThat(r.method()).isEqualTo("GET");
        assertThat(r.uri().toString()).isEqualTo("https://api.openai.com/v1/threads/thread_abc/runs");
        assertThat(r.headers().firstValue("authorization")).contains("Bearer " + KEY);
        assertThat(r.headers().firstValue("OpenAI-Beta")).contains("assistants=v2");
        assertThat(r.headers().firstValue("Accept")).contains("application/json");
        assertThat(r.headers().firstValue("User-Agent")).hasValueSatisfying(ua ->
                assertThat(ua).matches("runlist/\\d+\\.\\d+\\.\\d+\\S* Java/.+")
                        .contains("Java/" + System.getProperty("java.version")));
        assertThat(r.headers().contains("OpenAI-Organization")).isFalse();
        assertThat(r.headers().contains("OpenAI-Project")).isFalse();
    }

    @Test
    void sendsEveryQueryParameterThatIsSet() {
        transport.respond(200, Pages.page(false));
        client().list("t", ListRunsParams.builder().limit(100).order(Order.ASC).after("run_a").before("run_b").build());
        assertThat(onlyRequest().uri().getRawQuery()).isEqualTo("limit=100&order=asc&after=run_a&before=run_b");
    }

    @Test
    void threadIdAndCursorsCannotChangeThePathOrQuery() {
        transport.respond(200, Pages.page(false)).respond(200, Pages.page(false)).respond(200, Pages.page(false));
        RunsClient c = client();
        c.list("../files");
        c.list("a/b?c=d#e f+g%h");
        c.list("..", ListRunsParams.builder().after("x&limit=1").build());
        assertThat(transport.requests().get(0).uri().getRawPath()).isEqualTo("/v1/threads/..%2Ffiles/runs");
        assertThat(transport.requests().get(1).uri().getRawPath())
                .isEqualTo("/v1/threads/a%2Fb%3Fc%3Dd%23e%20f%2Bg%25h/runs");
        assertThat(transport.requests().get(1).uri().getRawQuery()).isNull();
        assertThat(transport.requests().get(2).uri().getRawPath()).isEqualTo("/v1/threads/%2E%2E/runs");
        assertThat(transport.requests().get(2).uri().getRawQuery()).isEqualTo("after=x%26limit%3D1");
    }

    @Test
    void organizationProjectAndExtraHeadersAreSentAndPerRequestHeadersWin() {
        transport.respond(200, Pages.page(false));
        RunsClient c = RunsClient.builder().apiKey(KEY).transport(transport).organization("org_1").project("proj_1")
                .header("X-Team", "billing").header("X-Trace", "client").build();
        c.list("t", ListRunsParams.builder().header("X-Trace", "call").build());
        TransportRequest r = onlyRequest();
        assertThat(r.headers().firstValue("OpenAI-Organization")).contains("org_1");
        assertThat(r.headers().firstValue("OpenAI-Project")).contains("proj_1");
        assertThat(r.headers().values("X-Team")).containsExactly("billing");
        assertThat(r.headers().values("X-Trace")).containsExactly("call");
    }

    @Test
    void baseUrlTrailingSlashIsIgnored() {
        transport.respond(200, Pages.page(false));
        RunsClient.builder().apiKey(KEY).transport(transport).baseUrl("http://127.0.0.1:8080/v1/").build().list("t");
        assertThat(onlyRequest().uri().toString()).isEqualTo("http://127.0.0.1:8080/v1/threads/t/runs");
    }

    @Test
    void azureDefaultsToTheV1PathWithoutApiVersionAndSendsTheKeyInApiKey() {
        transport.respond(200, Pages.page(false));
        RunsClient.builder().apiKey(KEY).transport(transport).azureEndpoint("https://res.openai.azure.com/").build()
                .list("t", ListRunsParams.builder().limit(5).build());
        TransportRequest r = onlyRequest();
        assertThat(r.uri().toString()).isEqualTo("https://res.openai.azure.com/openai/v1/threads/t/runs?limit=5");
        assertThat(r.headers().firstValue("api-key")).contains(KEY);
        assertThat(r.headers().contains("Authorization")).isFalse();
        assertThat(r.headers().firstValue("OpenAI-Beta")).contains("assistants=v2");
    }

    @ParameterizedTest(name = "apiVersion {0} -> {1}")
    @CsvSource({
        "preview, https://res.openai.azure.com/openai/v1/threads/t/runs?limit=5&api-version=preview",
        "v1, https://res.openai.azure.com/openai/v1/threads/t/runs?limit=5&api-version=v1",
        "2024-05-01-preview, https://res.openai.azure.com/openai/threads/t/runs?limit=5&api-version=2024-05-01-preview",
        "2024-08-01-preview, https://res.openai.azure.com/openai/threads/t/runs?limit=5&api-version=2024-08-01-preview",
    })
    void azureApiVersionSelectsTheShape(String version, String url) {
        for (String endpoint : new String[] {"https://res.openai.azure.com", "https://res.openai.azure.com/openai/",
                "https://res.openai.azure.com/openai/v1/"}) {
            transport.respond(200, Pages.page(false));
            RunsClient.builder().apiKey(KEY).transport(transport).azureEndpoint(endpoint).apiVersion(version).build()
                    .list("t", ListRunsParams.builder().limit(5).build());
        }
        assertThat(transport.requests()).extracting(r -> r.uri().toString()).containsOnly(url);
    }

    @Test
    void fromEnvReadsOpenAiVariables() {
        transport.respond(200, Pages.page(false));
        RunsClient c = RunsClient.builder().fromEnv(Map.of("OPENAI_API_KEY", KEY, "OPENAI_BASE_URL", "http://localhost:9/v1",
                "OPENAI_ORG_ID", "org_e", "OPENAI_PROJECT_ID", "proj_e")).transport(transport).build();
        c.list("t");
        TransportRequest r = onlyRequest();
        assertThat(r.uri().toString()).isEqualTo("http://localhost:9/v1/threads/t/runs");
        assertThat(r.headers().firstValue("Authorization")).contains("Bearer " + KEY);
        assertThat(r.headers().firstValue("OpenAI-Organization")).contains("org_e");
        assertThat(r.headers().firstValue("OpenAI-Project")).contains("proj_e");
    }

    @Test
    void fromEnvPrefersAzureWhenItsEndpointIsSet() {
        transport.respond(200, Pages.page(false));
        RunsClient.builder().fromEnv(Map.of("AZURE_OPENAI_ENDPOINT", "https://res.openai.azure.com",
                "AZURE_OPENAI_API_KEY", "az-key", "OPENAI_API_VERSION", "2025-01-01-preview")).transport(transport)
                .build().list("t");
        TransportRequest r = onlyRequest();
        assertThat(r.uri().toString()).isEqualTo("https://res.openai.azure.com/openai/threads/t/runs?api-version=2025-01-01-preview");
        assertThat(r.headers().firstValue("api-key")).contains("az-key");
    }

    @Test
    void fromEnvWithAzureEndpointAndKeyOnlyUsesV1() {
        transport.respond(200, Pages.page(false));
        RunsClient.builder().fromEnv(Map.of("AZURE_OPENAI_ENDPOINT", "https://res.openai.azure.com",
                "AZURE_OPENAI_API_KEY", "az-key")).transport(transport).build().list("t");
        assertThat(onlyRequest().uri().toString()).isEqualTo("https://res.openai.azure.com/openai/v1/threads/t/runs");
    }

    @Test
    void bearerTokenIsSentAsAuthorizationToAzureAndReplacesTheEnvironmentKey() {
        transport.respond(200, Pages.page(false));
        RunsClient.builder().fromEnv(Map.of("AZURE_OPENAI_ENDPOINT", "https://res.openai.azure.com",
                "AZURE_OPENAI_API_KEY", "az-key")).transport(transport)
                .bearerToken(() -> BearerToken.of("entra-token", Instant.now().plus(Duration.ofHours(1))))
                .build().list("t");
        TransportRequest r = onlyRequest();
        assertThat(r.headers().firstValue("Authorization")).contains("Bearer entra-token");
        assertThat(r.headers().contains("api-key")).isFalse();
    }

    @Test
    void missingKeyNamesTheVariableAndTheBuilderMethod() {
        assertThatThrownBy(() -> RunsClient.builder().fromEnv(Map.of()).transport(transport).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("OPENAI_API_KEY").hasMessageContaining("apiKey(");
    }

    @Test
    void badInputIsRefusedBeforeAnyRequest() {
        RunsClient c = client();
        assertThatThrownBy(() -> c.list(" ")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("threadId");
        assertThatThrownBy(() -> ListRunsParams.builder().limit(0)).hasMessageContaining("limit").hasMessageContaining("1 and 100");
        assertThatThrownBy(() -> ListRunsParams.builder().limit(101)).hasMessageContaining("limit").hasMessageContaining("was 101");
        assertThatThrownBy(() -> ListRunsParams.builder().header("X-Evil", "a\r\nInjected: 1"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("X-Evil").hasMessageNotContaining("Injected");
        assertThatThrownBy(() -> RunsClient.builder().apiKey("sk-a\nb").transport(transport).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("sk-a");
        assertThatThrownBy(() -> RunsClient.builder().apiKey(KEY).baseUrl("ftp://x").transport(transport).build())
                .hasMessageContaining("baseUrl");
        assertThat(transport.requests()).isEmpty();
    }

    /** build() refuses a base URL that requests could not be appended to or that carries a credential, naming the problem. */
    @Test
    void baseUrlWithAQueryFragmentUserInfoOrOtherSchemeIsRefusedNamingTheProblem() {
        String[][] cases = {
            {"http://127.0.0.1/v1?x=1", "must not have a query ('?x=1')"},
            {"https://api.example.com/v1#top", "must not have a fragment ('#top')"},
            {"http://user:pw-secret@127.0.0.1/v1", "must not carry user-info"},
            {"ftp://127.0.0.1/v1", "must use the http or https scheme, not 'ftp'"},
            {"file:///etc/passwd", "must use the http or https scheme, not 'file'"},
            {"/v1", "must use the http or https scheme, not none"},
            {"http:///v1", "with a host"},
        };
        for (String[] c : cases) {
            assertThatThrownBy(() -> RunsClient.builder().apiKey(KEY).baseUrl(c[0]).transport(transport).build())
                    .as(c[0]).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("baseUrl").hasMessageContaining(c[1]).hasMessageNotContaining("pw-secret");
            assertThatThrownBy(() -> RunsClient.builder().apiKey(KEY).azureEndpoint(c[0]).transport(transport).build())
                    .as(c[0]).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("azureEndpoint");
        }
        assertThat(transport.requests()).isEmpty();
    }

    @Test
    void apiKeyNeverAppearsInToString() {
        RunsClient c = RunsClient.builder().apiKey(KEY).transport(transport).organization("org_1").build();
        assertThat(c.toString()).doesNotContain(KEY).contains("<redacted>").contains("org_1");
        ListRunsParams p = ListRunsParams.builder().header("Authorization", "Bearer " + KEY).build();
        assertThat(p.toString()).doesNotContain(KEY);
        transport.respond(200, Pages.page(false));
        c.list("t");
        assertThat(transport.requests().get(0).toString()).doesNotContain(KEY);
    }

    @Test
    void perRequestTimeoutBoundsTheTransportRequest() {
        transport.respond(200, Pages.page(false));
        client().list("t", ListRunsParams.builder().timeout(Duration.ofSeconds(3)).build());
        assertThat(onlyRequest().timeout()).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(3));
    }
}
