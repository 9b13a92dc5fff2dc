package dev.runlist.errors;

/** HTTP 404: no such thread, or it belongs to another project; not retried. */
public class NotFoundException extends ApiException {

    private static final long serialVersionUID = 1L;

    /**
     * An exception for {@code error}.
     *
     * @param error the error as the server sent it
     */
    public NotFoundException(ApiError error) {
        super(error);
    }
}
