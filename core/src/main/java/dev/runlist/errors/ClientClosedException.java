package dev.runlist.errors;

/**
 * The client was closed: either while this call was running (it was aborted, its connection closed)
 * or before the call was made (a closed client refuses every call). Not worth retrying on the same
 * client; build a new one.
 */
public class ClientClosedException extends RunlistException {

    private static final long serialVersionUID = 1L;

    /**
     * An exception with {@code message}.
     *
     * @param message what was refused or ended, and why
     */
    public ClientClosedException(String message) {
        super(message);
    }
}
