package dev.runlist.errors;

import java.time.Duration;

/** The overall timeout of a call, which bounds all its attempts together, ran out. */
public class RunlistTimeoutException extends RunlistException {

    private static final long serialVersionUID = 1L;

    /** The timeout that ran out. */
    private final Duration timeout;
    /** The number of the attempt it ran out in. */
    private final int attempts;

    /**
     * A timeout of {@code timeout} that ran out during attempt number {@code attempts}.
     *
     * @param what the call that timed out, as messages name it
     * @param timeout the timeout that ran out
     * @param attempts the number of the attempt it ran out in
     * @param cause the failure that showed it, or {@code null}
     */
    public RunlistTimeoutException(String what, Duration timeout, int attempts, Throwable cause) {
        super(what + " timed out after " + timeout.toMillis() + " ms (" + attempts
                + (attempts == 1 ? " attempt)" : " attempts)"), cause);
        this.timeout = timeout;
        this.attempts = attempts;
    }

    /** {@return the overall timeout that ran out} */
    public Duration timeout() {
        return timeout;
    }

    /** {@return how many attempts had started when it ran out} */
    public int attempts() {
        return attempts;
    }
}
