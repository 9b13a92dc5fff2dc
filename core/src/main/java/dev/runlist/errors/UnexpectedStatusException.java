package dev.runlist.errors;

/** Any other error status (for example 405, 418 or 3xx, since redirects are not followed). */
public class UnexpectedStatusException extends ApiException {

    private static final long serialVersionUID = 1L;

    /**
     * An exception for {@code error}.
     *
     * @param error the error as the server sent it
     */
    public UnexpectedStatusException(ApiError error) {
        super(error);
    }
}
