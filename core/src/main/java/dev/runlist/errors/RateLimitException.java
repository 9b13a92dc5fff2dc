package dev.runlist.errors;

/**
 * HTTP 429: a rate limit or quota was hit; retried by default, waiting at least as long as the
 * server's {@code Retry-After} asks. When that is longer than the client will wait, this is thrown at
 * once with {@link #retryAfter()} set.
 */
public class RateLimitException extends ApiException {

    private static final long serialVersionUID = 1L;

    /**
     * An exception for {@code error}.
     *
     * @param error the error as the server sent it
     */
    public RateLimitException(ApiError error) {
        super(error);
    }
}
