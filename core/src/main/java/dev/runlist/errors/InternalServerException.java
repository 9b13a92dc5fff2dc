package dev.runlist.errors;

/** HTTP 5xx: the server failed; retried by default. */
public class InternalServerException extends ApiException {

    private static final long serialVersionUID = 1L;

    /**
     * An exception for {@code error}.
     *
     * @param error the error as the server sent it
     */
    public InternalServerException(ApiError error) {
        super(error);
    }
}
