package dev.runlist.errors;

import java.io.IOException;

/**
 * The API could not be reached or the connection failed mid-exchange, and retries (if any) ran
 * out. The cause is the transport's {@link IOException}.
 */
public class ConnectionException extends RunlistException {

    private static final long serialVersionUID = 1L;

    /** How many attempts were made. */
    private final int attempts;

    /**
     * Wraps {@code cause}, which ended the last of {@code attempts} attempts.
     *
     * @param message what went wrong
     * @param cause the failure underneath
     * @param attempts how many attempts were made, this one included
     */
    public ConnectionException(String message, IOException cause, int attempts) {
        super(message + " (" + attempts + (attempts == 1 ? " attempt)" : " attempts)"), cause);
        this.attempts = attempts;
    }

    /** {@return how many attempts were made, the first included} */
    public int attempts() {
        return attempts;
    }
}
