package dev.runlist.errors;

/**
 * No usable HTTP transport was found, or the one asked for by name is not there. The message says
 * which artifact to add, which property to set and which builder method to call.
 */
public class TransportDiscoveryException extends RunlistException {

    private static final long serialVersionUID = 1L;

    /**
     * A discovery failure described by {@code message}.
     *
     * @param message what went wrong
     */
    public TransportDiscoveryException(String message) {
        super(message);
    }
}
