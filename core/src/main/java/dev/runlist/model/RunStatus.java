package dev.runlist.model;

/**
 * The status of a run, such as {@link #COMPLETED} or {@link #REQUIRES_ACTION}.
 *
 * <p>Open: {@link #of(String)} keeps a value this version does not know, with {@link #isKnown()}
 * false, instead of failing.
 */
public final class RunStatus extends OpenValue {

    /** {@code "queued"}. */
    public static final RunStatus QUEUED = new RunStatus("queued", true);

    /** {@code "in_progress"}. */
    public static final RunStatus IN_PROGRESS = new RunStatus("in_progress", true);

    /** {@code "requires_action"}. */
    public static final RunStatus REQUIRES_ACTION = new RunStatus("requires_action", true);

    /** {@code "cancelling"}. */
    public static final RunStatus CANCELLING = new RunStatus("cancelling", true);

    /** {@code "cancelled"}. */
    public static final RunStatus CANCELLED = new RunStatus("cancelled", true);

    /** {@code "failed"}. */
    public static final RunStatus FAILED = new RunStatus("failed", true);

    /** {@code "completed"}. */
    public static final RunStatus COMPLETED = new RunStatus("completed", true);

    /** {@code "incomplete"}. */
    public static final RunStatus INCOMPLETE = new RunStatus("incomplete", true);

    /** {@code "expired"}. */
    public static final RunStatus EXPIRED = new RunStatus("expired", true);

    private RunStatus(String value, boolean known) {
        super(value, known);
    }

    /**
     * The constant for {@code raw} when it is a known value, otherwise a new unknown value keeping
     * {@code raw}. Never fails for an unknown string.
     *
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
                return new RunStatus(raw, false);
        }
    }
}
