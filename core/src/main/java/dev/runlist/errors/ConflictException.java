package dev.runlist.errors;

/** HTTP 409: a conflicting change was in flight; retried by default. */
public class ConflictException extends ApiException {

    private static final long serialVersionUID = 1L;

    /**
     * An exception for {@code error}.
     *
     * @param error the error as the server sent it
     */
    public ConflictException(ApiError error) {
        super(error);
    }
}
