package dev.runlist.errors;

import java.io.IOException;

/**
 * The API could not be reached or the connection failed mid-exchange, and retries (if any) ran
 * out. The cause is the transport's {@link IOException}.
 */
public class ConnectionException extends RunlistException {

    private static final long serialVersionUID = 1L;

    private final int attempts;

    /** Wraps {@code cause}, which ended the last of {@code attempts} attempts. */
    public ConnectionException(String message, IOException cause, int attempts) {
        super(message + " (" + attempts + (attempts == 1 ? " attempt)" : " attempts)"), cause);
        this.attempts = attempts;
    }

    /** How many attempts were made, the first included. */
    public int attempts() {
        return attempts;
    }
}
