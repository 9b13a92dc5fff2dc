package dev.runlist.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runlist.json.RunsJson;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The fake as Azure OpenAI, over loopback HTTP as any client (curl, the official SDKs pointed at
 * {@code {endpoint}/openai/v1}) sees it: paths, versions, credentials, the gateway's exact bodies and
 * Azure's headers.
 */
class AzureAnswersTest {

    private static final String KEY = FakeRunsApi.DEFAULT_API_KEY;
    private static final String ACCESS_DENIED = "{\"error\":{\"code\":\"401\",\"message\":\"Access denied due to"
            + " invalid subscription key or wrong API endpoint. Make sure to provide a valid key for an active"
            + " subscription and use a correct regional API endpoint for your resource.\"}}";
    private static final String BAD_TOKEN = "{\"statusCode\":401,\"message\":\"Unauthorized. Access token is missing,"
            + " invalid, audience is incorrect (https://cognitiveservices.azure.com), or have expired.\"}";
    private static final String NOT_FOUND = "{\"error\":{\"code\":\"404\",\"message\":\"Resource not found\"}}";
    private static final String BAD_VERSION = "{\"error\":{\"code\":\"BadRequest\",\"message\":\"API version not supported\"}}";

    private final HttpClient http = HttpClient.newHttpClient();
    private FakeRunsApi fake;

    @BeforeEach
    void start() {
        fake = FakeRunsApi.builder().azure().build();
        fake.seedThread("thread_1", 3, 1);
        fake.grantToken("entra-granted");
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    private HttpResponse<String> get(String pathAndQuery, String header, String value) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(fake.endpoint() + pathAndQuery));
        if (header != null) {
            b.header(header, value);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static Stream<Arguments> accepted() {
        return Stream.of(
                Arguments.of("/openai/v1/threads/thread_1/runs", "api-key", KEY),
                Arguments.of("/openai/v1/threads/thread_1/runs", "Authorization", "Bearer " + KEY),
                Arguments.of("/openai/v1/threads/thread_1/runs?api-version=preview", "Authorization", "Bearer entra-granted"),
                Arguments.of("/openai/v1/threads/thread_1/runs?api-version=v1", "api-key", KEY),
                Arguments.of("/openai/threads/thread_1/runs?api-version=2024-05-01-preview", "api-key", KEY),
                Arguments.of("/openai/threads/thread_1/runs?api-version=2024-08-01-preview", "Authorization",
                        "Bearer entra-granted"));
    }

    /** Both shapes, with the key in either header or a granted token, list the thread without OpenAI-Beta. */
    @ParameterizedTest(name = "{0} with {1}")
    @MethodSource("accepted")
    void servesBothShapesToEveryCredential(String path, String header, String value) throws Exception {
        HttpResponse<String> r = get(path, header, value);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(RunsJson.standard().readPage(r.body().getBytes(StandardCharsets.UTF_8)).data()).hasSize(3);
        String apim = r.headers().firstValue("apim-request-id").orElseThrow();
        assertThat(apim).matches("[0-9a-f-]{36}");
        assertThat(r.headers().firstValue("x-request-id")).contains(apim);
        assertThat(r.headers().firstValue("x-ms-region")).contains(AzureDialect.REGION);
    }

    static Stream<Arguments> refused() {
        return Stream.of(
                Arguments.of("/openai/v1/threads/thread_1/runs", null, null, 401, ACCESS_DENIED),
                Arguments.of("/openai/v1/threads/thread_1/runs", "api-key", "wrong-key", 401, ACCESS_DENIED),
                Arguments.of("/openai/v1/threads/thread_1/runs", "api-key", "entra-granted", 401, ACCESS_DENIED),
                Arguments.of("/openai/v1/threads/thread_1/runs", "Authorization", "Bearer entra-unknown", 401, BAD_TOKEN),
                Arguments.of("/openai/v1/threads/thread_1/runs?api-version=2024-05-01-preview", "api-key", KEY, 400,
                        BAD_VERSION),
                Arguments.of("/openai/threads/thread_1/runs", "api-key", KEY, 404, NOT_FOUND),
                Arguments.of("/openai/threads/thread_1/runs?api-version=latest", "api-key", KEY, 400, BAD_VERSION),
                Arguments.of("/v1/threads/thread_1/runs", "api-key", KEY, 404, NOT_FOUND),
                Arguments.of("/openai/v1/assistants", "api-key", KEY, 404, NOT_FOUND));
    }

    /** The gateway refuses with Azure's exact bodies, named by apim-request-id only. */
    @ParameterizedTest(name = "{0} with {1}: {3}")
    @MethodSource("refused")
    void gatewayRefusesInAzuresWords(String path, String header, String value, int status, String body)
            throws Exception {
        HttpResponse<String> r = get(path, header, value);
        assertThat(r.statusCode()).isEqualTo(status);
        assertThat(r.body()).isEqualTo(body);
        assertThat(r.headers().firstValue("apim-request-id")).isPresent();
        assertThat(r.headers().firstValue("x-request-id")).isEmpty();
    }

    /** A revoked token is refused from then on; the journal never prints it. */
    @Test
    void revokedTokenIsRefused() throws Exception {
        assertThat(get("/openai/v1/threads/thread_1/runs", "Authorization", "Bearer entra-granted").statusCode())
                .isEqualTo(200);
        assertThat(fake.revokeToken("entra-granted")).isTrue();
        HttpResponse<String> r = get("/openai/v1/threads/thread_1/runs", "Authorization", "Bearer entra-granted");
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.body()).isEqualTo(BAD_TOKEN);
        assertThat(fake.requests().toString()).doesNotContain("entra-granted");
    }

    /** The base URL is the one the official SDKs take for Azure's v1 API; the in-memory client lists too. */
    @Test
    void baseUrlAndClientTargetAzuresV1Api() {
        assertThat(fake.baseUrl()).isEqualTo(fake.endpoint() + "/openai/v1");
        assertThat(fake.isAzure()).isTrue();
        assertThat(fake.client().listAll("thread_1").stream().count()).isEqualTo(3);
        RecordedRequest r = fake.takeRequest();
        assertThat(r.path()).isEqualTo("/openai/v1/threads/thread_1/runs");
        assertThat(r.header("api-key")).contains(KEY);
        assertThat(fake.toString()).contains("Azure");
    }

    /** An OpenAI-style fake also takes a granted OAuth2 token, as a self-hosted server would. */
    @Test
    void openAiFakeAcceptsGrantedTokensToo() throws Exception {
        try (FakeRunsApi openAi = FakeRunsApi.create()) {
            openAi.seedThread("thread_1", 2, 1);
            openAi.grantToken("oauth-access-token");
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(openAi.baseUrl() + "/threads/thread_1/runs"))
                    .header("Authorization", "Bearer oauth-access-token").header("OpenAI-Beta", "assistants=v2").build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.headers().firstValue("x-request-id")).hasValueSatisfying(id -> assertThat(id).startsWith("req_"));
        }
    }
}
