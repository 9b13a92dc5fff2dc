package dev.runlist.internal;

import dev.runlist.errors.ApiError;
import dev.runlist.errors.ApiException;
import dev.runlist.json.RunsJson;
import dev.runlist.model.ErrorObject;
import dev.runlist.spi.Headers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Turns an error response into the {@link ApiException} for its status: the OpenAI error envelope
 * (or Azure's, whose {@code code} is a string such as {@code "404"} and whose {@code type} and
 * {@code param} are often absent) when the body is one, else a snippet of whatever came (an HTML
 * page from a proxy, say). Any occurrence of the credential in the server's text and headers is
 * redacted, and credential headers are masked whole.
 */
public final class ErrorMapper {

    private static final int SNIPPET_CHARS = 200;

    private final RunsJson json;
    private final Authenticator authenticator;

    /** A mapper that parses with {@code json} and redacts the secrets of {@code authenticator}. */
    public ErrorMapper(RunsJson json, Authenticator authenticator) {
        this.json = json;
        this.authenticator = authenticator;
    }

    /**
     * The request id of a response: {@code x-request-id}, else Azure's {@code apim-request-id}; null
     * when neither was sent.
     */
    public static @Nullable String requestId(Headers headers) {
        return headers.firstValue("x-request-id").or(() -> headers.firstValue("apim-request-id")).orElse(null);
    }

    /**
     * The exception for a response of {@code status} with {@code headers} and (part of) {@code body}.
     *
     * @param retryAfter the server's retry delay, or null when it gave none
     */
    public ApiException toException(int status, Headers headers, byte[] body, int attempts,
            @Nullable Duration retryAfter) {
        String requestId = redactNullable(requestId(headers));
        Optional<ErrorObject> envelope = json.readError(body);
        ApiError error = envelope
                .map(e -> new ApiError(status, redactNullable(e.type()), redactNullable(e.code()),
                        redactNullable(e.param()), redactNullable(e.message()), requestId, attempts, redact(headers),
                        retryAfter))
                .orElseGet(() -> new ApiError(status, null, null, null, snippet(body), requestId, attempts,
                        redact(headers), retryAfter));
        return ApiException.of(error);
    }

    private String snippet(byte[] body) {
        if (body.length == 0) {
            return "empty body";
        }
        String text = new String(body, StandardCharsets.UTF_8).strip().replaceAll("\\s+", " ");
        return "non-JSON error body: " + Redaction.quote(text, authenticator::redact, SNIPPET_CHARS);
    }

    /** The headers with credential values masked and the API key masked in every other value. */
    private Headers redact(Headers headers) {
        Headers.Builder clean = Headers.builder();
        for (String name : headers.names()) {
            for (String value : headers.values(name)) {
                clean.add(name, Headers.isSensitive(name) ? "<redacted>" : redact(value));
            }
        }
        return clean.build();
    }

    private @Nullable String redactNullable(@Nullable String text) {
        return text == null ? null : redact(text);
    }

    private String redact(String text) {
        return authenticator.redact(text);
    }
}
