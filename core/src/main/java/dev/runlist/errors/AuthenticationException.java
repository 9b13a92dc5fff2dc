package dev.runlist.errors;

/** HTTP 401: the API key is missing, wrong or revoked; not retried. */
public class AuthenticationException extends ApiException {

    private static final long serialVersionUID = 1L;

    /**
     * An exception for {@code error}.
     *
     * @param error the error as the server sent it
     */
    public AuthenticationException(ApiError error) {
        super(error);
    }
}
