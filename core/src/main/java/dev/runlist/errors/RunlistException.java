package dev.runlist.errors;

import dev.runlist.ListRunsParams;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The base of every exception runlist throws.
 *
 * <p>When the exception ends an auto-paging listing, {@link #resumeParams()} holds the parameters
 * that continue that listing right after the last run delivered, so nothing is lost or repeated.
 */
public class RunlistException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private transient volatile @Nullable ListRunsParams resumeParams;

    /**
     * An exception with {@code message}.
     *
     * @param message what went wrong
     */
    public RunlistException(String message) {
        super(message);
    }

    /**
     * An exception with {@code message} caused by {@code cause}.
     *
     * @param message what went wrong
     * @param cause the failure underneath
     */
    public RunlistException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }

    /**
     * The parameters that resume the interrupted listing after the last run it delivered; empty when
     * this exception did not end an auto-paging listing.
     *
     * @return the parameters that resume the listing, if this ended one
     */
    public Optional<ListRunsParams> resumeParams() {
        return Optional.ofNullable(resumeParams);
    }

    /**
     * Records where the interrupted listing can resume. Called by runlist's pagers when they give up;
     * the first call wins and later calls are ignored.
     *
     * @param params the listing parameters
     * @return this exception
     */
    public RunlistException resumableWith(ListRunsParams params) {
        synchronized (this) {
            if (resumeParams == null) {
                resumeParams = params;
            }
        }
        return this;
    }
}
