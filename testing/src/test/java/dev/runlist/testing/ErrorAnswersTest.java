package dev.runlist.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runlist.ListRunsParams;
import dev.runlist.RunsClient;
import dev.runlist.errors.ApiException;
import dev.runlist.errors.AuthenticationException;
import dev.runlist.errors.BadRequestException;
import dev.runlist.errors.NotFoundException;
import dev.runlist.json.RunsJson;
import dev.runlist.model.ErrorObject;
import dev.runlist.spi.Headers;
import dev.runlist.spi.TransportRequest;
import dev.runlist.spi.TransportResponse;
import java.net.URI;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Pins every error answer: status, envelope and request id, raw and as {@link RunsClient}'s typed exception. */
class ErrorAnswersTest {

    private static final String KEY = "Bearer " + FakeRunsApi.DEFAULT_API_KEY;
    private static final String NO_KEY_MESSAGE = "You didn't provide an API key. You need to provide your API key in"
            + " an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY), or as the password"
            + " field (with blank username) if you're accessing the API from your browser and are prompted for a"
            + " username and password. You can obtain an API key from https://platform.openai.com/account/api-keys.";
    private static final String BETA_MESSAGE = "You must provide the 'OpenAI-Beta' header to access the Assistants"
            + " API. Please try again by setting the header 'OpenAI-Beta: assistants=v2'.";
    private static final String V1_MESSAGE = "The v1 Assistants API has been deprecated. Please try again by setting"
            + " the header 'OpenAI-Beta: assistants=v2'.";

    private FakeRunsApi fake;
    private String cursor;

    @BeforeEach
    void start() {
        fake = FakeRunsApi.create();
        cursor = fake.seedThread("thread_1", 5, 1).get(2).id();
        fake.createThread("thread_2");
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    static Stream<Arguments> errors() {
        return Stream.of(
                Arguments.of("GET", "/v1/threads/thread_1/runs?limit=101", KEY, "assistants=v2", 400, "limit",
                        "integer_above_max_value",
                        "Invalid 'limit': integer above maximum value. Expected a value <= 100, but got 101 instead."),
                Arguments.of("GET", "/v1/threads/thread_1/runs?limit=0", KEY, "assistants=v2", 400, "limit",
                        "integer_below_min_value",
                        "Invalid 'limit': integer below minimum value. Expected a value >= 1, but got 0 instead."),
                Arguments.of("GET", "/v1/threads/thread_1/runs?limit=-3", KEY, "assistants=v2", 400, "limit",
                        "integer_below_min_value",
                        "Invalid 'limit': integer below minimum value. Expected a value >= 1, but got -3 instead."),
                Arguments.of("GET", "/v1/threads/thread_1/runs?limit=ten", KEY, "assistants=v2", 400, "limit",
                        "invalid_type", "Invalid type for 'limit': expected an integer, but got a string instead."),
                Arguments.of("GET", "/v1/threads/thread_1/runs?limit=2.5", KEY, "assistants=v2", 400, "limit",
                        "invalid_type", "Invalid type for 'limit': expected an integer, but got a string instead."),
                Arguments.of("GET", "/v1/threads/thread_1/runs?order=sideways", KEY, "assistants=v2", 400, "order",
                        "invalid_value", "Invalid value: 'sideways'. Supported values are: 'asc' and 'desc'."),
                Arguments.of("GET", "/v1/threads/thread_1/runs?order=ASC", KEY, "assistants=v2", 400, "order",
                        "invalid_value", "Invalid value: 'ASC'. Supported values are: 'asc' and 'desc'."),
                Arguments.of("GET", "/v1/threads/thread_1/runs", null, "assistants=v2", 401, null, null,
                        NO_KEY_MESSAGE),
                Arguments.of("GET", "/v1/threads/thread_1/runs", "Bearer sk-wrong-key-123456789", "assistants=v2",
                        401, null, "invalid_api_key", "Incorrect API key provided: sk-wrong**********6789. You can find"
                                + " your API key at https://platform.openai.com/account/api-keys."),
                Arguments.of("GET", "/v1/threads/thread_1/runs", KEY, null, 400, null, "invalid_beta", BETA_MESSAGE),
                Arguments.of("GET", "/v1/threads/thread_1/runs", KEY, "assistants=v1", 400, null, "invalid_beta",
                        V1_MESSAGE),
                Arguments.of("GET", "/v1/threads/thread_1/runs", KEY, "files=v1", 400, null, "invalid_beta",
                        BETA_MESSAGE),
                Arguments.of("GET", "/v1/threads/thread_nope/runs", KEY, "assistants=v2", 404, null, null,
                        "No thread found with id 'thread_nope'."),
                Arguments.of("GET", "/v1/threads/thread_1/runs?after=run_never", KEY, "assistants=v2", 400, "after",
                        "invalid_value", "Invalid 'after': no run with id 'run_never' was found in thread 'thread_1'."),
                Arguments.of("GET", "/v1/threads/thread_2/runs?before=run_never", KEY, "assistants=v2", 400,
                        "before", "invalid_value",
                        "Invalid 'before': no run with id 'run_never' was found in thread 'thread_2'."),
                Arguments.of("GET", "/v1/threads/thread_1/messages", KEY, "assistants=v2", 404, null, null,
                        "Invalid URL (GET /v1/threads/thread_1/messages)"),
                Arguments.of("POST", "/v1/threads/thread_1/runs", KEY, "assistants=v2", 405, null, null,
                        "Method POST is not supported on /v1/threads/thread_1/runs by runlist's fake API, which"
                                + " lists runs only (GET)."));
    }

    @ParameterizedTest(name = "{0} {1} -> {4} {5} {6}")
    @MethodSource("errors")
    void answersTheErrorEnvelopeOfTheRealApi(String method, String target, String auth, String beta, int status,
            String param, String code, String message) throws Exception {
        Headers.Builder h = Headers.builder();
        if (auth != null) {
            h.add("Authorization", auth);
        }
        if (beta != null) {
            h.add("OpenAI-Beta", beta);
        }
        TransportRequest request = new TransportRequest(method, URI.create("http://fake.invalid" + target), h.build(), null);
        try (TransportResponse response = fake.transport().execute(request)) {
            assertThat(response.status()).isEqualTo(status);
            assertThat(response.headers().firstValue("Content-Type")).contains("application/json");
            assertThat(response.headers().firstValue("x-request-id")).hasValueSatisfying(
                    id -> assertThat(id).matches("req_[0-9a-f]{32}"));
            ErrorObject error = RunsJson.standard().readError(response.body().readAllBytes()).orElseThrow();
            assertThat(error).isEqualTo(new ErrorObject(message, "invalid_request_error", param, code));
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            // The observed example's shape: a 51-character key shows 8, then 39 stars, then 4.
            "sk-VKMIsAbCdEfGhIjKlMnOpQrStUvWxYz0123456789ABCwjh3, sk-VKMIs***************************************wjh3",
            "sk-proj-supersecretvalue-0123456789, sk-proj-***********************6789",
            "sk-abcdefghi6789, sk-abcde****6789",
            "sk-abcdefghij, sk-abcde*ghij",
    })
    void quotesAWrongKeyAsTheApiMasksIt(String wrong, String masked) throws Exception {
        try (TransportResponse r = fake.transport().execute(request("/v1/threads/thread_1/runs", "Bearer " + wrong))) {
            ErrorObject error = RunsJson.standard().readError(r.body().readAllBytes()).orElseThrow();
            assertThat(error.message()).isEqualTo("Incorrect API key provided: " + masked
                    + ". You can find your API key at https://platform.openai.com/account/api-keys.");
            assertThat(error.message()).doesNotContain(wrong);
            assertThat(masked).hasSameSizeAs(wrong);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"short", "sk-123456789", "k"})
    void echoesAKeyOfTwelveCharactersOrFewerWhole(String wrong) throws Exception {
        try (TransportResponse r = fake.transport().execute(request("/v1/threads/thread_1/runs", "Bearer " + wrong))) {
            ErrorObject error = RunsJson.standard().readError(r.body().readAllBytes()).orElseThrow();
            assertThat(error.message()).startsWith("Incorrect API key provided: " + wrong + ". ");
            assertThat(error.code()).isEqualTo("invalid_api_key");
        }
    }

    @Test
    void acceptsAnAzureStyleKeyAndIgnoresApiVersion() throws Exception {
        TransportRequest request = new TransportRequest("GET",
                URI.create("http://fake.invalid/openai/threads/thread_1/runs?api-version=2024-05-01-preview&limit=2"),
                Headers.builder().add("api-key", FakeRunsApi.DEFAULT_API_KEY).add("OpenAI-Beta", "assistants=v2").build(),
                null);
        try (TransportResponse r = fake.transport().execute(request)) {
            assertThat(r.status()).isEqualTo(200);
            assertThat(RunsJson.standard().readPage(r.body()).data()).hasSize(2);
        }
    }

    @Test
    void withoutTheBetaRequirementAnswersAListing() throws Exception {
        try (FakeRunsApi lenient = FakeRunsApi.builder().requireBetaHeader(false).apiKey(null).build()) {
            lenient.createThread("t");
            TransportRequest request = request("/v1/threads/t/runs", "Bearer anything-goes");
            try (TransportResponse r = lenient.transport().execute(request)) {
                assertThat(r.status()).isEqualTo(200);
            }
            try (TransportResponse r = lenient.transport().execute(request("/v1/threads/t/runs", null))) {
                assertThat(r.status()).isEqualTo(401);
            }
        }
    }

    @Test
    void givesTypedExceptionsThroughTheClient() {
        RunsClient client = fake.client();
        assertThatThrownBy(() -> client.list("thread_nope"))
                .isInstanceOfSatisfying(NotFoundException.class, e -> {
                    assertThat(e.status()).isEqualTo(404);
                    assertThat(e.error().message()).isEqualTo("No thread found with id 'thread_nope'.");
                    assertThat(e.requestId()).matches("req_[0-9a-f]{32}");
                    assertThat(e.attempts()).isEqualTo(1);
                });
        assertThatThrownBy(() -> client.list("thread_1", ListRunsParams.builder().after("run_never").build()))
                .isInstanceOfSatisfying(BadRequestException.class, e -> {
                    assertThat(e.error().param()).isEqualTo("after");
                    assertThat(e.error().code()).isEqualTo("invalid_value");
                });
        try (RunsClient wrongKey = RunsClient.builder().apiKey("sk-wrong-key-123456789").transport(fake.transport()).build()) {
            assertThatThrownBy(() -> wrongKey.list("thread_1"))
                    .isInstanceOfSatisfying(AuthenticationException.class, e -> {
                        assertThat(e.status()).isEqualTo(401);
                        assertThat(e.error().code()).isEqualTo("invalid_api_key");
                        assertThat(e.getMessage()).doesNotContain("sk-wrong-key-123456789");
                    });
        }
        try (RunsClient oldBeta = RunsClient.builder().apiKey(FakeRunsApi.DEFAULT_API_KEY)
                .header("OpenAI-Beta", "assistants=v1").transport(fake.transport()).build()) {
            assertThatThrownBy(() -> oldBeta.list("thread_1"))
                    .isInstanceOfSatisfying(BadRequestException.class,
                            e -> assertThat(e.error().message()).isEqualTo(V1_MESSAGE));
        }
        assertThat(fake.requests()).extracting(RecordedRequest::threadId)
                .containsExactly("thread_nope", "thread_1", "thread_1", "thread_1");
        // A cursor that names a real run is fine.
        assertThat(client.list("thread_1", ListRunsParams.builder().before(cursor).build()).data()).hasSize(2);
        assertThat(ApiException.class).isAssignableFrom(NotFoundException.class);
    }

    private static TransportRequest request(String target, String auth) {
        Headers.Builder h = Headers.builder().add("OpenAI-Beta", "assistants=v2");
        if (auth != null) {
            h.add("Authorization", auth);
        }
        return TransportRequest.get(URI.create("http://fake.invalid" + target), h.build());
    }
}
