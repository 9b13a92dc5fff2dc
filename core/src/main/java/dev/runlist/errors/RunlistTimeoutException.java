package dev.runlist.errors;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * The overall timeout of a call ran out. It is one deadline for the whole call: connecting, waiting
 * for a pooled connection, TLS, the headers, the body and every wait between attempts; the call is
 * aborted when it passes, whatever it was doing.
 */
public class RunlistTimeoutException extends RunlistException {

    private static final long serialVersionUID = 1L;

    /** The timeout that ran out. */
    private final Duration timeout;
    /** How long the call had run when it ended. */
    private final Duration elapsed;
    /** The number of the attempt it ran out in. */
    private final int attempts;

    /**
     * A timeout of {@code timeout} that ran out during attempt number {@code attempts}, counting the
     * elapsed time as the timeout itself.
     *
     * @param what the call that timed out, as messages name it
     * @param timeout the timeout that ran out
     * @param attempts the number of the attempt it ran out in
     * @param cause the failure that showed it, or {@code null}
     */
    public RunlistTimeoutException(String what, Duration timeout, int attempts, @Nullable Throwable cause) {
        this(what, timeout, timeout, attempts, cause);
    }

    /**
     * A timeout of {@code timeout} that ended {@code what} after {@code elapsed}, during attempt number
     * {@code attempts}; the message names both times.
     *
     * @param what the call that timed out, as messages name it
     * @param timeout the timeout that ran out
     * @param elapsed how long the call had run when it was ended
     * @param attempts the number of the attempt it ran out in
     * @param cause the failure that showed it, or {@code null}
     */
    public RunlistTimeoutException(String what, Duration timeout, Duration elapsed, int attempts,
            @Nullable Throwable cause) {
        super(what + " timed out after " + elapsed.toMillis() + " ms (overall timeout " + timeout.toMillis()
                + " ms, " + attempts + (attempts == 1 ? " attempt)" : " attempts)"), cause);
        this.timeout = timeout;
        this.elapsed = elapsed;
        this.attempts = attempts;
    }

    /** {@return the overall timeout that ran out} */
    public Duration timeout() {
        return timeout;
    }

    /** {@return how long the call had run when it was ended, measured from its start} */
    public Duration elapsed() {
        return elapsed;
    }

    /** {@return how many attempts had started when it ran out} */
    public int attempts() {
        return attempts;
    }
}
