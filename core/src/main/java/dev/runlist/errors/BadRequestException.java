package dev.runlist.errors;

/** HTTP 400: the request was malformed, such as a bad {@code limit} or {@code order}; not retried. */
public class BadRequestException extends ApiException {

    private static final long serialVersionUID = 1L;

    /**
     * An exception for {@code error}.
     *
     * @param error the error as the server sent it
     */
    public BadRequestException(ApiError error) {
        super(error);
    }
}
