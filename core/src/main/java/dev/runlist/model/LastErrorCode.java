package dev.runlist.model;

/**
 * The code of a run's {@link LastError}.
 *
 * <p>Open: {@link #of(String)} keeps a value this version does not know, with {@link #kind()}
 * {@link Kind#UNKNOWN} and {@link #isKnown()} false, instead of failing.
 */
public final class LastErrorCode extends OpenValue<LastErrorCode.Kind> {

    /** The known values of {@link LastErrorCode}, plus {@link #UNKNOWN} for any other. */
    public enum Kind {
        /** {@code "server_error"}. */
        SERVER_ERROR,
        /** {@code "rate_limit_exceeded"}. */
        RATE_LIMIT_EXCEEDED,
        /** {@code "invalid_prompt"}. */
        INVALID_PROMPT,
        /** A value this version of runlist does not know; read it with {@link OpenValue#value()}. */
        UNKNOWN
    }

    /** {@code "server_error"}. */
    public static final LastErrorCode SERVER_ERROR = new LastErrorCode("server_error", Kind.SERVER_ERROR);

    /** {@code "rate_limit_exceeded"}. */
    public static final LastErrorCode RATE_LIMIT_EXCEEDED = new LastErrorCode("rate_limit_exceeded", Kind.RATE_LIMIT_EXCEEDED);

    /** {@code "invalid_prompt"}. */
    public static final LastErrorCode INVALID_PROMPT = new LastErrorCode("invalid_prompt", Kind.INVALID_PROMPT);

    private LastErrorCode(String value, Kind kind) {
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
    public static LastErrorCode of(String raw) {
        switch (raw) {
            case "server_error":
                return SERVER_ERROR;
            case "rate_limit_exceeded":
                return RATE_LIMIT_EXCEEDED;
            case "invalid_prompt":
                return INVALID_PROMPT;
            default:
                return new LastErrorCode(raw, Kind.UNKNOWN);
        }
    }
}
