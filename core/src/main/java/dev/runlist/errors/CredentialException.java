package dev.runlist.errors;

/**
 * No credential could be obtained for a request: the {@link dev.runlist.auth.TokenSupplier} threw
 * (the cause) or returned null. Not retried; no request was sent with the missing credential.
 */
public class CredentialException extends RunlistException {

    private static final long serialVersionUID = 1L;

    /**
     * An exception with {@code message}.
     *
     * @param message what failed
     */
    public CredentialException(String message) {
        super(message);
    }

    /**
     * An exception with {@code message} caused by {@code cause}.
     *
     * @param message what failed
     * @param cause the supplier's exception
     */
    public CredentialException(String message, Throwable cause) {
        super(message, cause);
    }
}
