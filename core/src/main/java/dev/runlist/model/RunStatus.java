package dev.runlist.model;

/**
 * The status of a run, such as {@link #COMPLETED} or {@link #REQUIRES_ACTION}; {@link #kind()} gives
 * it as an enum for an exhaustive {@code switch}, {@link #isTerminal()} says whether it can still change.
 *
 * <p>Open: {@link #of(String)} keeps a value this version does not know, with {@link #kind()}
 * {@link Kind#UNKNOWN} and {@link #isKnown()} false, instead of failing.
 */
public final class RunStatus extends OpenValue<RunStatus.Kind> {

    /** The known values of {@link RunStatus}, plus {@link #UNKNOWN} for any other. */
    public enum Kind {
        /** {@code "queued"}. */
        QUEUED,
        /** {@code "in_progress"}. */
        IN_PROGRESS,
        /** {@code "requires_action"}. */
        REQUIRES_ACTION,
        /** {@code "cancelling"}. */
        CANCELLING,
        /** {@code "cancelled"}. */
        CANCELLED,
        /** {@code "failed"}. */
        FAILED,
        /** {@code "completed"}. */
        COMPLETED,
        /** {@code "incomplete"}. */
        INCOMPLETE,
        /** {@code "expired"}. */
        EXPIRED,
        /** A value this version of runlist does not know; read it with {@link OpenValue#value()}. */
        UNKNOWN
    }

    /** {@code "queued"}. */
    public static final RunStatus QUEUED = new RunStatus("queued", Kind.QUEUED);

    /** {@code "in_progress"}. */
    public static final RunStatus IN_PROGRESS = new RunStatus("in_progress", Kind.IN_PROGRESS);

    /** {@code "requires_action"}: waiting for tool outputs. */
    public static final RunStatus REQUIRES_ACTION = new RunStatus("requires_action", Kind.REQUIRES_ACTION);

    /** {@code "cancelling"}. */
    public static final RunStatus CANCELLING = new RunStatus("cancelling", Kind.CANCELLING);

    /** {@code "cancelled"}. */
    public static final RunStatus CANCELLED = new RunStatus("cancelled", Kind.CANCELLED);

    /** {@code "failed"}. */
    public static final RunStatus FAILED = new RunStatus("failed", Kind.FAILED);

    /** {@code "completed"}. */
    public static final RunStatus COMPLETED = new RunStatus("completed", Kind.COMPLETED);

    /** {@code "incomplete"}: ended by a token limit. */
    public static final RunStatus INCOMPLETE = new RunStatus("incomplete", Kind.INCOMPLETE);

    /** {@code "expired"}. */
    public static final RunStatus EXPIRED = new RunStatus("expired", Kind.EXPIRED);

    private RunStatus(String value, Kind kind) {
        super(value, kind, kind != Kind.UNKNOWN);
    }

    /**
     * The constant for {@code raw} when it is a known value, otherwise a new unknown value keeping
     * {@code raw}. Never fails for an unknown string.
     *
     * @param raw the wire value
     * @return the constant, or an unknown value of kind {@link Kind#UNKNOWN}
     * @throws NullPointerException when {@code raw} is null
     */
    public static RunStatus of(String raw) {
        switch (raw) {
            case "queued":
                return QUEUED;
            case "in_progress":
                return IN_PROGRESS;
            case "requires_action":
                return REQUIRES_ACTION;
            case "cancelling":
                return CANCELLING;
            case "cancelled":
                return CANCELLED;
            case "failed":
                return FAILED;
            case "completed":
                return COMPLETED;
            case "incomplete":
                return INCOMPLETE;
            case "expired":
                return EXPIRED;
            default:
                return new RunStatus(raw, Kind.UNKNOWN);
        }
    }

    /**
     * Whether the run has ended and its status will not change: completed, failed, cancelled,
     * expired or incomplete. False for queued, in progress, requires action and cancelling, and for a
     * status this version does not know.
     *
     * @return true for a final status
     */
    public boolean isTerminal() {
        switch (kind()) {
            case COMPLETED:
            case FAILED:
            case CANCELLED:
            case EXPIRED:
            case INCOMPLETE:
                return true;
            default:
                return false;
        }
    }
}
