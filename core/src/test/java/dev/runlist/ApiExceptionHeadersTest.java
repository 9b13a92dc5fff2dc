package dev.runlist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.runlist.errors.ApiError;
import dev.runlist.errors.ApiException;
import dev.runlist.errors.RateLimitException;
import org.junit.jupiter.api.Test;

/** ApiException.headers(): the failed response's headers, with credentials redacted. */
class ApiExceptionHeadersTest {

    private static final String KEY = "sk-secret-key-4242";

    private final ScriptedTransport transport = new ScriptedTransport();
    private final RunsClient client = RunsClient.builder().apiKey(KEY).transport(transport).maxRetries(0).build();

    @Test
    void carriesTheResponseHeadersWithCredentialsMasked() {
        transport.respond(429, Pages.error("slow down", "rate_limit_error", null, "rate_limit_exceeded"),
                "Retry-After", "7",
                "x-request-id", "req_1",
                "Set-Cookie", "session=abc",
                "Set-Cookie", "other=def",
                "X-Echo", "Bearer " + KEY + " was sent");
        RateLimitException e = catchThrowableOfType(RateLimitException.class, () -> client.list("t"));

        assertThat(e.headers().firstValue("retry-after")).contains("7");
        assertThat(e.headers().firstValue("X-Request-Id")).contains("req_1");
        assertThat(e.headers().values("set-cookie")).containsExactly("<redacted>", "<redacted>");
        assertThat(e.headers().firstValue("x-echo")).contains("Bearer <redacted> was sent");
        assertThat(e.headers().toMap().toString()).doesNotContain(KEY).doesNotContain("session=abc");
    }

    @Test
    void aNonJsonErrorBodyKeepsItsHeadersToo() {
        transport.respond(502, "<html>bad gateway</html>", "Via", "1.1 proxy", "Content-Type", "text/html");
        ApiException e = catchThrowableOfType(ApiException.class, () -> client.list("t"));
        assertThat(e.status()).isEqualTo(502);
        assertThat(e.headers().firstValue("via")).contains("1.1 proxy");
    }

    @Test
    void anExceptionMadeWithoutHeadersHasNone() {
        ApiException e = ApiException.of(new ApiError(404, null, null, null, "no", null, 1));
        assertThat(e.headers().isEmpty()).isTrue();
    }
}
