package dev.runlist.errors;

/** HTTP 429: a rate limit or quota was hit; retried by default, honouring {@code Retry-After}. */
public class RateLimitException extends ApiException {

    private static final long serialVersionUID = 1L;

    /** An exception for {@code error}. */
    public RateLimitException(ApiError error) {
        super(error);
    }
}
