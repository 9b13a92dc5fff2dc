package dev.runlist.errors;

/** HTTP 422: the request was understood but refused; not retried. */
public class UnprocessableEntityException extends ApiException {

    private static final long serialVersionUID = 1L;

    /**
     * An exception for {@code error}.
     *
     * @param error the error as the server sent it
     */
    public UnprocessableEntityException(ApiError error) {
        super(error);
    }
}
