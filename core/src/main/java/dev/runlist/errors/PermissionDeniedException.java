package dev.runlist.errors;

/** HTTP 403: the key may not read this thread (organization, project or region); not retried. */
public class PermissionDeniedException extends ApiException {

    private static final long serialVersionUID = 1L;

    /**
     * An exception for {@code error}.
     *
     * @param error the error as the server sent it
     */
    public PermissionDeniedException(ApiError error) {
        super(error);
    }
}
