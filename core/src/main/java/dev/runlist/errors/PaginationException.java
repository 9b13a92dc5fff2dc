package dev.runlist.errors;

/**
 * A listing could not go on safely: the server claimed {@code has_more} but sent an empty page, or
 * sent a cursor that was already seen, which would loop forever.
 */
public class PaginationException extends RunlistException {

    private static final long serialVersionUID = 1L;

    /**
     * A pagination failure described by {@code message}.
     *
     * @param message what went wrong
     */
    public PaginationException(String message) {
        super(message);
    }
}
