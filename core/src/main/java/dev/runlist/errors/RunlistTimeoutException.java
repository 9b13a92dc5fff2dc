package dev.runlist.errors;

import java.time.Duration;

/** The overall timeout of a call, which bounds all its attempts together, ran out. */
public class RunlistTimeoutException extends RunlistException {

    private static final long serialVersionUID = 1L;

    private final Duration timeout;
    private final int attempts;

    /** A timeout of {@code timeout} that ran out during attempt number {@code attempts}. */
    public RunlistTimeoutException(String what, Duration timeout, int attempts, Throwable cause) {
        super(what + " timed out after " + timeout.toMillis() + " ms (" + attempts
                + (attempts == 1 ? " attempt)" : " attempts)"), cause);
        this.timeout = timeout;
        this.attempts = attempts;
    }

    /** The overall timeout that ran out. */
    public Duration timeout() {
        return timeout;
    }

    /** How many attempts had started when it ran out. */
    public int attempts() {
        return attempts;
    }
}
