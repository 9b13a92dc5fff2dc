package dev.runlist.errors;

import dev.runlist.spi.Headers;
import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The API answered with an error status. Subclasses name the common statuses; catch this type for
 * all of them. The message holds status, type, code, param, the server's message, the request id and
 * the number of attempts.
 */
public class ApiException extends RunlistException {

    private static final long serialVersionUID = 1L;

    private final transient ApiError error;

    /**
     * An exception for {@code error}.
     *
     * @param error the error as the server sent it
     */
    public ApiException(ApiError error) {
        super(describe(error));
        this.error = error;
    }

    /**
     * {@return the exception class for {@code error.status()}: 400 gives {@link BadRequestException}, and so on}
     *
     * @param error the error as the server sent it
     */
    public static ApiException of(ApiError error) {
        int s = error.status();
        switch (s) {
            case 400: return new BadRequestException(error);
            case 401: return new AuthenticationException(error);
            case 403: return new PermissionDeniedException(error);
            case 404: return new NotFoundException(error);
            case 409: return new ConflictException(error);
            case 422: return new UnprocessableEntityException(error);
            case 429: return new RateLimitException(error);
            default:
                return s >= 500 && s <= 599 ? new InternalServerException(error) : new UnexpectedStatusException(error);
        }
    }

    /** {@return everything the error response said} */
    public ApiError error() {
        return error;
    }

    /** {@return the HTTP status code} */
    public int status() {
        return error.status();
    }

    /**
     * The {@code x-request-id} of the failed response, else Azure's {@code apim-request-id}, or
     * {@code null} when neither was sent.
     *
     * @return the request id, or {@code null}
     */
    public @Nullable String requestId() {
        return error.requestId();
    }

    /**
     * The headers of the failed response, such as {@code retry-after} or a proxy's diagnostics. Values
     * that could carry credentials are redacted: those of {@code Authorization}, {@code api-key},
     * {@code Proxy-Authorization}, {@code Cookie} and {@code Set-Cookie} read {@code <redacted>}, and
     * the client's API key is masked wherever else it appears. Empty when the exception was made
     * without headers.
     *
     * @return the response headers, redacted; never null
     */
    public Headers headers() {
        return error.headers();
    }

    /** {@return how many attempts were made, the first included} */
    public int attempts() {
        return error.attempts();
    }

    /**
     * How long the server asked the client to wait before trying again ({@code retry-after-ms} or
     * {@code Retry-After}). When it asked for longer than the client waits (more than a minute, or
     * more than the time left before the call's timeout), the call failed at once with this exception,
     * without another request: retry no sooner than this.
     *
     * @return the server's delay; empty when it gave none, or zero
     */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(error.retryAfter());
    }

    private static String describe(ApiError e) {
        StringBuilder sb = new StringBuilder().append("HTTP ").append(e.status());
        if (e.message() != null) {
            sb.append(": ").append(e.message());
        }
        sb.append(" (");
        if (e.type() != null) {
            sb.append("type=").append(e.type()).append(", ");
        }
        if (e.code() != null) {
            sb.append("code=").append(e.code()).append(", ");
        }
        if (e.param() != null) {
            sb.append("param=").append(e.param()).append(", ");
        }
        sb.append("request id ").append(e.requestId() == null ? "none" : e.requestId());
        if (e.retryAfter() != null) {
            sb.append(", the server asked to retry after ").append(e.retryAfter().toMillis()).append(" ms");
        }
        sb.append(", ").append(e.attempts()).append(e.attempts() == 1 ? " attempt)" : " attempts)");
        return sb.toString();
    }
}
